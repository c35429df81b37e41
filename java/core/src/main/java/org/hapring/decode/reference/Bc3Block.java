package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;

/**
 * Decodes one 16-byte BC3 (DXT5) block into 16 RGBA pixels as FFmpeg's {@code dxt5_block} does: bytes
 * 0-7 are a BC4 alpha block ({@link Bc4Block}: 8-value mode when alpha0 &gt; alpha1, else 6 values plus
 * 0 and 255), bytes 8-15 a BC1 colour block that always has four colours ({@link Bc1Block}).
 *
 * <p>Pixels are packed as {@code R | G << 8 | B << 16 | A << 24}.
 *
 * <p>Not thread-safe (holds a scratch array): one instance per decoding thread.
 */
public final class Bc3Block {
    private final int[] alpha16 = new int[16];

    /** Decodes the block at {@code offsetBytes} into {@code rgba16}. */
    public void decode(MemorySegment texture, long offsetBytes, int[] rgba16) {
        Bc4Block.decode(texture, offsetBytes, alpha16);
        Bc1Block.decodeColourOfBc3(texture, offsetBytes + 8, rgba16);
        for (int i = 0; i < 16; i++) {
            rgba16[i] |= alpha16[i] << 24;
        }
    }
}
