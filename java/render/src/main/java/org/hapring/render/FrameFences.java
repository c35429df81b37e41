package org.hapring.render;

import org.hapring.render.gl.GlException;
import org.lwjgl.opengl.GL32C;

/**
 * Bounds the frames the GPU works on while the render thread prepares the next: a fence after each present,
 * and before a frame's uploads a wait for the fence of the frame {@code framesInFlight} presents ago. 2 frames
 * in flight on GPUs (each layer's textures are double-buffered, so the next frame's uploads never touch what the
 * GPU is drawing); 1 on software rasterisers, where any upload into a texture drawn by the frame in flight waits
 * for it anyway (measured with llvmpipe: the whole previous draw then showed up as the first upload's time).
 * The wait is reported separately, as GPU wait: "the GPU is too slow" is then not mistaken for "uploads are too
 * slow".
 *
 * <p>Render thread only.
 */
final class FrameFences {
    static final int MAX_FRAMES_IN_FLIGHT = 2;

    private final int framesInFlight;
    /** The fences of the last presents, the oldest at {@code presents % framesInFlight}. */
    private final long[] fences = new long[MAX_FRAMES_IN_FLIGHT];

    private long presents;

    FrameFences(boolean softwareRasteriser) {
        this.framesInFlight = softwareRasteriser ? 1 : MAX_FRAMES_IN_FLIGHT;
    }

    int framesInFlight() {
        return framesInFlight;
    }

    /** Fences the frame just presented. */
    void presented() {
        int slot = (int) (presents % framesInFlight);
        if (fences[slot] != 0L) {
            GL32C.glDeleteSync(fences[slot]);
        }
        fences[slot] = GL32C.glFenceSync(GL32C.GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
        presents++;
    }

    /** Waits for the frame {@code framesInFlight} presents ago; returns the nanoseconds waited (0: nothing to wait for). */
    long await() {
        int slot = (int) (presents % framesInFlight);
        long fence = fences[slot];
        if (fence == 0L) {
            return 0;
        }
        long start = System.nanoTime();
        int status = GL32C.glClientWaitSync(fence, GL32C.GL_SYNC_FLUSH_COMMANDS_BIT, 5_000_000_000L);
        if (status == GL32C.GL_TIMEOUT_EXPIRED || status == GL32C.GL_WAIT_FAILED) {
            throw new GlException("the GPU did not finish a frame within 5 s (status 0x" + Integer.toHexString(status)
                    + "): the GL context is lost or hung");
        }
        GL32C.glDeleteSync(fence);
        fences[slot] = 0L;
        return System.nanoTime() - start;
    }

    void delete() {
        for (int i = 0; i < fences.length; i++) {
            if (fences[i] != 0L) {
                GL32C.glDeleteSync(fences[i]);
                fences[i] = 0L;
            }
        }
    }
}
