package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;

/**
 * Decodes one 8-byte unsigned BC4 (RGTC1) block into 16 values 0..255, with FFmpeg's integer maths
 * (libavcodec/texturedsp.c, {@code rgtc1_block_internal}); the alpha half of a BC3 block uses the same
 * table ({@code dxt5_block_internal} computes identical values), so {@link Bc3Block} reuses it.
 *
 * <p>Block: endpoint r0 (byte 0), r1 (byte 1), then 16 three-bit indices (48 bits, LE, pixel 0 lowest,
 * x-major). Index 0 is r0, 1 is r1; when r0 &gt; r1, index i = 2..7 is
 * {@code ((8 - i) * r0 + (i - 1) * r1) / 7}; otherwise i = 2..5 is {@code ((6 - i) * r0 + (i - 1) * r1) / 5},
 * 6 is 0 and 7 is 255. Divisions truncate.
 *
 * <p>Stateless; any thread.
 */
public final class Bc4Block {
    private Bc4Block() {}

    /** Decodes the block at {@code offsetBytes} into {@code values16} (0..255 each). */
    public static void decode(MemorySegment texture, long offsetBytes, int[] values16) {
        long bits = texture.get(BlockBits.LE64, offsetBytes);
        int r0 = (int) (bits & 0xFF);
        int r1 = (int) ((bits >>> 8) & 0xFF);
        long indices = bits >>> 16;
        for (int i = 0; i < 16; i++) {
            values16[i] = value(r0, r1, (int) ((indices >>> (3 * i)) & 7));
        }
    }

    /** The value of index {@code code} (0..7) for endpoints r0, r1. */
    static int value(int r0, int r1, int code) {
        if (code == 0) {
            return r0;
        }
        if (code == 1) {
            return r1;
        }
        if (r0 > r1) {
            return ((8 - code) * r0 + (code - 1) * r1) / 7;
        }
        if (code == 6) {
            return 0;
        }
        if (code == 7) {
            return 255;
        }
        return ((6 - code) * r0 + (code - 1) * r1) / 5;
    }
}
