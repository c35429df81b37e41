package org.hapring.render.compose;

import org.hapring.decode.TextureFormat;
import org.hapring.render.texture.LayerTextures;

/**
 * How the layer shader turns a layer's sampled texture(s) into a colour with straight alpha (premultiplied
 * afterwards, with the opacity). Follows from the planes' texture formats; the codes are the shader's.
 *
 * <p>Immutable; any thread.
 */
public enum Shading {
    /** DXT5 (HAP Alpha) or BC7 (HAP R): RGBA as sampled, straight alpha. */
    RGBA(0),
    /** DXT1 (HAP): RGB, opaque. */
    RGB(1),
    /** Scaled YCoCg in DXT5 (HAP Q): converted with FFmpeg's formulas, opaque. */
    YCOCG(2),
    /** HAP Q Alpha: YCoCg colour from plane 0, alpha from the BC4 plane 1. */
    YCOCG_ALPHA(3),
    /** BC4 alone (HAP Alpha-Only): a matte; shown as grey over black only when it has nothing to mask. */
    MATTE(4),
    /** BC6H (HAP HDR): linear half floats clamped to 0..1 (no tone mapping), opaque. */
    HDR(5);

    private final int code;

    Shading(int code) {
        this.code = code;
    }

    /** The value of the shader's {@code shading} uniform. */
    int code() {
        return code;
    }

    /** The shading for a layer's uploaded planes. */
    public static Shading of(LayerTextures t) {
        TextureFormat p0 = t.format(0);
        if (t.planeCount() == 2) {
            if (p0 == TextureFormat.YCOCG_DXT5 && t.format(1) == TextureFormat.BC4) {
                return YCOCG_ALPHA;
            }
            throw new IllegalArgumentException("planes " + p0 + " + " + t.format(1) + " are not HAP Q Alpha");
        }
        return switch (p0) {
            case DXT1 -> RGB;
            case DXT5, BC7 -> RGBA;
            case YCOCG_DXT5 -> YCOCG;
            case BC4 -> MATTE;
            case BC6H_UNSIGNED, BC6H_SIGNED -> HDR;
        };
    }
}
