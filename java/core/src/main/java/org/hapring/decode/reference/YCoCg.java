package org.hapring.decode.reference;

/**
 * Scaled YCoCg (HapY, the colour plane of HapM) to RGB, with FFmpeg's integer maths
 * (libavcodec/texturedsp.c, {@code ycocg2rgba} with {@code scaled = 1}, used by {@code dxt5ys_block}).
 *
 * <p>The DXT5 pixel carries Co in R, Cg in G, the scale in B and Y in A:
 * {@code s = (B >> 3) + 1; co = (R - 128) / s; cg = (G - 128) / s} (divisions truncate towards zero), then
 * {@code R' = clip(Y + co - cg), G' = clip(Y + cg), B' = clip(Y - co - cg)}, alpha 255. FFmpeg's encoder
 * always writes B = 0 (s = 1); other encoders use larger scales, which this handles the same way.
 *
 * <p>Stateless; any thread.
 */
public final class YCoCg {
    private YCoCg() {}

    /** Converts one decoded DXT5 pixel ({@code R | G << 8 | B << 16 | A << 24}) to opaque RGB, same packing. */
    public static int toRgba(int ycocgPixel) {
        int co0 = ycocgPixel & 0xFF;
        int cg0 = (ycocgPixel >>> 8) & 0xFF;
        int scaleCode = (ycocgPixel >>> 16) & 0xFF;
        int y = ycocgPixel >>> 24;
        int s = (scaleCode >> 3) + 1;
        int co = (co0 - 128) / s;
        int cg = (cg0 - 128) / s;
        return Bc1Block.pack(clip(y + co - cg), clip(y + cg), clip(y - co - cg), 0xFF);
    }

    /** Converts 16 pixels in place. */
    static void toRgba(int[] pixels16) {
        for (int i = 0; i < 16; i++) {
            pixels16[i] = toRgba(pixels16[i]);
        }
    }

    private static int clip(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
