package org.hapring.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.TextureFormat;
import org.hapring.write.bc.BlockEncoder;
import org.hapring.write.bc.BlockEncoders;
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
 * Nanoseconds per 4x4 block of each block encoder on smooth, varied content (a gradient with an edge
 * through some blocks): what the pattern content's one-off canvas compression costs, on one thread.
 * A 1080p plane is 129,600 blocks.
 *
 * <pre>
 *   java -jar java/bench/target/benchmarks.jar PlaneEncoderBenchmark
 * </pre>
 *
 * <p>JMH runs each benchmark thread with its own state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class PlaneEncoderBenchmark {
    private static final int BLOCKS = 256;

    @Param({"DXT1", "DXT5", "YCOCG_DXT5", "BC4", "BC7", "BC6H_UNSIGNED"})
    public String format;

    private Arena arena;
    private BlockEncoder encoder;
    private MemorySegment dst;
    private int[][] blocks;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        TextureFormat f = TextureFormat.valueOf(format);
        encoder = BlockEncoders.create(f);
        arena = Arena.ofConfined();
        dst = arena.allocate(f.blockBytes());
        blocks = new int[BLOCKS][64];
        for (int b = 0; b < BLOCKS; b++) {
            for (int i = 0; i < 16; i++) {
                int x = (b % 16) * 4 + i % 4;
                int y = (b / 16) * 4 + i / 4;
                boolean edge = x + y > 40 && x + y < 44;
                blocks[b][4 * i] = edge ? 250 : x * 4;
                blocks[b][4 * i + 1] = edge ? 20 : y * 4;
                blocks[b][4 * i + 2] = (x * y) & 0xFF;
                blocks[b][4 * i + 3] = 255 - x * 3;
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public MemorySegment encodeBlock() {
        encoder.encode(blocks[next++ & (BLOCKS - 1)], dst, 0);
        return dst;
    }
}
