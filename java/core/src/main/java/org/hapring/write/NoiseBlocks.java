package org.hapring.write;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.TextureFormat;

/**
 * Random blocks for the {@code noise} content. Background blocks are random bytes (BC7 forced to
 * mode 6 and BC6H to mode 11 so that every block is a valid, non-reserved mode). Level blocks are
 * random too, but every texel decodes bright (at least {@link FrameStamp#BRIGHT_MIN_LEVEL}) or dark
 * (at most {@link FrameStamp#DARK_MAX_LEVEL}): random endpoints inside a narrow range at one end of
 * the scale and random indices. They carry the stamp and the caption without giving Snappy repeated
 * byte runs to compress.
 *
 * <pre>
 *                   bright                               dark
 *   DXT1/DXT5 RGB   r5 28-31 g6 56-63 b5 28-31          r5 0-3 g6 0-7 b5 0-3     (c0 > c1, or DXT5)
 *   DXT5 alpha      a0 241-255 > a1 240-...             same (always opaque)
 *   YCoCg Y         a0 233-255 > a1 232-...             a0 1-23 > a1 0-...       Co/Cg r5 15-16 g6 31-32
 *   BC4             a0 225-255 > a1 224-...             a0 1-31 > a1 0-...
 *   BC7 mode 6      RGB 116-127, A 120-127 (7-bit)      RGB 0-11, A 120-127
 *   BC6H mode 11    endpoints 490-520                   endpoints 0-380
 * </pre>
 *
 * <p>Stateless; any thread (callers pass their own random generator).
 */
final class NoiseBlocks {
    private static final ValueLayout.OfLong LE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

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
            case BC4 -> dst.set(LE_LONG, offset, bright ? alpha(224, 255, random) : alpha(0, 31, random));
            case BC7 -> bc7(dst, offset, bright, random);
            case BC6H_UNSIGNED, BC6H_SIGNED -> bc6h(dst, offset, bright ? 490 : 0, bright ? 520 : 380, random);
        }
    }

    /** A DXT colour block with both endpoints in the bright or dark corner and random indices. */
    private static long color(boolean bright, boolean dxt1, SplittableRandom random) {
        int c0 = rgb565(bright, random);
        int c1 = rgb565(bright, random);
        if (c0 == c1) {
            c1 ^= 1;
        }
        if (dxt1 && c0 < c1) {
            int t = c0;
            c0 = c1;
            c1 = t;
        }
        return (random.nextLong() << 32) | (long) c1 << 16 | c0;
    }

    private static int rgb565(boolean bright, SplittableRandom random) {
        int r = random.nextInt(4);
        int g = random.nextInt(8);
        int b = random.nextInt(4);
        return bright ? (28 + r) << 11 | (56 + g) << 5 | (28 + b) : r << 11 | g << 5 | b;
    }

    /** A BC4/DXT5-alpha block with min <= a1 < a0 <= max (8-value mode) and random codes. */
    private static long alpha(int min, int max, SplittableRandom random) {
        int a0 = min + 1 + random.nextInt(max - min);
        int a1 = min + random.nextInt(a0 - min);
        return (random.nextLong() << 16) | (long) a1 << 8 | a0;
    }

    /** Co/Cg endpoints near 128 (r5 15-16, g6 31-32), scale bits 0, random indices. */
    private static long neutralChroma(SplittableRandom random) {
        int c0 = (15 + random.nextInt(2)) << 11 | (31 + random.nextInt(2)) << 5;
        int c1 = (15 + random.nextInt(2)) << 11 | (31 + random.nextInt(2)) << 5;
        return (random.nextLong() << 32) | (long) c1 << 16 | c0;
    }

    private static void bc7(MemorySegment dst, long offset, boolean bright, SplittableRandom random) {
        long lo = 0x40L;
        int pos = 7;
        for (int c = 0; c < 8; c++, pos += 7) {
            int v = c >= 6 ? 120 + random.nextInt(8) : bright ? 116 + random.nextInt(12) : random.nextInt(12);
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
