package org.hapring.render.texture;

import java.util.Objects;
import org.hapring.decode.TextureFormat;

/**
 * The GL textures of one layer (one per plane: HAP Q Alpha has two), allocated when the layer's first frame
 * arrives and reused by every later upload; replaced only when the layer's picture size or texture format
 * changes (another movie on the same layer).
 *
 * <p>Render thread only.
 */
public final class LayerTextures {
    final PlaneTexture[] planes = new PlaneTexture[2];
    int planeCount;
    /** The last frame uploaded (file frame number), or -1. */
    int frameIndex = -1;

    LayerTextures() {}

    /** Planes holding the layer's picture (0 before its first upload). */
    public int planeCount() {
        return planeCount;
    }

    public int textureId(int plane) {
        return plane(plane).id;
    }

    public TextureFormat format(int plane) {
        return plane(plane).format;
    }

    /** The picture size (pixels). */
    public int widthPixels() {
        return plane(0).widthPixels;
    }

    public int heightPixels() {
        return plane(0).heightPixels;
    }

    /** The texture storage size: the picture rounded up to whole 4x4 blocks. */
    public int storageWidth() {
        return plane(0).storageWidth;
    }

    public int storageHeight() {
        return plane(0).storageHeight;
    }

    /** The frame number last uploaded, or -1 when none. */
    public int frameIndex() {
        return frameIndex;
    }

    private PlaneTexture plane(int plane) {
        Objects.checkIndex(plane, planeCount);
        return planes[plane];
    }

    void delete() {
        for (int i = 0; i < planes.length; i++) {
            if (planes[i] != null) {
                planes[i].delete();
                planes[i] = null;
            }
        }
        planeCount = 0;
        frameIndex = -1;
    }
}
