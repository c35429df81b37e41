package org.hapring.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.HapVariant;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.ReadEngines;
import org.hapring.playback.FrameSink;
import org.hapring.playback.Player;
import org.hapring.playback.PlayerConfig;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.prebuffer.ReadyFrame;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seek protocol end to end, without threads: a manual player (this thread is the tick thread and runs the I/O
 * and decode work) on one 1080p HAP Q layer from a warm page cache; each operation seeks to a random frame (the
 * hint reads the target first), pumps the I/O work until none is left (new generation, stale slots dropped, the
 * target read and published, then the look-ahead after it refilled: about 6 frames of 2 MB, which dominates),
 * and runs the tick that applies the seek and shows the target. Microseconds per seek, refill included; the aux
 * counter {@code wrong} counts seeks whose tick did not show the target (must stay 0). Engines whose reads
 * complete on their own threads (filechannel) cannot run under a manual pump and are left out; the threaded
 * player's seek-to-ready latency is in its stats ({@code hapring play --random-seek-every-ms}).
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -jar java/bench/target/benchmarks.jar SeekBenchmark
 * </pre>
 *
 * <p>JMH's benchmark thread is the player's tick, I/O and decode thread at once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SeekBenchmark {
    static final int FRAMES = 120;

    @Param({"uring", "uring-noreg", "mmap"})
    public String engine;

    private Player player;
    private int layer;
    private long tick;
    private final SplittableRandom random = new SplittableRandom(5);
    private final LastShown sink = new LastShown();

    /** Seeks whose tick showed another frame. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long wrong;
    }

    /** Remembers the frame shown last (tick thread). */
    static final class LastShown implements FrameSink {
        int frame = -1;

        @Override
        public void show(int layerId, long tick, int dueFrame, ReadyFrame f) {
            frame = f == null ? -1 : f.frameIndex();
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path movie = BenchFiles.hapMovie(
                BenchFiles.defaultDir().resolveSibling("hapring-bench-seek"), HapVariant.HAP_Q, 1920, 1080, FRAMES);
        BenchFiles.warm(java.util.List.of(movie));
        PlayerConfig config =
                PlayerConfig.builder().set("engine", engine).set("loop", false).build();
        player = Player.manual(
                config,
                sink,
                ReadEngines.create(
                        EngineKind.parse(engine),
                        EngineConfig.builder().queueDepth(config.queueDepth()).build()),
                FrameDecoders.hap(0));
        layer = player.openLayer(movie);
        player.pump();
        player.tick(tick++);
    }

    @Benchmark
    public int seek(Counters counters) {
        int target = random.nextInt(FRAMES);
        player.seek(layer, target);
        player.pump();
        player.tick(tick++);
        if (sink.frame != target) {
            counters.wrong++;
        }
        return sink.frame;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        player.close();
    }
}
