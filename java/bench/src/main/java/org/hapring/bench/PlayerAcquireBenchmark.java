package org.hapring.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.hapring.decode.HapVariant;
import org.hapring.playback.NullFrameSink;
import org.hapring.playback.Player;
import org.hapring.playback.PlayerConfig;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;
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
 * What one tick costs the tick thread with 6 layers of 1080p HAP Q noise (2 MB frames), as a latency
 * distribution (JMH sample time: p50, p99, max per tick, all six acquires included): with the pre-buffer (the
 * I/O thread reads ahead; between measured ticks the benchmark waits, unmeasured, until the next tick's frames
 * are ready, as they are when the pre-buffer keeps up with a real-time clock) against {@code sync}, the
 * original pipeline that reads and decodes on the tick thread. The tick includes waking the I/O thread, so on
 * a busy machine its tail also shows the scheduler.
 *
 * <pre>
 *   ./hapring mvn -q -pl java/bench -am package -DskipTests
 *   java --enable-native-access=ALL-UNNAMED -jar java/bench/target/benchmarks.jar PlayerAcquireBenchmark
 * </pre>
 *
 * <p>JMH's benchmark thread is the tick thread; the player has its own I/O and decode threads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx256m", "-Xmn8m"})
public class PlayerAcquireBenchmark {
    static final int LAYERS = 6;
    static final int FRAMES = 60;

    @Param({"uring", "filechannel", "sync"})
    public String engine;

    private Player player;
    private long tick;

    @Setup(Level.Trial)
    public void open() throws IOException, InterruptedException {
        List<Path> movies = movies(BenchFiles.defaultDir().resolve("player"));
        BenchFiles.warm(movies);
        player = Player.start(
                PlayerConfig.builder().set("engine", engine).build(),
                new NullFrameSink(),
                FrameDecoders.hap(),
                m -> System.err.println("notice: " + m));
        for (Path m : movies) {
            player.play(player.openLayer(m));
        }
        if (!player.awaitReady(30_000_000_000L)) {
            throw new IllegalStateException("pre-roll took more than 30 s");
        }
    }

    /**
     * Unmeasured: waits until the I/O thread has the next tick's frames (at most 50 ms), as the pre-buffer
     * keeps ahead of a real-time clock; the sync baseline needs no wait.
     */
    @Setup(Level.Invocation)
    public void pace() {
        long deadline = System.nanoTime() + 50_000_000L;
        while (!player.readyFor(tick) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
    }

    @Benchmark
    public void tick() {
        player.tick(tick++);
    }

    @TearDown(Level.Trial)
    public void close() {
        var s = player.snapshot();
        System.err.printf(
                "%n%s: ticks=%d shown=%d dropped=%d hitRate=%.5f acquire p99=%.1f us%n",
                engine,
                s.ticks(),
                s.shown(),
                s.dropped(),
                s.hitRate(),
                s.acquire().p99Micros());
        player.close();
    }

    /** Six stamped 1080p HAP Q noise movies of 60 frames, made once. */
    static List<Path> movies(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            Path f = dir.resolve("noise-hapq-1080p-" + i + ".mov");
            if (!Files.exists(f)) {
                Path tmp = dir.resolve(f.getFileName() + ".making.mov");
                HapGenerator.generate(
                        new GenSpec(
                                tmp,
                                HapVariant.HAP_Q,
                                1920,
                                1080,
                                FrameRate.parse("60"),
                                FRAMES,
                                GenSpec.Content.NOISE,
                                i,
                                i + 1,
                                HapEncoding.defaults(),
                                MovWriter.MoovPlacement.FIRST,
                                Math.max(1, Runtime.getRuntime().availableProcessors())),
                        null);
                Files.move(tmp, f);
            }
            out.add(f);
        }
        return out;
    }
}
