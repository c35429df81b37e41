package org.hapring.bench;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFrame;
import org.hapring.write.FrameContent;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapFrameEncoder;
import org.hapring.write.NoiseContent;
import org.hapring.write.PatternContent;
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
 * CPU cost of one generated frame on one thread (content render + HAP section encode), without the
 * file write: what {@code hapring gen} needs per frame from each encode worker. Frames per second
 * = 1e6 / (microseconds per op); multiply by the frame bytes for MB/s.
 *
 * <pre>
 *   java -jar java/bench/target/benchmarks.jar GenFrameBenchmark
 * </pre>
 *
 * <p>JMH runs each benchmark thread with its own state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class GenFrameBenchmark {
    @Param({"hap_q"})
    public String format;

    @Param({"1920x1080"})
    public String size;

    @Param({"pattern", "noise"})
    public String content;

    @Param({"snappy", "none"})
    public String compressor;

    private Arena arena;
    private FrameContent frames;
    private HapFrameEncoder encoder;
    private TextureFrame texture;
    private MemorySegment out;
    private long frame;

    @Setup(Level.Trial)
    public void setUp() {
        HapVariant variant = HapVariant.fromCliName(format).orElseThrow();
        String[] wh = size.split("x");
        int w = Integer.parseInt(wh[0]);
        int h = Integer.parseInt(wh[1]);
        arena = Arena.ofShared();
        frames = content.equals("noise")
                ? new NoiseContent(variant, w, h, 1, 1_000_000, 1)
                : new PatternContent(variant, w, h, 1, 1_000_000, arena);
        HapEncoding enc = HapEncoding.defaults()
                .withCompressor(
                        compressor.equals("none") ? HapEncoding.Compressor.NONE : HapEncoding.Compressor.SNAPPY);
        encoder = new HapFrameEncoder(variant, w, h, enc);
        texture = TextureFrame.allocate(arena, variant, w, h);
        out = arena.allocate(encoder.maxFrameBytes(), 64);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    /** Returns the encoded frame's bytes. */
    @Benchmark
    public long renderAndEncode() throws IOException {
        frames.render(frame++, texture);
        return encoder.encode(texture, out);
    }
}
