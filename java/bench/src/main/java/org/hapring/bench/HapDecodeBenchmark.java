package org.hapring.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapFrameDecoder;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
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
import org.xerial.snappy.Snappy;

/**
 * HAP frame decoding speed for 1080p HAP Q (YCoCg DXT5, 2,073,600 texture bytes), in texture bytes
 * produced per second: the {@code textureBytes} counter JMH prints per benchmark (bytes/s).
 *
 * <ul>
 *   <li>{@code callerThread}: everything on the benchmark thread: the per-core figure.</li>
 *   <li>{@code parallel}: chunks spread over a ForkJoinPool with one helper per core, plus the caller.</li>
 * </ul>
 *
 * Content: {@code pattern} (a synthetic texture Snappy compresses to about a fifth, like real video),
 * {@code noise-stored} (random texture; with 1 chunk a stored 0xAF frame, else 0x0A chunks: what
 * FFmpeg writes when Snappy gains nothing) and {@code noise-snappy} (Snappy forced over random bytes:
 * the worst case for the decompressor). Chunks: 1 (one Snappy block, 0xBF) or 4 (0xCF). The frames
 * are built in-process, so no file is needed.
 *
 * <p>Run: {@code java -jar java/bench/target/benchmarks.jar HapDecode -f 1 -wi 3 -i 5 [-prof gc]}.
 *
 * <p>JMH runs each benchmark method on its own benchmark thread; the setup and teardown run there too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HapDecodeBenchmark {
    static final int WIDTH_PIXELS = 1920;
    static final int HEIGHT_PIXELS = 1080;
    static final TextureFormat FORMAT = TextureFormat.YCOCG_DXT5;
    static final long TEXTURE_BYTES = FORMAT.textureBytes(WIDTH_PIXELS, HEIGHT_PIXELS);

    @Param({"pattern", "noise-stored", "noise-snappy"})
    public String content;

    @Param({"1", "4"})
    public int chunks;

    private Arena arena;
    private ForkJoinPool pool;
    private HapFrameDecoder callerThreadDecoder;
    private HapFrameDecoder parallelDecoder;
    private MemorySegment frame;
    private TextureFrame out;

    /** Texture bytes produced, reported by JMH as a rate (bytes per second). */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Produced {
        public long textureBytes;

        @Setup(Level.Iteration)
        public void clear() {
            textureBytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        byte[] texture = content.equals("pattern") ? patternTexture() : noiseTexture();
        byte[] bytes = BenchFrames.frame(FORMAT, texture, chunks, !content.equals("noise-stored"));
        arena = Arena.ofShared();
        frame = arena.allocate(bytes.length, 64);
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, frame, 0, bytes.length);
        out = TextureFrame.allocate(arena, HapVariant.HAP_Q, WIDTH_PIXELS, HEIGHT_PIXELS);
        pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        callerThreadDecoder = new HapFrameDecoder();
        parallelDecoder = new HapFrameDecoder(pool);
        System.err.printf("%n%s, %d chunk(s): frame %,d bytes for %,d texture bytes%n", content, chunks,
                bytes.length, TEXTURE_BYTES);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        callerThreadDecoder.close();
        parallelDecoder.close();
        pool.shutdownNow();
        arena.close();
    }

    @Benchmark
    public long callerThread(Produced produced) throws HapFormatException {
        callerThreadDecoder.decode(frame, WIDTH_PIXELS, HEIGHT_PIXELS, out);
        produced.textureBytes += TEXTURE_BYTES;
        return out.planeBytes(0);
    }

    @Benchmark
    public long parallel(Produced produced) throws HapFormatException {
        parallelDecoder.decode(frame, WIDTH_PIXELS, HEIGHT_PIXELS, out);
        produced.textureBytes += TEXTURE_BYTES;
        return out.planeBytes(0);
    }

    private static byte[] noiseTexture() {
        byte[] t = new byte[(int) TEXTURE_BYTES];
        new SplittableRandom(1).nextBytes(t);
        return t;
    }

    /**
     * A texture with the redundancy of real footage: areas of repeated blocks (flat colour, as in
     * skies and backgrounds) and blocks with their own endpoints and indices (detail).
     */
    private static byte[] patternTexture() {
        byte[] t = new byte[(int) TEXTURE_BYTES];
        SplittableRandom r = new SplittableRandom(2);
        byte[] block = new byte[FORMAT.blockBytes()];
        int blocksAcross = TextureFormat.blocksAcross(WIDTH_PIXELS);
        for (int i = 0, b = 0; i < t.length; i += block.length, b++) {
            boolean detail = ((b % blocksAcross) / 40 + (b / blocksAcross) / 30) % 4 == 0;
            if (detail || r.nextInt(24) == 0) {
                r.nextBytes(block);
            }
            System.arraycopy(block, 0, t, i, block.length);
        }
        return t;
    }

    /** Builds HAP frames the way FFmpeg's encoder lays them out (8-byte top-level header). */
    static final class BenchFrames {
        private BenchFrames() {}

        static byte[] frame(TextureFormat format, byte[] texture, int chunks, boolean snappy) throws IOException {
            if (chunks == 1) {
                return section(snappy ? 0xB0 | format.hapCode() : 0xA0 | format.hapCode(),
                        snappy ? Snappy.compress(texture) : texture, true);
            }
            ByteArrayOutputStream compressors = new ByteArrayOutputStream();
            ByteArrayOutputStream sizes = new ByteArrayOutputStream();
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            int chunkBytes = texture.length / chunks;
            for (int i = 0; i < chunks; i++) {
                int from = i * chunkBytes;
                int to = i == chunks - 1 ? texture.length : from + chunkBytes;
                byte[] raw = java.util.Arrays.copyOfRange(texture, from, to);
                byte[] stored = snappy ? Snappy.compress(raw) : raw;
                compressors.write(snappy ? 0x0B : 0x0A);
                sizes.writeBytes(le32(stored.length));
                data.writeBytes(stored);
            }
            byte[] instructions = section(0x01, concat(section(0x02, compressors.toByteArray(), false),
                    section(0x03, sizes.toByteArray(), false)), false);
            return section(0xC0 | format.hapCode(), concat(instructions, data.toByteArray()), true);
        }

        private static byte[] section(int type, byte[] payload, boolean longHeader) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (longHeader) {
                out.writeBytes(new byte[] {0, 0, 0, (byte) type});
                out.writeBytes(le32(payload.length));
            } else {
                out.writeBytes(new byte[] {(byte) payload.length, (byte) (payload.length >> 8),
                    (byte) (payload.length >> 16), (byte) type});
            }
            out.writeBytes(payload);
            return out.toByteArray();
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }

        private static byte[] le32(long v) {
            return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
        }
    }
}
