package org.hapring.render;

import org.hapring.render.texture.UploadPath;

/**
 * What the renderer draws into and how.
 *
 * @param canvasWidthPixels composited picture width (a window shows it scaled to fit)
 * @param canvasHeightPixels composited picture height
 * @param maxLayers layer ids the renderer accepts: {@code 0 .. maxLayers - 1}
 * @param upload the upload path, or null to choose per driver ({@link UploadPath#defaultFor})
 * @param statsOverlay show the stats overlay from the start (a window's {@code S} key toggles it)
 *
 * <p>Immutable; any thread.
 */
public record RenderOptions(
        int canvasWidthPixels, int canvasHeightPixels, int maxLayers, UploadPath upload, boolean statsOverlay) {
    public RenderOptions {
        if (canvasWidthPixels < 1
                || canvasHeightPixels < 1
                || canvasWidthPixels > 16384
                || canvasHeightPixels > 16384) {
            throw new IllegalArgumentException("canvas size=" + canvasWidthPixels + "x" + canvasHeightPixels
                    + ": must be 1..16384 in each direction");
        }
        if (maxLayers < 1 || maxLayers > 4096) {
            throw new IllegalArgumentException("maxLayers=" + maxLayers + ": must be 1..4096");
        }
    }
}
