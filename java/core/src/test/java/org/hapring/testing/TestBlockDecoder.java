package org.hapring.testing;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;

/**
 * Decodes compressed texture blocks for tests, written from the formats' descriptions and FFmpeg's
 * integer maths (texturedsp.c) independently of the project's encoders: DXT1, DXT5, scaled YCoCg
 * DXT5 and BC4 exactly as FFmpeg 5.1 decodes HAP; BC7 mode 6 and BC6H mode 11 (the modes this
 * project writes) from the BC7/BC6H specification, other modes rejected.
 *
 * <p>Stateless; any thread.
 */
public final class TestBlockDecoder {
    private static final int[] W4 = {0, 4, 9, 13, 17, 21, 26, 30, 34, 38, 43, 47, 51, 55, 60, 64};

    private TestBlockDecoder() {}

    /**
     * The picture of a HAP variant's planes as FFmpeg outputs it converted to RGBA (w * h * 4 bytes):
     * Hap1/HapY opaque, HapA grey (v, v, v, 255), HapM colour from YCoCg plus alpha from BC4; Hap7 and
     * HapH (which FFmpeg cannot decode) as BC7 RGBA and BC6H clamped to 0..1 times 255.
     */
    public static byte[] decodePicture(HapVariant variant, MemorySegment[] planes, int w, int h) {
        byte[] rgba = new byte[w * h * 4];
        int across = TextureFormat.blocksAcross(w);
        for (int p = 0; p < variant.planes().size(); p++) {
            TextureFormat f = variant.planes().get(p);
            for (int by = 0; by < TextureFormat.blocksDown(h); by++) {
                for (int bx = 0; bx < across; bx++) {
                    int[] px = decodeBlock(planes[p], ((long) by * across + bx) * f.blockBytes(), f);
                    for (int t = 0; t < 16; t++) {
                        int x = bx * 4 + t % 4;
                        int y = by * 4 + t / 4;
                        if (x >= w || y >= h) {
                            continue;
                        }
                        int o = (y * w + x) * 4;
                        if (variant == HapVariant.HAP_Q_ALPHA && p == 1) {
                            rgba[o + 3] = (byte) px[4 * t];
                        } else {
                            for (int c = 0; c < 4; c++) {
                                rgba[o + c] = (byte) px[4 * t + c];
                            }
                            if (variant == HapVariant.HAP || variant == HapVariant.HAP_Q) {
                                rgba[o + 3] = (byte) 255;
                            }
                        }
                    }
                }
            }
        }
        return rgba;
    }

    /** 16 texels (r, g, b, a each) of the block at {@code offset}; BC4 gives (v, v, v, 255). */
    public static int[] decodeBlock(MemorySegment texture, long offset, TextureFormat format) {
        byte[] b = texture.asSlice(offset, format.blockBytes()).toArray(ValueLayout.JAVA_BYTE);
        int[] out = new int[64];
        switch (format) {
            case DXT1 -> color(b, 0, true, out);
            case DXT5 -> {
                color(b, 8, false, out);
                int[] a = bc4(b, 0);
                for (int t = 0; t < 16; t++) {
                    out[4 * t + 3] = a[t];
                }
            }
            case YCOCG_DXT5 -> {
                color(b, 8, false, out);
                int[] a = bc4(b, 0);
                for (int t = 0; t < 16; t++) {
                    int s = (out[4 * t + 2] >> 3) + 1;
                    int co = (out[4 * t] - 128) / s;
                    int cg = (out[4 * t + 1] - 128) / s;
                    int y = a[t];
                    out[4 * t] = clamp(y + co - cg);
                    out[4 * t + 1] = clamp(y + cg);
                    out[4 * t + 2] = clamp(y - co - cg);
                    out[4 * t + 3] = 255;
                }
            }
            case BC4 -> {
                int[] a = bc4(b, 0);
                for (int t = 0; t < 16; t++) {
                    out[4 * t] = out[4 * t + 1] = out[4 * t + 2] = a[t];
                    out[4 * t + 3] = 255;
                }
            }
            case BC7 -> bc7Mode6(b, out);
            case BC6H_UNSIGNED, BC6H_SIGNED -> {
                float[] f = bc6hMode11(b, format == TextureFormat.BC6H_SIGNED);
                for (int t = 0; t < 16; t++) {
                    for (int c = 0; c < 3; c++) {
                        out[4 * t + c] = Math.round(Math.max(0, Math.min(1, f[3 * t + c])) * 255);
                    }
                    out[4 * t + 3] = 255;
                }
            }
        }
        return out;
    }

    /** BC6H mode 11 texels as floats (r, g, b per texel). */
    public static float[] bc6hMode11(byte[] b, boolean signed) {
        Bits bits = new Bits(b);
        int mode = bits.take(2);
        if (mode != 3 || bits.take(3) != 0) {
            throw new IllegalArgumentException("BC6H block is not mode 11");
        }
        int[][] e = new int[2][3];
        for (int k = 0; k < 2; k++) {
            for (int c = 0; c < 3; c++) {
                e[k][c] = bits.take(10);
            }
        }
        float[] out = new float[48];
        for (int t = 0; t < 16; t++) {
            int w = W4[bits.take(t == 0 ? 3 : 4)];
            for (int c = 0; c < 3; c++) {
                int a = unq(e[0][c], signed);
                int z = unq(e[1][c], signed);
                int v = (a * (64 - w) + z * w + 32) >> 6;
                int half;
                if (signed) {
                    int m = (Math.abs(v) * 31) >> 5;
                    half = v < 0 ? 0x8000 | m : m;
                } else {
                    half = (v * 31) >> 6;
                }
                out[3 * t + c] = Float.float16ToFloat((short) half);
            }
        }
        return out;
    }

