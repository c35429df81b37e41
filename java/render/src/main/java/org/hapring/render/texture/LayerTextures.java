package org.hapring.render.texture;

import java.util.Objects;
import org.hapring.decode.TextureFormat;

/**
 * The GL textures of one layer: per plane (HAP Q Alpha has two) a pair, allocated when the layer's first frame
 * arrives and reused by every later upload; replaced only when the layer's picture size or texture format
 * changes (another movie on the same layer). Uploads alternate between the two of a pair: a frame goes into
 * the texture the previous frame's draw did not read, so the driver never has to wait for that draw to finish
 * before it may overwrite the texture (Mesa's llvmpipe would: the upload then took the whole previous draw's
 * time), and the compositor draws the one uploaded last.
 *
 * <p>Render thread only.
 */
public final class LayerTextures {
    /** {@code pairs[buffer][plane]}. */
    final PlaneTexture[][] pairs = new PlaneTexture[2][2];
    /** The buffer the compositor draws (the last uploaded). */
    int front;

    int planeCount;
    /** The last frame uploaded (file frame number), or -1. */
    int frameIndex = -1;

    LayerTextures() {}

    /** Planes holding the layer's picture (0 before its first upload). */
    public int planeCount() {
        return planeCount;
    }

    /** The texture to draw for {@code plane}: the one uploaded last. */
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
        return pairs[front][plane];
    }

    /** Deletes both textures of {@code plane}. */
    void deletePlane(int plane) {
        for (PlaneTexture[] buffer : pairs) {
            if (buffer[plane] != null) {
                buffer[plane].delete();
                buffer[plane] = null;
            }
        }
    }

    void delete() {
        deletePlane(0);
        deletePlane(1);
        planeCount = 0;
        frameIndex = -1;
    }
}
