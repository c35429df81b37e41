package org.hapring.render.compose;

import org.hapring.render.texture.LayerTextures;

/**
 * One layer as the compositor sees it: its id, its look and its textures, with the placement cached for the
 * look, picture size and canvas it was computed for (so that a frame allocates nothing).
 *
 * <p>Render thread only.
 */
public final class CompositeLayer {
    final int layerId;
    LayerLook look = LayerLook.DEFAULT;
    LayerTextures textures;
    private Placement placement;
    private LayerLook placedLook;
    private int placedWidth;
    private int placedHeight;
    private int placedCanvasWidth;
    private int placedCanvasHeight;
    /** Per frame: the matte masking this layer, or null. */
    CompositeLayer matte;
    /** Per frame: this matte masks the layer below it (so it is not drawn itself). */
    boolean consumedAsMatte;

    public CompositeLayer(int layerId) {
        this.layerId = layerId;
    }

    public int layerId() {
        return layerId;
    }

    public LayerLook look() {
        return look;
    }

    public void setLook(LayerLook look) {
        this.look = look == null ? LayerLook.DEFAULT : look;
    }

    /** The textures to draw (null while the layer has no picture yet). */
    public void setTextures(LayerTextures textures) {
        this.textures = textures;
    }

    public LayerTextures textures() {
        return textures;
    }

    boolean drawable() {
        return look.visible() && textures != null && textures.planeCount() > 0 && look.opacity() > 0;
    }

    Shading shading() {
        return Shading.of(textures);
    }

    Placement placement(int canvasWidth, int canvasHeight) {
        int w = textures.widthPixels();
        int h = textures.heightPixels();
        if (placement == null
                || placedLook != look
                || placedWidth != w
                || placedHeight != h
                || placedCanvasWidth != canvasWidth
                || placedCanvasHeight != canvasHeight) {
            placement = Placement.of(look, w, h, canvasWidth, canvasHeight);
            placedLook = look;
            placedWidth = w;
            placedHeight = h;
            placedCanvasWidth = canvasWidth;
            placedCanvasHeight = canvasHeight;
        }
        return placement;
    }
}
