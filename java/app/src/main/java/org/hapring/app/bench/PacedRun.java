package org.hapring.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hapring.io.EngineKind;
import org.hapring.write.FrameRate;

/**
 * One paced measurement: layers played at the clock's real rate for a while, counting the frames that were not
 * ready when due. Implemented on the player; the capacity search only sees this interface (tests give it fakes).
 *
 * <p>{@link #run} is called by the benchmark's main thread; implementations start their own threads and stop
 * them before returning.
 */
@FunctionalInterface
public interface PacedRun {
    /**
     * What to play.
     *
     * @param engine the engine
     * @param cache the cache state (prepared by the caller; direct opens with O_DIRECT)
     * @param files one entry per layer (a file may serve several layers)
     * @param startFrames the frame each layer starts at (layers sharing a file start apart)
     * @param fps the clock's rate
     * @param seconds how long to play
     */
    record Spec(
            EngineKind engine, CacheState cache, List<Path> files, int[] startFrames, FrameRate fps, double seconds) {
        public Spec {
            files = List.copyOf(files);
            startFrames = startFrames.clone();
            if (files.isEmpty() || startFrames.length != files.size()) {
                throw new IllegalArgumentException("paced run: " + files.size() + " layer file(s) and "
                        + startFrames.length + " start frame(s); need the same number, at least one");
            }
        }

        public int layers() {
            return files.size();
        }
    }

    /**
     * What one paced run measured.
     *
     * @param engineRan the engine as it ran
     * @param ticks clock ticks run or skipped
     * @param framesDue layer-ticks (every layer due a frame every tick)
     * @param dropped layer-ticks whose due frame was not shown
     * @param hits acquires that found the due frame ready
     * @param misses acquires that did not
     * @param acquireP50Micros median frame-acquire latency
     * @param acquireP99Micros 99th percentile frame-acquire latency
     * @param bytesRead bytes the engine delivered
     * @param seconds how long it played
     * @param acquireTrace the tick thread's frame-acquire time per tick, over time
     * @param notices what the engine said (fallbacks)
     */
    record Result(
            String engineRan,
            long ticks,
            long framesDue,
            long dropped,
            long hits,
            long misses,
            double acquireP50Micros,
            double acquireP99Micros,
            long bytesRead,
            double seconds,
            LatencyTrace acquireTrace,
            List<String> notices) {
        public double droppedPercent() {
            return framesDue == 0 ? 0 : 100.0 * dropped / framesDue;
        }

        public double hitRatePercent() {
            long n = hits + misses;
            return n == 0 ? 100.0 : 100.0 * hits / n;
        }

        public double gigabytesPerSecond() {
            return seconds <= 0 ? Double.NaN : bytesRead / seconds / 1e9;
        }
    }

    Result run(Spec spec) throws IOException;
}
