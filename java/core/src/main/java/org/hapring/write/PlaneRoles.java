package org.hapring.write;

import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;

/**
 * What each texture plane of a variant shows, for content generators: the picture plane carries the
 * stamp and a black-paper caption; the alpha plane of HAP Q Alpha (the matte) is made opaque under
 * the stamp and the caption so that both stay visible when composited.
 *
 * <p>Stateless; any thread.
 */
final class PlaneRoles {
    /** White ink, 0xRRGGBBAA. */
    static final int INK = 0xFFFFFFFF;

    private PlaneRoles() {}

    /** Whether plane {@code plane} of {@code variant} is a matte (HapM's BC4 plane). */
    static boolean matte(HapVariant variant, int plane) {
        return variant == HapVariant.HAP_Q_ALPHA && plane == 1;
    }

    /**
     * The caption paper of a plane, 0xRRGGBBAA: opaque black for colour planes, transparent for the
     * single-channel alpha-only picture (BC4 stores alpha), opaque for a matte.
     */
    static int paper(HapVariant variant, int plane) {
        if (matte(variant, plane)) {
            return INK;
        }
        return variant.planes().get(plane) == TextureFormat.BC4 ? 0x00000000 : 0x000000FF;
    }
}
