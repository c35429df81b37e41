package org.hapring.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
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
 * HAP frame decoding speed per variant at 1080p, in texture bytes produced per second: the
 * {@code textureBytes} counter JMH prints per benchmark (bytes/s). Variants ({@code -p variant=...}): {@code hap}
 * (DXT1, 1,036,800 texture bytes), {@code hap_alpha} (DXT5), {@code hap_q} (YCoCg DXT5, 2,073,600),
 * {@code hap_q_alpha} (HapM: YCoCg DXT5 + BC4 alpha in a 0x0D multiple-image section, 3,110,400),
 * {@code hap_alpha_only} (BC4), {@code hap_r} (BC7) and {@code hap_hdr} (BC6H). Snappy and the decoder do not
 * look inside the blocks, so the variants differ by block size, plane count and texture bytes.
 *
 * <ul>
 *   <li>{@code callerThread}: everything on the benchmark thread: the per-core figure.</li>
 *   <li>{@code parallel}: chunks spread over the caller and a ForkJoinPool of one helper per other core.</li>
 *   <li>{@code rawSnappyBaseline} ({@code -p chunks=1}, one-plane variants only): snappy-java alone on the same
 *   bytes.</li>
 * </ul>
 *
 * Content: {@code flat} (large areas of repeated blocks: long Snappy matches, the easy case, like
 * graphics), {@code detailed} (every block different: short matches, harder for Snappy than real
 * footage), {@code noise-stored} (random texture; with 1 chunk a stored 0xA? frame, else 0x0A chunks: what
 * FFmpeg writes when Snappy gains nothing) and {@code noise-snappy} (Snappy forced over random bytes:
 * the worst case for the decompressor). Chunks: 1 (one Snappy block, 0xB?) or 4 (0xC?), per plane. The frames
 * are built in-process, so no file is needed. Cache: {@code warm} decodes one frame into one output
 * over and over (both stay in the CPU caches: decoder CPU cost only); {@code cold} rotates through
 * copies of the frame spanning 96 MiB and 8 outputs, as playback does (every frame is new memory).
 *
 * <p>Run: {@code java -jar java/bench/target/benchmarks.jar 'HapDecodeBenchmark.(callerThread|parallel)'
 * -f 1 -wi 3 -i 5 [-prof gc]}; {@code -p variant=hap,hap_q,hap_q_alpha -p content=noise-snappy,detailed} for a
 * per-format table; and {@code 'HapDecodeBenchmark.(callerThread|rawSnappyBaseline)' -p chunks=1} for the
 * decoder's own cost.
 *
 * <p>JMH runs each benchmark method on its own benchmark thread; the setup and teardown run there too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HapDecodeBenchmark {
    static final int WIDTH_PIXELS = 1920;
    static final int HEIGHT_PIXELS = 1080;
    /** cold: input frames rotate through this much memory, well past a 32 MiB last-level cache. */
    static final long COLD_INPUT_BYTES = 96L << 20;

    static final int COLD_OUTPUTS = 8;
    /** One-chunk frames have an 8-byte top-level header, then the stored or Snappy texture. */
    static final int ONE_CHUNK_HEADER_BYTES = 8;

    @Param({"hap", "hap_alpha", "hap_q", "hap_q_alpha", "hap_alpha_only", "hap_r", "hap_hdr"})
    public String variant;

    @Param({"flat", "detailed", "noise-stored", "noise-snappy"})
    public String content;

    @Param({"1", "4"})
    public int chunks;

    /** warm: one frame and one output, decoded again and again from the CPU caches; cold: see the class comment. */
    @Param({"warm", "cold"})
    public String cache;

    private HapVariant hapVariant;
    private long textureBytes;
    private Arena arena;
    private ForkJoinPool pool;
    private HapFrameDecoder callerThreadDecoder;
    private HapFrameDecoder parallelDecoder;
    private MemorySegment[] frames;
    private TextureFrame[] outs;
    private int next;

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
        hapVariant =
                HapVariant.fromCliName(variant).orElseThrow(() -> new IllegalArgumentException("variant=" + variant));
        textureBytes = hapVariant.textureBytes(WIDTH_PIXELS, HEIGHT_PIXELS);
        List<TextureFormat> planes = hapVariant.planes();
        byte[][] textures = new byte[planes.size()][];
        for (int p = 0; p < planes.size(); p++) {
            TextureFormat f = planes.get(p);
            textures[p] = switch (content) {
                case "flat" -> flatTexture(f);
                case "detailed" -> detailedTexture(f);
                default -> noiseTexture(f);
            };
        }
        byte[] bytes = BenchFrames.frame(planes, textures, chunks, !content.equals("noise-stored"));
        arena = Arena.ofShared();
        boolean cold = cache.equals("cold");
        frames = new MemorySegment[cold ? (int) Math.max(2, COLD_INPUT_BYTES / bytes.length) : 1];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = arena.allocate(bytes.length, 64);
            MemorySegment.copy(MemorySegment.ofArray(bytes), 0, frames[i], 0, bytes.length);
        }
        outs = new TextureFrame[cold ? COLD_OUTPUTS : 1];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = TextureFrame.allocate(arena, hapVariant, WIDTH_PIXELS, HEIGHT_PIXELS);
        }
        // the benchmark thread decodes too: one helper per remaining core
        pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        callerThreadDecoder = new HapFrameDecoder();
        parallelDecoder = new HapFrameDecoder(pool);
        System.err.printf(
                "%n%s %s, %d chunk(s): frame %,d bytes for %,d texture bytes; %d input copies, %d outputs%n",
                variant, content, chunks, bytes.length, textureBytes, frames.length, outs.length);
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
        return decode(callerThreadDecoder, produced);
    }

    @Benchmark
    public long parallel(Produced produced) throws HapFormatException {
        return decode(parallelDecoder, produced);
    }

    /**
     * The floor for one-chunk frames: the same bytes through snappy-java's address-based call (or a
     * plain copy for a stored frame) with no HAP parsing or checks. The difference from
     * {@code callerThread} is the decoder's own cost.
     */
    @Benchmark
    public long rawSnappyBaseline(Produced produced) throws IOException {
        if (chunks != 1 || hapVariant.planes().size() != 1) {
            throw new IllegalStateException("the baseline is for one-chunk, one-plane frames: run it with -p chunks=1"
                    + " and a variant other than hap_q_alpha");
        }
        int i = next++ & Integer.MAX_VALUE;
        MemorySegment frame = frames[i % frames.length];
        MemorySegment plane = outs[i % outs.length].storage(0);
        long payloadBytes = frame.byteSize() - ONE_CHUNK_HEADER_BYTES;
        if (content.equals("noise-stored")) {
            MemorySegment.copy(frame, ONE_CHUNK_HEADER_BYTES, plane, 0, payloadBytes);
        } else {
            Snappy.rawUncompress(frame.address() + ONE_CHUNK_HEADER_BYTES, payloadBytes, plane.address());
        }
        produced.textureBytes += textureBytes;
        return payloadBytes;
    }

    private long decode(HapFrameDecoder decoder, Produced produced) throws HapFormatException {
        int i = next++ & Integer.MAX_VALUE;
        TextureFrame out = outs[i % outs.length];
        decoder.decode(frames[i % frames.length], WIDTH_PIXELS, HEIGHT_PIXELS, out);
        produced.textureBytes += textureBytes;
        return out.planeBytes(0);
    }

    private static byte[] noiseTexture(TextureFormat format) {
        byte[] t = new byte[(int) format.textureBytes(WIDTH_PIXELS, HEIGHT_PIXELS)];
        new SplittableRandom(1).nextBytes(t);
        return t;
    }

    /**
     * Large areas of identical blocks (flat colour, as in graphics and test patterns) between bands of
     * unique blocks: Snappy finds long matches and decompresses it fast.
     */
    private static byte[] flatTexture(TextureFormat format) {
        byte[] t = new byte[(int) format.textureBytes(WIDTH_PIXELS, HEIGHT_PIXELS)];
        SplittableRandom r = new SplittableRandom(2);
        byte[] block = new byte[format.blockBytes()];
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

    /**
     * DXT5-shaped 16-byte blocks whose endpoints follow smooth gradients and whose index bits come from a small
     * set of patterns: every block differs from its neighbours, so Snappy finds only short matches. It
     * compresses to about half, and Snappy decompresses it more slowly than real footage (the Vidvox sample in
     * testdata/real compresses to 0.43 and decompresses about 1.5x as fast). 8-byte formats (DXT1, BC4) take
     * the colour half (endpoints + 32 index bits) of each block.
     */
    private static byte[] detailedTexture(TextureFormat format) {
        int blockBytes = format.blockBytes();
        byte[] t = new byte[(int) format.textureBytes(WIDTH_PIXELS, HEIGHT_PIXELS)];
        SplittableRandom r = new SplittableRandom(3);
        long[] indexPatterns = new long[32];
        for (int i = 0; i < indexPatterns.length; i++) {
            indexPatterns[i] = r.nextLong();
        }
        int blocksAcross = TextureFormat.blocksAcross(WIDTH_PIXELS);
        int blocksDown = TextureFormat.blocksDown(HEIGHT_PIXELS);
        int p = 0;
        for (int by = 0; by < blocksDown; by++) {
            for (int bx = 0; bx < blocksAcross; bx++) {
                if (blockBytes == 16) {
                    // alpha half (luma Y): two endpoints on a smooth surface, 48 index bits
                    int y = (int) (128 + 100 * Math.sin(bx / 37.0) * Math.cos(by / 23.0));
                    t[p++] = (byte) Math.min(255, y + 6);
                    t[p++] = (byte) Math.max(0, y - 6);
                    long alphaIndices =
                            r.nextInt(50) == 0 ? r.nextLong() : indexPatterns[(bx / 3 + by) % indexPatterns.length];
                    for (int k = 0; k < 6; k++) {
                        t[p++] = (byte) (alphaIndices >>> (8 * k));
                    }
                }
                // colour half (Co, Cg, scale): two RGB565 endpoints on gradients, 32 index bits
                int c0 = ((bx / 5) & 31) << 11 | ((by / 4) & 63) << 5 | ((bx + by) / 9 & 31);
                int c1 = c0 ^ 0x0841;
                t[p++] = (byte) c0;
                t[p++] = (byte) (c0 >> 8);
                t[p++] = (byte) c1;
                t[p++] = (byte) (c1 >> 8);
                long colourIndices =
                        r.nextInt(50) == 0 ? r.nextLong() : indexPatterns[(bx + by / 2) % indexPatterns.length] >>> 16;
                for (int k = 0; k < 4; k++) {
                    t[p++] = (byte) (colourIndices >>> (8 * k));
                }
            }
        }
        return t;
    }

    /** Builds HAP frames the way FFmpeg's encoder lays them out (8-byte top-level header). */
    static final class BenchFrames {
        private BenchFrames() {}

        /**
         * One frame of {@code planes}: a single texture section, or for two planes (HapM) a 0x0D
         * multiple-image section holding one complete section per plane (4-byte inner headers, as Vidvox and
         * FFmpeg expect).
         */
        static byte[] frame(List<TextureFormat> planes, byte[][] textures, int chunks, boolean snappy)
                throws IOException {
            if (planes.size() == 1) {
                return frame(planes.get(0), textures[0], chunks, snappy, true);
            }
            byte[] inner = new byte[0];
            for (int p = 0; p < planes.size(); p++) {
                inner = concat(inner, frame(planes.get(p), textures[p], chunks, snappy, false));
            }
            return section(0x0D, inner, true);
        }

        static byte[] frame(TextureFormat format, byte[] texture, int chunks, boolean snappy, boolean longHeader)
                throws IOException {
            if (chunks == 1) {
                return section(
                        snappy ? 0xB0 | format.hapCode() : 0xA0 | format.hapCode(),
                        snappy ? Snappy.compress(texture) : texture,
                        longHeader);
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
            byte[] instructions = section(
                    0x01,
                    concat(section(0x02, compressors.toByteArray(), false), section(0x03, sizes.toByteArray(), false)),
                    false);
            return section(0xC0 | format.hapCode(), concat(instructions, data.toByteArray()), longHeader);
        }

        private static byte[] section(int type, byte[] payload, boolean longHeader) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (longHeader) {
                out.writeBytes(new byte[] {0, 0, 0, (byte) type});
                out.writeBytes(le32(payload.length));
            } else {
                out.writeBytes(new byte[] {
                    (byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16), (byte) type
                });
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
