package org.hapring.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The brightness (0-255) of the first texel of one compressed block, decoded with FFmpeg's integer
 * maths for DXT/BC4 and the BC7/BC6H specification's for those. Brightness is (R + 2G + B) / 4 for
 * colour formats, the luma (alpha channel) for YCoCg, the single channel for BC4, and the half float
 * times 255 (clamped) for BC6H. Used by {@link FrameStamp} to read one bit per block.
 *
 * <p>Stateless; any thread.
 */
final class BlockLevel {
    /** Returned for blocks this class does not decode (BC7 modes other than 6, BC6H other than 11). */
    static final int UNKNOWN = -1;

    private static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int[] WEIGHTS4 = {0, 4, 9, 13, 17, 21, 26, 30, 34, 38, 43, 47, 51, 55, 60, 64};

    private BlockLevel() {}

    static int firstTexel(MemorySegment texture, long offsetBytes, TextureFormat format) {
        long lo = texture.get(LE_LONG, offsetBytes);
        return switch (format) {
            case DXT1 -> colorLevel(lo, false);
            case DXT5 -> colorLevel(texture.get(LE_LONG, offsetBytes + 8), true);
            case YCOCG_DXT5, BC4 -> alphaLevel(lo);
            case BC7 -> bc7Level(lo, texture.get(LE_LONG, offsetBytes + 8));
            case BC6H_UNSIGNED -> bc6hLevel(lo, texture.get(LE_LONG, offsetBytes + 8), false);
            case BC6H_SIGNED -> bc6hLevel(lo, texture.get(LE_LONG, offsetBytes + 8), true);
        };
    }

    /** A DXT colour block (c0, c1, indices); DXT1 uses 3-colour mode when c0 <= c1, DXT5 never. */
    private static int colorLevel(long block, boolean alwaysFourColor) {
        int c0 = (int) block & 0xFFFF;
        int c1 = (int) (block >>> 16) & 0xFFFF;
        int index = (int) (block >>> 32) & 3;
        // endpoint channels, expanded from 5:6:5 (no arrays: this runs on the tick thread in verifying sinks)
        int r0 = expand(c0 >>> 11, 31);
        int g0 = expand((c0 >>> 5) & 63, 63);
        int b0 = expand(c0 & 31, 31);
        int r1 = expand(c1 >>> 11, 31);
        int g1 = expand((c1 >>> 5) & 63, 63);
        int b1 = expand(c1 & 31, 31);
        int r;
        int g;
        int b;
        if (index == 0) {
            r = r0;
            g = g0;
            b = b0;
        } else if (index == 1) {
            r = r1;
            g = g1;
            b = b1;
        } else if (alwaysFourColor || c0 > c1) {
            int w0 = index == 2 ? 2 : 1;
            int w1 = 3 - w0;
            r = (w0 * r0 + w1 * r1) / 3;
            g = (w0 * g0 + w1 * g1) / 3;
            b = (w0 * b0 + w1 * b1) / 3;
        } else if (index == 2) {
            r = (r0 + r1) / 2;
            g = (g0 + g1) / 2;
            b = (b0 + b1) / 2;
        } else {
            return 0;
        }
        return (r + 2 * g + b + 2) >> 2;
    }

    /** FFmpeg's expansion of a 5- or 6-bit value: t = v * 255 + (max + 1) / 2, (t / (max + 1) + t) / (max + 1). */
    private static int expand(int v, int max) {
        int bits = max == 63 ? 64 : 32;
        int tmp = v * 255 + bits / 2;
        return (tmp / bits + tmp) / bits;
    }

    /** A BC4 / DXT5-alpha block's first texel. */
    private static int alphaLevel(long block) {
        int a0 = (int) block & 0xFF;
        int a1 = (int) (block >>> 8) & 0xFF;
        int code = (int) (block >>> 16) & 7;
        if (code == 0) {
            return a0;
        }
        if (code == 1) {
            return a1;
        }
        if (a0 > a1) {
            return ((8 - code) * a0 + (code - 1) * a1) / 7;
        }
        if (code == 6) {
            return 0;
        }
        if (code == 7) {
            return 255;
        }
        return ((6 - code) * a0 + (code - 1) * a1) / 5;
    }

    /** BC7 mode 6 only: R0 R1 G0 G1 B0 B1 A0 A1 (7 bits from bit 7), P0 (63), P1 (64), index 0 at 65 (3 bits). */
    private static int bc7Level(long lo, long hi) {
        if ((lo & 0x7F) != 0x40) {
            return UNKNOWN;
        }
        int p0 = (int) (lo >>> 63) & 1;
        int p1 = (int) hi & 1;
        int w = WEIGHTS4[(int) (hi >>> 1) & 7];
        int weighted = 2; // r + 2 g + b, rounded: no array, this runs on the tick thread in verifying sinks
        for (int c = 0; c < 3; c++) {
            int e0 = ((int) (lo >>> (7 + 14 * c)) & 0x7F) << 1 | p0;
            int e1 = ((int) (lo >>> (14 + 14 * c)) & 0x7F) << 1 | p1;
            weighted += (((64 - w) * e0 + w * e1 + 32) >> 6) * (c == 1 ? 2 : 1);
        }
        return weighted >> 2;
    }

    /** BC6H mode 11 only: rw gw bw rx gx bx (10 bits each from bit 5), index 0 at 65 (3 bits). */
    private static int bc6hLevel(long lo, long hi, boolean signed) {
        if ((lo & 0x1F) != 0x03) {
            return UNKNOWN;
        }
        int w = WEIGHTS4[(int) (hi >>> 1) & 7];
        float sum = 0;
        for (int c = 0; c < 3; c++) {
            int e0 = unquantize(field10(lo, hi, 5 + 10 * c), signed);
            int e1 = unquantize(field10(lo, hi, 35 + 10 * c), signed);
            int v = ((64 - w) * e0 + w * e1 + 32) >> 6;
            sum += Float.float16ToFloat(finish(v, signed)) * (c == 1 ? 2 : 1);
        }
        float level = sum / 4 * 255;
        return level <= 0 ? 0 : level >= 255 ? 255 : Math.round(level);
    }

    private static int field10(long lo, long hi, int pos) {
        long v = pos + 10 <= 64 ? lo >>> pos : (lo >>> pos) | (hi << (64 - pos));
        return (int) v & 0x3FF;
    }

    private static int unquantize(int q, boolean signed) {
        if (!signed) {
            if (q == 0) {
                return 0;
            }
            return q == 0x3FF ? 0xFFFF : ((q << 16) + 0x8000) >> 10;
        }
        int v = (q << 22) >> 22;
        int magnitude = Math.abs(v);
        int u;
        if (magnitude == 0) {
            u = 0;
        } else if (magnitude >= 0x1FF) {
            u = 0x7FFF;
        } else {
            u = ((magnitude << 15) + 0x4000) >> 9;
        }
        return v < 0 ? -u : u;
    }

    private static short finish(int v, boolean signed) {
        if (!signed) {
            return (short) ((v * 31) >> 6);
        }
        int s = v < 0 ? -(((-v) * 31) >> 5) : (v * 31) >> 5;
        return (short) (s < 0 ? 0x8000 | -s : s);
    }
}
