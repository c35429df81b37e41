package org.hapring.render.texture;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.render.gl.GlDriver;
import org.hapring.render.gl.GlException;
import org.lwjgl.opengl.GL11C;

/**
 * Streams frames' compressed texture planes into each layer's GL textures, by the chosen {@link UploadPath}.
 * Textures are allocated once per layer (a pair per plane, used in turn: {@link LayerTextures}); the PBO ring once, sized for three frames of every layer (grown only
 * when a layer's textures grow). Nothing is allocated per frame, on the Java heap or in GL: an upload is a
 * bounds check, (for the PBO path) one copy into the mapped ring, one glCompressedTexSubImage2D per plane and,
 * for the PBO path, one fence. When {@link #upload} returns, the frame's memory is no longer needed: the
 * direct path's driver has copied it, the PBO path's copy is in the ring.
 *
 * <p>Sizes are checked before any native call: a plane must hold exactly the texture bytes of its format and
 * the frame's picture size, in native memory, or the upload throws {@link IllegalArgumentException}.
 *
 * <p>Render thread only.
 */
public final class TextureStreamer implements AutoCloseable {
    /** Frames of every layer the PBO ring holds (triple buffering). */
    static final int RING_FRAMES = 3;

    private static final long MIN_RING_BYTES = 4L << 20;

    private final GlDriver driver;
    private final UploadPath path;
    private LayerTextures[] layers = new LayerTextures[8];
    private PboRing ring;
    /** Written by the render thread only; volatile so that reports on other threads see it. */
    private volatile long ringBusyFallbacks;

    public TextureStreamer(GlDriver driver, UploadPath path) {
        this.driver = driver;
        this.path = path;
        if (path == UploadPath.PBO && !driver.bufferStorage()) {
            throw new GlException("upload=pbo needs persistent buffers (OpenGL 4.4 or GL_ARB_buffer_storage); "
                    + driver.describe() + " has none: use upload=direct");
        }
    }

    public UploadPath path() {
        return path;
    }

    /** Uploads made directly because the PBO ring's next region was still in use (PBO path only; any thread). */
    public long ringBusyFallbacks() {
        return ringBusyFallbacks;
    }

    /** The textures of a layer, or null before its first upload. */
    public LayerTextures textures(int layerId) {
        return layerId >= 0 && layerId < layers.length ? layers[layerId] : null;
    }

    /**
     * Uploads every plane of {@code frame} into layer {@code layerId}'s textures (allocating them at the layer's
     * first frame or when its size or format changed) and remembers {@code frameIndex} as what the layer shows.
     */
    public void upload(int layerId, int frameIndex, TextureFrame frame) {
        if (layerId < 0) {
            throw new IllegalArgumentException("layer=" + layerId + ": must be >= 0");
        }
        int planes = frame.planeCount();
        int width = frame.widthPixels();
        int height = frame.heightPixels();
        if (planes < 1 || planes > 2 || width < 1 || height < 1) {
            throw new IllegalArgumentException("layer " + layerId + " frame " + frameIndex + ": " + planes
                    + " plane(s) of " + width + "x" + height + " pixels is no picture");
        }
        for (int p = 0; p < planes; p++) {
            TextureFormat format = frame.format(p);
            MemorySegment bytes = frame.plane(p);
            long expected = format.textureBytes(width, height);
            if (bytes.byteSize() != expected || !bytes.isNative()) {
                throw new IllegalArgumentException("layer " + layerId + " frame " + frameIndex + " plane " + p + ": "
                        + format + " " + width + "x" + height + " needs " + expected
                        + " texture bytes in native memory, "
                        + "the frame has " + bytes.byteSize() + (bytes.isNative() ? "" : " on the heap"));
            }
        }
        LayerTextures lt = layer(layerId);
        int back = 1 - lt.front;
        for (int p = 0; p < planes; p++) {
            TextureFormat format = frame.format(p);
            MemorySegment bytes = frame.plane(p);
            long size = bytes.byteSize();
            PlaneTexture t = lt.pairs[back][p];
            if (t == null || !t.holds(format, width, height)) {
                replacePair(lt, p, format, width, height, layerId);
                t = lt.pairs[back][p];
            }
            if (path == UploadPath.PBO) {
                uploadThroughRing(t, bytes, size);
            } else {
                t.replace(bytes.address(), size);
            }
            int error = GL11C.glGetError();
            if (error != GL11C.GL_NO_ERROR) {
                throw new GlException(
                        "glCompressedTexSubImage2D failed: GL error 0x" + Integer.toHexString(error)
                                + " uploading layer " + layerId + " frame " + frameIndex + " plane " + p + " (" + format
                                + " "
                                + width + "x" + height + ", " + path.cliName() + ")",
                        error);
            }
        }
        for (int p = planes; p < 2; p++) {
            lt.deletePlane(p);
        }
        lt.front = back;
        lt.planeCount = planes;
        lt.frameIndex = frameIndex;
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, 0);
    }

    private void uploadThroughRing(PlaneTexture t, MemorySegment bytes, long size) {
        if (!ring.upload(t, bytes, size)) {
            ringBusyFallbacks = ringBusyFallbacks + 1;
            t.replace(bytes.address(), size);
        }
    }

    private LayerTextures layer(int layerId) {
        if (layerId >= layers.length) {
            layers = Arrays.copyOf(layers, Math.max(layerId + 1, layers.length * 2));
        }
        LayerTextures lt = layers[layerId];
        if (lt == null) {
            lt = new LayerTextures();
            layers[layerId] = lt;
        }
        return lt;
    }

    /** (Re)allocates both textures of a plane's pair for a new size or format. */
    private void replacePair(LayerTextures lt, int plane, TextureFormat format, int width, int height, int layerId) {
        lt.deletePlane(plane);
        for (int b = 0; b < 2; b++) {
            lt.pairs[b][plane] =
                    PlaneTexture.allocate(driver, format, width, height, "layer " + layerId + " plane " + plane);
        }
        if (path == UploadPath.PBO) {
            resizeRing();
        }
    }

    /** Makes the ring hold {@link #RING_FRAMES} frames of every layer (grows only; waits for the GPU once). */
    private void resizeRing() {
        long perTick = 0;
        long largest = 0;
        for (LayerTextures lt : layers) {
            if (lt != null) {
                for (PlaneTexture t : lt.pairs[0]) {
                    if (t != null) {
                        perTick += (t.textureBytes + RingRegions.ALIGN_BYTES - 1) & -RingRegions.ALIGN_BYTES;
                        largest = Math.max(largest, t.textureBytes);
                    }
                }
            }
        }
        // three frames of every layer, and room for the largest plane in a third of the ring
        long wanted = Math.max(MIN_RING_BYTES, Math.max(perTick, largest + RingRegions.ALIGN_BYTES) * RING_FRAMES);
        if (ring != null && ring.capacityBytes() >= wanted) {
            return;
        }
        if (ring != null) {
            ring.delete();
        }
        ring = PboRing.create(wanted);
    }

    /** Deletes a layer's textures (the layer was closed). */
    public void forget(int layerId) {
        LayerTextures lt = textures(layerId);
        if (lt != null) {
            lt.delete();
            layers[layerId] = null;
        }
    }

    /** Bytes of the PBO ring (0 on the direct path). */
    public long ringBytes() {
        return ring == null ? 0 : ring.capacityBytes();
    }

    @Override
    public void close() {
        for (int i = 0; i < layers.length; i++) {
            forget(i);
        }
        if (ring != null) {
            ring.delete();
            ring = null;
        }
    }
}
