package org.hapring.write;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.TextureFormat;

/**
 * Random blocks for the {@code noise} content. Background blocks are random bytes (BC7 forced to
 * mode 6 and BC6H to mode 11 so that every block is a valid, non-reserved mode). Level blocks are
 * random too, but every texel decodes bright (at least {@link FrameStamp#BRIGHT_MIN_LEVEL}) or dark
 * (at most {@link FrameStamp#DARK_MAX_LEVEL}): random endpoints drawn from the bright or dark end of
 * the scale and random indices. They carry the stamp and the caption without giving Snappy repeated
 * byte runs: every 4-byte window of a level block holds at least about 20 random bits, so that a
 * frame full of them stays incompressible.
 *
 * <pre>
 *                   bright                                   dark
 *   DXT1/DXT5 RGB   any RGB565 of brightness >= 200          any of brightness <= 56   (~4050 each)
 *   DXT5 alpha      a0 241-255 > a1 240-...                  same (always opaque)
 *   YCoCg Y         a0 233-255 > a1 232-...                  a0 1-23 > a1 0-...
 *   YCoCg Co/Cg     r5, g6 random, b5 24-31: scale 25-32, so |Co|, |Cg| <= 5 whatever r5 and g6 are
 *   BC4             a0 201-255 > a1 200-...                  a0 1-55 > a1 0-...
 *   BC7 mode 6      RGB 100-127, A 112-127 (7-bit)           RGB 0-27, A 112-127
 *   BC6H mode 11    endpoints 480-600 (0.76-9.4)             endpoints 0-400 (0-0.14)
 * </pre>
 *
 * <p>Stateless; any thread (callers pass their own random generator).
 */
final class NoiseBlocks {
    private static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static final int[] BRIGHT_565 = rgb565Set(200, 255);
    private static final int[] DARK_565 = rgb565Set(0, 56);

    private NoiseBlocks() {}

    /** Fills {@code plane} with random blocks of {@code format} ({@code bytes} is a multiple of the block size). */
    static void fill(MemorySegment plane, long bytes, TextureFormat format, SplittableRandom random) {
        for (long off = 0; off < bytes; off += 8) {
            plane.set(LE_LONG, off, random.nextLong());
        }
        if (format == TextureFormat.BC7) {
            for (long off = 0; off < bytes; off += 16) {
                plane.set(LE_LONG, off, (plane.get(LE_LONG, off) & ~0x7FL) | 0x40L);
            }
        } else if (format == TextureFormat.BC6H_UNSIGNED || format == TextureFormat.BC6H_SIGNED) {
            for (long off = 0; off < bytes; off += 16) {
                plane.set(LE_LONG, off, (plane.get(LE_LONG, off) & ~0x1FL) | 0x03L);
            }
        }
    }

    /** Writes one random block whose every texel reads bright or dark. */
    static void level(MemorySegment dst, long offset, TextureFormat format, boolean bright, SplittableRandom random) {
        switch (format) {
            case DXT1 -> dst.set(LE_LONG, offset, color(bright, true, random));
            case DXT5 -> {
                dst.set(LE_LONG, offset, alpha(240, 255, random));
                dst.set(LE_LONG, offset + 8, color(bright, false, random));
            }
            case YCOCG_DXT5 -> {
                dst.set(LE_LONG, offset, bright ? alpha(232, 255, random) : alpha(0, 23, random));
                dst.set(LE_LONG, offset + 8, neutralChroma(random));
            }
            case BC4 -> dst.set(LE_LONG, offset, bright ? alpha(200, 255, random) : alpha(0, 55, random));
            case BC7 -> bc7(dst, offset, bright, random);
            case BC6H_UNSIGNED, BC6H_SIGNED -> bc6h(dst, offset, bright ? 480 : 0, bright ? 600 : 400, random);
        }
    }

    /** A DXT colour block with both endpoints in the bright or dark set and random indices. */
    private static long color(boolean bright, boolean dxt1, SplittableRandom random) {
        int[] set = bright ? BRIGHT_565 : DARK_565;
        int c0 = set[random.nextInt(set.length)];
        int c1 = set[random.nextInt(set.length)];
        if (c0 == c1) {
            c1 = set[(Arrays.binarySearch(set, c0) + 1) % set.length];
        }
        if (dxt1 && c0 < c1) {
            int t = c0;
            c0 = c1;
            c1 = t;
        }
        return (random.nextLong() << 32) | (long) c1 << 16 | c0;
    }

    /** Every RGB565 value whose FFmpeg decode has brightness (R + 2G + B) / 4 in [min, max], ascending. */
    private static int[] rgb565Set(int min, int max) {
        return IntStream.range(0, 1 << 16)
                .filter(c -> {
                    int level = (expand(c >>> 11, 5) + 2 * expand((c >>> 5) & 63, 6) + expand(c & 31, 5) + 2) >> 2;
                    return level >= min && level <= max;
                })
                .toArray();
    }

    private static int expand(int v, int bits) {
        int t = v * 255 + (1 << (bits - 1));
        return ((t >> bits) + t) >> bits;
    }

    /** A BC4/DXT5-alpha block with min <= a1 < a0 <= max (8-value mode) and random codes. */
    private static long alpha(int min, int max, SplittableRandom random) {
        int a0 = min + 1 + random.nextInt(max - min);
        int a1 = min + random.nextInt(a0 - min);
        return (random.nextLong() << 16) | (long) a1 << 8 | a0;
    }

    /** Random Co/Cg endpoints with scale bits 24-31 (scale 25-32: |Co|, |Cg| <= 5), random indices. */
    private static long neutralChroma(SplittableRandom random) {
        int c0 = random.nextInt(1 << 11) << 5 | (24 + random.nextInt(8));
        int c1 = random.nextInt(1 << 11) << 5 | (24 + random.nextInt(8));
        return (random.nextLong() << 32) | (long) c1 << 16 | c0;
    }

    private static void bc7(MemorySegment dst, long offset, boolean bright, SplittableRandom random) {
        long lo = 0x40L;
        int pos = 7;
        for (int c = 0; c < 8; c++, pos += 7) {
            int v = c >= 6 ? 112 + random.nextInt(16) : bright ? 100 + random.nextInt(28) : random.nextInt(28);
            lo |= (long) v << pos;
        }
        lo |= (random.nextLong() & 1L) << 63;
        long hi = random.nextLong();
        dst.set(LE_LONG, offset, lo);
        dst.set(LE_LONG, offset + 8, hi);
    }

    private static void bc6h(MemorySegment dst, long offset, int min, int max, SplittableRandom random) {
        long lo = 0x03L;
        long hi = 0;
        for (int e = 0; e < 6; e++) {
            long v = min + random.nextInt(max - min + 1);
            int pos = 5 + 10 * e;
            lo |= v << pos;
            if (pos + 10 > 64) {
                hi |= v >>> (64 - pos);
            }
        }
        hi |= random.nextLong() & ~1L;
        dst.set(LE_LONG, offset, lo);
        dst.set(LE_LONG, offset + 8, hi);
    }
}
