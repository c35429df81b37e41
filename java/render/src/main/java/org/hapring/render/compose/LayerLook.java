package org.hapring.render.compose;

import java.util.Objects;

/**
 * How one layer appears on the canvas: visibility, opacity, stacking order, blend mode, and where its picture
 * goes: fitted into {@code box} (the whole canvas when null) by {@code fit}, scaled by {@code scale} about its
 * centre and moved by ({@code offsetXPixels}, {@code offsetYPixels}) (x right, y down). Higher
 * {@code zOrder} is nearer the viewer; equal values stack by layer id.
 *
 * <p>A HAP Alpha-Only layer is a matte: it masks the next visible layer below it (see {@link Compositor}); its
 * blend mode is not used then.
 *
 * <p>Immutable; any thread (the control thread sets it, the render thread reads it).
 */
public record LayerLook(
        boolean visible,
        double opacity,
        int zOrder,
        BlendMode blend,
        FitMode fit,
        PixelBox box,
        double scale,
        double offsetXPixels,
        double offsetYPixels) {
    /** Visible, opaque, z 0, normal blend, fitted to the whole canvas. */
    public static final LayerLook DEFAULT = new LayerLook(true, 1.0, 0, BlendMode.NORMAL, FitMode.FIT, null, 1.0, 0, 0);

    public LayerLook {
        Objects.requireNonNull(blend, "blend");
        Objects.requireNonNull(fit, "fit");
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity=" + opacity + ": must be within 0..1");
        }
        if (!(scale > 0 && scale <= 1000)) {
            throw new IllegalArgumentException("scale=" + scale + ": must be > 0 and <= 1000");
        }
        if (!Double.isFinite(offsetXPixels) || !Double.isFinite(offsetYPixels)) {
            throw new IllegalArgumentException("position=" + offsetXPixels + "," + offsetYPixels + ": must be finite");
        }
    }

    public LayerLook withVisible(boolean v) {
        return new LayerLook(v, opacity, zOrder, blend, fit, box, scale, offsetXPixels, offsetYPixels);
    }

    public LayerLook withOpacity(double o) {
        return new LayerLook(visible, o, zOrder, blend, fit, box, scale, offsetXPixels, offsetYPixels);
    }

    public LayerLook withZOrder(int z) {
        return new LayerLook(visible, opacity, z, blend, fit, box, scale, offsetXPixels, offsetYPixels);
    }

    public LayerLook withBlend(BlendMode b) {
        return new LayerLook(visible, opacity, zOrder, b, fit, box, scale, offsetXPixels, offsetYPixels);
    }

    public LayerLook withFit(FitMode f) {
        return new LayerLook(visible, opacity, zOrder, blend, f, box, scale, offsetXPixels, offsetYPixels);
    }

    /** The box to fit into (canvas pixels), or null for the whole canvas. */
    public LayerLook withBox(PixelBox b) {
        return new LayerLook(visible, opacity, zOrder, blend, fit, b, scale, offsetXPixels, offsetYPixels);
    }

    public LayerLook withScale(double s) {
        return new LayerLook(visible, opacity, zOrder, blend, fit, box, s, offsetXPixels, offsetYPixels);
    }

    public LayerLook withOffset(double xPixels, double yPixels) {
        return new LayerLook(visible, opacity, zOrder, blend, fit, box, scale, xPixels, yPixels);
    }
}
