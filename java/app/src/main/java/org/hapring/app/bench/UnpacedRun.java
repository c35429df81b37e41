package org.hapring.app.bench;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapring.io.BufferSet;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.EngineStats;
import org.hapring.io.FileHandle;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.ReadEngine;
import org.hapring.io.ReadEngines;
import org.hapring.mov.SampleTable;

/**
 * One unpaced measurement on the {@link ReadEngine} SPI, the player's per-tick pattern as fast as it goes:
 * each tick queues the next frame of every layer (layer {@code i} reads file {@code i}), ONE submit, then reaps
 * all of them; the queue depth is the layer count. A cold or direct run reads frames {@code 0 .. frames-1} once
 * (never a page twice); a warm run wraps around the files until its time is up. Every completion's last byte is
 * read (so mmap pays for touching its pages, as a consumer would).
 *
 * <p>Measures the wall time, the bytes, the process's CPU time, page faults and read calls
 * ({@link ProcCounters}), the engine's counters (io_uring_enter calls) and each tick's latency.
 *
 * <p>Runs on the calling thread, which owns the engine for the run.
 */
public final class UnpacedRun {
    /**
     * What to run.
     *
     * @param engine the engine
     * @param cache the cache state (prepared by the caller; direct opens the files with O_DIRECT)
     * @param files one file per layer
     * @param frames frames per layer for cold and direct (at most every file's frame count)
     * @param warmNanos how long a warm run lasts (it wraps around the files)
     */
    public record Spec(EngineKind engine, CacheState cache, List<SampleTable> files, int frames, long warmNanos) {
        public Spec {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("layers=0: at least one layer");
            }
            int minFrames =
                    files.stream().mapToInt(SampleTable::frameCount).min().orElse(0);
            if (cache != CacheState.WARM && (frames < 1 || frames > minFrames)) {
                throw new IllegalArgumentException("frames=" + frames + ": a " + cache.cliName()
                        + " run reads each frame once, so it must be 1.." + minFrames + " (the shortest file)");
            }
            if (cache == CacheState.WARM && warmNanos <= 0) {
                throw new IllegalArgumentException("warmNanos=" + warmNanos + ": must be > 0");
            }
        }

        public int layers() {
            return files.size();
        }
    }

    /**
     * What one run measured.
     *
     * @param engineName the engine as it ran ({@code uring} may have become {@code uring-noreg})
     * @param wallNanos from the first queue to the last completion
     * @param bytes bytes delivered (the frames' own bytes; O_DIRECT's aligned extra is not counted)
     * @param frames frames delivered
     * @param ticks ticks run
     * @param proc the process's counters over the run
     * @param engine the engine's counters over the run
     * @param ticksTrace each tick's latency (queue to last completion)
     * @param notices what the engine said (fallbacks, O_DIRECT refused)
     */
    public record Result(
            String engineName,
            long wallNanos,
            long bytes,
            long frames,
            long ticks,
            ProcCounters proc,
            EngineStats engine,
            LatencyTrace ticksTrace,
            List<String> notices) {
        public double gigabytesPerSecond() {
            return bytes / (double) wallNanos;
        }

        public double cpuSecondsPerGigabyte() {
            return bytes == 0 ? Double.NaN : proc.cpuNanos() / (double) bytes;
        }

        /**
         * Kernel entries per frame: io_uring_enter calls for the uring engines, read calls ({@code syscr}) for
         * the others; NaN when the read calls are unknown.
         */
        public double syscallsPerFrame() {
            if (frames == 0) {
                return Double.NaN;
            }
            if (engine.enterCalls() > 0 || engineName.startsWith("uring")) {
                return engine.enterCalls() / (double) frames;
            }
            return proc.readSyscalls() < 0 ? Double.NaN : proc.readSyscalls() / (double) frames;
        }

        public double pageFaultsPerFrame() {
            return frames == 0 ? Double.NaN : proc.pageFaults() / (double) frames;
        }
    }

    private static final long REAP_TIMEOUT_NANOS = 30_000_000_000L;

    private UnpacedRun() {}

    public static Result run(Spec spec, Path procSelf) throws IOException {
        int layers = spec.layers();
        List<String> notices = new ArrayList<>();
        EngineConfig config = EngineConfig.builder()
                .queueDepth(layers)
                .maxBuffers(layers)
                .maxFiles(layers)
                .notices(notices::add)
                .build();
        int maxFrameBytes = spec.files().stream()
                .mapToInt(SampleTable::maxSampleBytes)
                .max()
                .orElse(1);
        Sink sink = new Sink();
        // shared: the filechannel pool's workers write into the buffers
        try (Arena arena = Arena.ofShared();
                ReadEngine engine = ReadEngines.create(spec.engine(), config)) {
            BufferSet buffers = BufferSet.allocate(arena, layers, BufferSet.requiredBytes(maxFrameBytes, 4096), 4096);
            engine.registerBuffers(buffers);
            FileHandle[] handles = new FileHandle[layers];
            OpenOptions options = spec.cache() == CacheState.DIRECT ? OpenOptions.DIRECT : OpenOptions.BUFFERED;
            for (int i = 0; i < layers; i++) {
                handles[i] = engine.open(spec.files().get(i).file(), options);
            }
            int[] bufferIndex = new int[layers];
            for (int i = 0; i < layers; i++) {
                bufferIndex[i] = engine.capabilities().zeroCopy() ? ReadEngine.NO_BUFFER : buffers.index(i);
            }
            LatencyTrace trace = new LatencyTrace();
            boolean warm = spec.cache() == CacheState.WARM;
            EngineStats stats0 = engine.stats();
            ProcCounters proc0 = ProcCounters.read(procSelf);
            long start = System.nanoTime();
            long end = start + spec.warmNanos();
            long ticks = 0;
            long now = start;
            while (warm ? now < end : ticks < spec.frames()) {
                for (int i = 0; i < layers; i++) {
                    SampleTable t = spec.files().get(i);
                    int f = (int) (ticks % t.frameCount());
                    if (engine.queue(handles[i], t.offset(f), t.size(f), bufferIndex[i], i) != ReadEngine.QUEUED) {
                        throw new IllegalStateException(
                                engine.name() + " answered BUSY below its queue depth of " + layers);
                    }
                }
                engine.submit();
                int got = 0;
                while (got < layers) {
                    got += engine.reap(layers - got, layers, REAP_TIMEOUT_NANOS, sink);
                }
                if (sink.error != null) {
                    throw sink.error;
                }
                long done = System.nanoTime();
                trace.add(now - start, done - now);
                now = done;
                ticks++;
            }
            long wall = now - start;
            ProcCounters proc = ProcCounters.read(procSelf).minus(proc0);
            EngineStats es = engine.stats().minus(stats0);
            String name = engine.name();
            for (int i = 0; i < layers; i++) {
                engine.closeFile(handles[i]);
            }
            engine.unregisterBuffers(buffers);
            return new Result(
                    name, wall, es.bytesRead(), es.readsCompleted(), ticks, proc, es, trace, List.copyOf(notices));
        }
    }

    /** Reads the last byte of every frame; keeps the first error. Called on the run's thread inside reap. */
    private static final class Sink implements CompletionHandler {
        long checksum;
        IoEngineException error;

        @Override
        public void onComplete(long userData, MemorySegment data) {
            checksum += data.get(ValueLayout.JAVA_BYTE, data.byteSize() - 1);
        }

        @Override
        public void onError(long userData, IoEngineException e) {
            if (error == null) {
                error = e;
            }
        }
    }
}
