package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;

/**
 * Decodes one 8-byte BC1 (DXT1) colour block into 16 pixels, with FFmpeg's integer maths
 * (libavcodec/texturedsp.c, {@code extract_color}), so that Hap1 frames match FFmpeg bit for bit.
 *
 * <p>Block: colour0 (RGB565, LE16), colour1 (RGB565, LE16), then 16 two-bit indices (LE32, pixel 0 in
 * the lowest bits, pixels in x-major order). 5- and 6-bit endpoints are widened as FFmpeg does:
 * {@code t = c * 255 + 16; (t / 32 + t) / 32} (6-bit: {@code + 32}, {@code / 64}). This is close to, but
 * not exactly, {@code round(c * 255 / 31)}: it gives one less for 5-bit 20, 25 and 29 and 6-bit 53.
 * When colour0 &gt; colour1 (or when the block is the colour half of a BC3 block) the block has four
 * colours, the two interpolated ones being {@code (2 * a + b) / 3} per channel, truncated. Otherwise it
 * has three colours, the third {@code (a + b) / 2}, truncated, and index 3 is black: opaque for Hap1
 * (FFmpeg's {@code dxt1_block}), transparent with {@link #decodePunchThrough} ({@code dxt1a_block}).
 *
 * <p>Pixels are packed as {@code R | G << 8 | B << 16 | A << 24} (RGBA bytes when stored little-endian).
 *
 * <p>Stateless; any thread.
 */
public final class Bc1Block {
    private Bc1Block() {}

    /** Decodes a Hap1 block as FFmpeg does: every pixel opaque, index 3 of a 3-colour block is opaque black. */
    public static void decode(MemorySegment texture, long offsetBytes, int[] rgba16) {
        decode(texture, offsetBytes, rgba16, false, 0xFF);
    }

    /** Decodes a BC1 block with 1-bit alpha: index 3 of a 3-colour block is transparent black. */
    public static void decodePunchThrough(MemorySegment texture, long offsetBytes, int[] rgba16) {
        decode(texture, offsetBytes, rgba16, false, 0);
    }

    /**
     * Decodes the colour half of a BC3 block (always four colours) with alpha 0; the caller ORs in
     * the alpha byte.
     */
    static void decodeColourOfBc3(MemorySegment texture, long offsetBytes, int[] rgba16) {
        decode(texture, offsetBytes, rgba16, true, -1);
    }

    /** Widens a 5-bit channel to 8 bits as FFmpeg's {@code extract_color} does. */
    static int widen5(int c) {
        int t = c * 255 + 16;
        return (t / 32 + t) / 32;
    }

    /** Widens a 6-bit channel to 8 bits as FFmpeg's {@code extract_color} does. */
    static int widen6(int c) {
        int t = c * 255 + 32;
        return (t / 64 + t) / 64;
    }

    private static void decode(
            MemorySegment texture, long offsetBytes, int[] rgba16, boolean fourColours, int blackAlpha) {
        long bits = texture.get(BlockBits.LE64, offsetBytes);
        int colour0 = (int) (bits & 0xFFFF);
        int colour1 = (int) ((bits >>> 16) & 0xFFFF);
        int indices = (int) (bits >>> 32);

        int r0 = widen5(colour0 >>> 11);
        int g0 = widen6((colour0 >>> 5) & 0x3F);
        int b0 = widen5(colour0 & 0x1F);
        int r1 = widen5(colour1 >>> 11);
        int g1 = widen6((colour1 >>> 5) & 0x3F);
        int b1 = widen5(colour1 & 0x1F);
        int alpha = fourColours ? 0 : 0xFF;

        int c0 = pack(r0, g0, b0, alpha);
        int c1 = pack(r1, g1, b1, alpha);
        int c2;
        int c3;
        if (fourColours || colour0 > colour1) {
            c2 = pack((2 * r0 + r1) / 3, (2 * g0 + g1) / 3, (2 * b0 + b1) / 3, alpha);
            c3 = pack((2 * r1 + r0) / 3, (2 * g1 + g0) / 3, (2 * b1 + b0) / 3, alpha);
        } else {
            c2 = pack((r0 + r1) / 2, (g0 + g1) / 2, (b0 + b1) / 2, alpha);
            c3 = pack(0, 0, 0, blackAlpha);
        }
        for (int i = 0; i < 16; i++) {
            int code = (indices >>> (2 * i)) & 3;
            rgba16[i] = switch (code) {
                case 0 -> c0;
                case 1 -> c1;
                case 2 -> c2;
                default -> c3;
            };
        }
    }

    static int pack(int r, int g, int b, int a) {
        return (r & 0xFF) | (g & 0xFF) << 8 | (b & 0xFF) << 16 | (a & 0xFF) << 24;
    }
}
