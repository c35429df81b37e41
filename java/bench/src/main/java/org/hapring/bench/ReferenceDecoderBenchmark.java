package org.hapring.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.decode.reference.ReferenceDecoder;
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
 * How long the CPU reference decoder takes for one 1920x1080 frame of each variant, single-threaded.
 * Textures are random bytes: every block mode occurs (for BC7/BC6H the slow multi-subset modes too), so
 * this is a worst case rather than typical content. Target: tens of milliseconds per frame.
 *
 * <p>JMH runs it on its own benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ReferenceDecoderBenchmark {
    private static final int WIDTH_PIXELS = 1920;
    private static final int HEIGHT_PIXELS = 1080;

    @Param({"HAP", "HAP_ALPHA", "HAP_Q", "HAP_Q_ALPHA", "HAP_ALPHA_ONLY", "HAP_R", "HAP_HDR"})
    public HapVariant variant;

    private Arena arena;
    private TextureFrame frame;
    private MemorySegment rgba;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofConfined();
        frame = TextureFrame.allocate(arena, variant, WIDTH_PIXELS, HEIGHT_PIXELS);
        frame.reset(WIDTH_PIXELS, HEIGHT_PIXELS);
        Random random = new Random(42);
        for (int i = 0; i < variant.planes().size(); i++) {
            TextureFormat format = variant.planes().get(i);
            long textureBytes = format.textureBytes(WIDTH_PIXELS, HEIGHT_PIXELS);
            byte[] noise = new byte[(int) textureBytes];
            random.nextBytes(noise);
            MemorySegment.copy(noise, 0, frame.storage(i), ValueLayout.JAVA_BYTE, 0, noise.length);
            frame.setPlane(i, format, textureBytes);
        }
        rgba = arena.allocate(ReferenceDecoder.rgbaBytes(WIDTH_PIXELS, HEIGHT_PIXELS));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public MemorySegment decode1080pFrame() throws HapFormatException {
        ReferenceDecoder.toRgba(frame, variant, rgba);
        return rgba;
    }
}
