package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;
import org.hapring.decode.TextureFormat;

/**
 * BC4 / RGTC1 unsigned (HapA, the alpha plane of HapM): encodes the pixels' alpha channel, which is
 * what a HAP alpha plane carries.
 *
 * <p>Single-threaded: one instance per thread.
 */
final class Bc4Encoder implements BlockEncoder {
    private final AlphaBlockEncoder alpha = new AlphaBlockEncoder();

    @Override
    public TextureFormat format() {
        return TextureFormat.BC4;
    }

    @Override
    public void encode(int[] pixels, MemorySegment dst, long offsetBytes) {
        dst.set(Dxt1Encoder.LE_LONG, offsetBytes, alpha.encode(pixels, 3));
    }
}