    private static int unq(int q, boolean signed) {
        if (!signed) {
            return q == 0 ? 0 : q == 1023 ? 0xFFFF : ((q << 16) + 0x8000) >> 10;
        }
        int v = q >= 512 ? q - 1024 : q;
        int m = Math.abs(v);
        int u = m == 0 ? 0 : m >= 511 ? 0x7FFF : ((m << 15) + 0x4000) >> 9;
        return v < 0 ? -u : u;
    }

    private static void bc7Mode6(byte[] b, int[] out) {
        Bits bits = new Bits(b);
        int mode = 0;
        while (mode < 8 && bits.take(1) == 0) {
            mode++;
        }
        if (mode != 6) {
            throw new IllegalArgumentException("BC7 block is mode " + mode + ", not 6");
        }
        int[][] e = new int[2][4];
        for (int c = 0; c < 4; c++) {
            e[0][c] = bits.take(7);
            e[1][c] = bits.take(7);
        }
        int p0 = bits.take(1);
        int p1 = bits.take(1);
        for (int t = 0; t < 16; t++) {
            int w = W4[bits.take(t == 0 ? 3 : 4)];
            for (int c = 0; c < 4; c++) {
                int a = e[0][c] << 1 | p0;
                int z = e[1][c] << 1 | p1;
                out[4 * t + c] = (a * (64 - w) + z * w + 32) >> 6;
            }
        }
    }

    /** FFmpeg's DXT colour block: 4-colour always for DXT5, 3-colour + black when c0 <= c1 for DXT1. */
    private static void color(byte[] b, int at, boolean dxt1, int[] out) {
        int c0 = u8(b, at) | u8(b, at + 1) << 8;
        int c1 = u8(b, at + 2) | u8(b, at + 3) << 8;
        int[][] pal = new int[4][3];
        int[] e0 = {ext(c0 >> 11, 5), ext((c0 >> 5) & 63, 6), ext(c0 & 31, 5)};
        int[] e1 = {ext(c1 >> 11, 5), ext((c1 >> 5) & 63, 6), ext(c1 & 31, 5)};
        for (int c = 0; c < 3; c++) {
            pal[0][c] = e0[c];
            pal[1][c] = e1[c];
            if (!dxt1 || c0 > c1) {
                pal[2][c] = (2 * e0[c] + e1[c]) / 3;
                pal[3][c] = (e0[c] + 2 * e1[c]) / 3;
            } else {
                pal[2][c] = (e0[c] + e1[c]) / 2;
                pal[3][c] = 0;
            }
        }
        for (int t = 0; t < 16; t++) {
            int idx = (u8(b, at + 4 + t / 4) >> (2 * (t % 4))) & 3;
            for (int c = 0; c < 3; c++) {
                out[4 * t + c] = pal[idx][c];
            }
            out[4 * t + 3] = 255;
        }
    }

    /**
     * v * 255 / (2^bits - 1) the way FFmpeg computes it: t = v * 255 + 2^(bits-1), ((t >> bits) + t) >> bits
     * (rounds to nearest except for a few values that land just above .5, e.g. 5-bit 20 gives 164).
     */
    private static int ext(int v, int bits) {
        int t = v * 255 + (1 << (bits - 1));
        return ((t >> bits) + t) >> bits;
    }

    /** FFmpeg's RGTC1 / DXT5 alpha block. */
    private static int[] bc4(byte[] b, int at) {
        int a0 = u8(b, at);
        int a1 = u8(b, at + 1);
        int[] table = new int[8];
        table[0] = a0;
        table[1] = a1;
        if (a0 > a1) {
            for (int i = 1; i <= 6; i++) {
                table[i + 1] = ((7 - i) * a0 + i * a1) / 7;
            }
        } else {
            for (int i = 1; i <= 4; i++) {
                table[i + 1] = ((5 - i) * a0 + i * a1) / 5;
            }
            table[6] = 0;
            table[7] = 255;
        }
        long codes = 0;
        for (int i = 0; i < 6; i++) {
            codes |= (long) u8(b, at + 2 + i) << (8 * i);
        }
        int[] out = new int[16];
        for (int t = 0; t < 16; t++) {
            out[t] = table[(int) (codes >>> (3 * t)) & 7];
        }
        return out;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Reads a 128-bit block least significant bit first. */
    private static final class Bits {
        private final byte[] b;
        private int pos;

        Bits(byte[] b) {
            this.b = b;
        }

        int take(int n) {
            int v = 0;
            for (int i = 0; i < n; i++, pos++) {
                v |= ((b[pos >> 3] >> (pos & 7)) & 1) << i;
            }
            return v;
        }
    }
}
