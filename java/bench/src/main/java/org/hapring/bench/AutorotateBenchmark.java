package org.hapring.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.reference.FfmpegAutorotate;
import org.hapring.decode.reference.ReferenceDecoder;
import org.hapring.decode.reference.Rotation;
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
 * What FFmpeg's CLI autorotate costs {@code decode --framemd5} per 1920x1080 RGBA frame, single-threaded:
 * a quarter turn (transpose), a half turn (hflip+vflip) and 45 degrees (the rotate filter's bilinear
 * maths). The picture is random bytes; the cost does not depend on content.
 *
 * <p>JMH runs it on its own benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class AutorotateBenchmark {
    private static final int WIDTH_PIXELS = 1920;
    private static final int HEIGHT_PIXELS = 1080;
    private static final int ONE = 1 << 16;

    /** Clockwise degrees of the track's display matrix. */
    @Param({"90", "180", "45"})
    public int degrees;

    private Arena arena;
    private Rotation rotation;
    private MemorySegment in;
    private MemorySegment out;

    @Setup(Level.Trial)
    public void setUp() {
        double r = Math.toRadians(degrees);
        int cos = (int) Math.round(Math.cos(r) * ONE);
        int sin = (int) Math.round(Math.sin(r) * ONE);
        rotation = FfmpegAutorotate.of(new int[] {cos, sin, 0, -sin, cos, 0, 0, 0, 1 << 30});
        arena = Arena.ofConfined();
        long bytes = ReferenceDecoder.rgbaBytes(WIDTH_PIXELS, HEIGHT_PIXELS);
        in = arena.allocate(bytes);
        out = arena.allocate(bytes);
        byte[] noise = new byte[(int) bytes];
        new Random(42).nextBytes(noise);
        MemorySegment.copy(noise, 0, in, ValueLayout.JAVA_BYTE, 0, noise.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public MemorySegment rotate1080pFrame() {
        rotation.apply(in, WIDTH_PIXELS, HEIGHT_PIXELS, out);
        return out;
    }
}
