package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.hapring.decode.TextureFormat;

/**
 * DXT1 / BC1 (Hap1): the colour block alone, always in 4-colour mode (alpha is ignored).
 *
 * <p>Single-threaded: one instance per thread.
 */
final class Dxt1Encoder implements BlockEncoder {
    static final ValueLayout.OfLong LE_LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final DxtColorEncoder color = new DxtColorEncoder();

    @Override
    public TextureFormat format() {
        return TextureFormat.DXT1;
    }

    @Override
    public void encode(int[] pixels, MemorySegment dst, long offsetBytes) {
        dst.set(LE_LONG, offsetBytes, color.encode(pixels, true, -1));
    }
}
