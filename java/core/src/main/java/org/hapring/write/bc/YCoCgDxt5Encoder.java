package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;
import org.hapring.decode.TextureFormat;

/**
 * Scaled YCoCg in DXT5 (HapY, the colour plane of HapM). Per pixel Y = (R + 2G + B) / 4,
 * Co = (R - B) / 2, Cg = (2G - R - B) / 4; the block stores
 *
 * <pre>
 *   alpha = Y     red = Co * s + 128     green = Cg * s + 128     blue = the scale bits
 * </pre>
 *
 * where the per-block scale s is 4 when every |Co|, |Cg| fits in 31.75, 2 when it fits in 63.5, else
 * 1 (more chroma precision on pale blocks). Decoders read s = (B >> 3) + 1; both colour endpoints get
 * the 5-bit blue 0, 1 or 3, which expand to 0, 8 and 25. Inverse: R = Y + Co - Cg, G = Y + Cg,
 * B = Y - Co - Cg (FFmpeg divides (R - 128) and (G - 128) by s with truncation).
 *
 * <p>Single-threaded: one instance per thread.
 */
final class YCoCgDxt5Encoder implements BlockEncoder {
    private final DxtColorEncoder color = new DxtColorEncoder();
    private final AlphaBlockEncoder alpha = new AlphaBlockEncoder();
    private final int[] stored = new int[64];

    @Override
    public TextureFormat format() {
        return TextureFormat.YCOCG_DXT5;
    }

    @Override
    public void encode(int[] pixels, MemorySegment dst, long offsetBytes) {
        float maxChroma = 0;
        for (int i = 0; i < 16; i++) {
            int r = pixels[4 * i];
            int g = pixels[4 * i + 1];
            int b = pixels[4 * i + 2];
            maxChroma = Math.max(maxChroma, Math.abs((r - b) / 2f));
            maxChroma = Math.max(maxChroma, Math.abs((2 * g - r - b) / 4f));
        }
        int scale = maxChroma <= 31.75f ? 4 : maxChroma <= 63.5f ? 2 : 1;
        for (int i = 0; i < 16; i++) {
            int r = pixels[4 * i];
            int g = pixels[4 * i + 1];
            int b = pixels[4 * i + 2];
            float co = (r - b) / 2f;
            float cg = (2 * g - r - b) / 4f;
            stored[4 * i] = clamp8(Math.round(co * scale + 128));
            stored[4 * i + 1] = clamp8(Math.round(cg * scale + 128));
            stored[4 * i + 2] = 0;
            stored[4 * i + 3] = clamp8(Math.round((r + 2 * g + b) / 4f));
        }
        int blue5 = scale - 1;
        dst.set(Dxt1Encoder.LE_LONG, offsetBytes, alpha.encode(stored, 3));
        dst.set(Dxt1Encoder.LE_LONG, offsetBytes + 8, color.encode(stored, false, blue5));
    }

    private static int clamp8(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
