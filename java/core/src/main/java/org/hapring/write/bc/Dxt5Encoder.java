package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;
import org.hapring.decode.TextureFormat;

/**
 * DXT5 / BC3 (Hap5): an alpha block (bytes 0-7) then a colour block (bytes 8-15).
 *
 * <p>Single-threaded: one instance per thread.
 */
final class Dxt5Encoder implements BlockEncoder {
    private final DxtColorEncoder color = new DxtColorEncoder();
    private final AlphaBlockEncoder alpha = new AlphaBlockEncoder();

    @Override
    public TextureFormat format() {
        return TextureFormat.DXT5;
    }

    @Override
    public void encode(int[] pixels, MemorySegment dst, long offsetBytes) {
        dst.set(Dxt1Encoder.LE_LONG, offsetBytes, alpha.encode(pixels, 3));
        dst.set(Dxt1Encoder.LE_LONG, offsetBytes + 8, color.encode(pixels, false, -1));
    }
}
