package org.hapring.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The solid white and solid black 4x4 block of every texture format, as {@link FrameStamp} writes
 * them. White decodes to 255 (or 1.0 for BC6H), black to at most 1 (FFmpeg's integer maths),
 * alpha is opaque.
 *
 * <pre>
 *   DXT1         c0=0xFFFF c1=0x0000, indices 0 (white) or all 1 (black): 4-colour mode
 *   DXT5         alpha 255/255 indices 0, then the DXT1 colour block
 *   YCoCg DXT5   Y (alpha) 255/255 or 0/0, Co/Cg endpoints 16/32 and 15/31 with all indices 2
 *                (= Co 129, Cg 128: neutral grey), scale bits 0
 *   BC4          255/255 or 0/0, indices 0
 *   BC7          mode 6, all endpoints 127 (white) or RGB 0 alpha 127 (black), p-bits 1, indices 0
 *   BC6H         mode 11, all endpoints 495 (unsigned) / 247 (signed) for 1.0, or 0, indices 0
 * </pre>
 *
 * <p>Stateless; any thread.
 */
final class SolidBlocks {
    private static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private static final long DXT1_WHITE = 0x0000_0000_0000_FFFFL;
    private static final long DXT1_BLACK = 0x5555_5555_0000_FFFFL;
    private static final long ALPHA_255 = 0x0000_0000_0000_FFFFL;
    private static final long ALPHA_0 = 0L;
    private static final long YCOCG_NEUTRAL = 0xAAAA_AAAAL << 32 | (0x7BE0L << 16) | 0x8400L;

    private SolidBlocks() {}

    static void write(MemorySegment texture, long offsetBytes, TextureFormat format, boolean white) {
        switch (format) {
            case DXT1 -> texture.set(LE_LONG, offsetBytes, white ? DXT1_WHITE : DXT1_BLACK);
            case DXT5 -> {
                texture.set(LE_LONG, offsetBytes, ALPHA_255);
                texture.set(LE_LONG, offsetBytes + 8, white ? DXT1_WHITE : DXT1_BLACK);
            }
            case YCOCG_DXT5 -> {
                texture.set(LE_LONG, offsetBytes, white ? ALPHA_255 : ALPHA_0);
                texture.set(LE_LONG, offsetBytes + 8, YCOCG_NEUTRAL);
            }
            case BC4 -> texture.set(LE_LONG, offsetBytes, white ? ALPHA_255 : ALPHA_0);
            case BC7 -> writeBc7(texture, offsetBytes, white);
            case BC6H_UNSIGNED -> writeBc6h(texture, offsetBytes, white ? 495 : 0);
            case BC6H_SIGNED -> writeBc6h(texture, offsetBytes, white ? 247 : 0);
        }
    }

    /** Mode 6: bit 6 set, then R0 R1 G0 G1 B0 B1 A0 A1 (7 bits each), P0, P1, indices (all 0). */
    private static void writeBc7(MemorySegment texture, long offsetBytes, boolean white) {
        long lo = 1L << 6;
        int rgb = white ? 127 : 0;
        int pos = 7;
        for (int c = 0; c < 6; c++, pos += 7) {
            lo |= (long) rgb << pos;
        }
        lo |= 127L << pos; // A0 at bit 49
        lo |= 127L << (pos + 7); // A1 at bit 56
        lo |= 1L << 63; // P0
        long hi = 1L; // P1 at bit 64; indices (bits 65..127) stay 0
        texture.set(LE_LONG, offsetBytes, lo);
        texture.set(LE_LONG, offsetBytes + 8, hi);
    }

    /** Mode 11 (mode bits 00011): rw gw bw rx gx bx (10 bits each, from bit 5), indices (all 0). */
    private static void writeBc6h(MemorySegment texture, long offsetBytes, int endpoint) {
        long lo = 0x03L;
        long hi = 0;
        for (int e = 0; e < 6; e++) {
            int pos = 5 + 10 * e;
            if (pos + 10 <= 64) {
                lo |= (long) endpoint << pos;
            } else {
                lo |= (long) endpoint << pos; // low bits that fit
                hi |= (long) endpoint >>> (64 - pos); // the rest
            }
        }
        texture.set(LE_LONG, offsetBytes, lo);
        texture.set(LE_LONG, offsetBytes + 8, hi);
    }
}
