package org.hapring.render.compose;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.hapring.render.gl.GlException;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GL30C;

/**
 * The picture being composited: an RGBA8 texture attached to a framebuffer object, {@code width x height}
 * pixels, cleared to opaque black each frame. Every output draws here first; a window then gets a scaled,
 * letterboxed copy ({@link #blitToWindow}), and screenshots and checks read it back ({@link #readRgba}).
 *
 * <p>Render thread only.
 */
public final class Canvas {
    private final int widthPixels;
    private final int heightPixels;
    private final int framebuffer;
    private final int texture;

    Canvas(int widthPixels, int heightPixels) {
        int max = GL11C.glGetInteger(GL30C.GL_MAX_RENDERBUFFER_SIZE);
        if (widthPixels < 1 || heightPixels < 1 || widthPixels > max || heightPixels > max) {
            throw new GlException("canvas " + widthPixels + "x" + heightPixels + ": must be 1.." + max
                    + " pixels in each direction on this driver");
        }
        this.widthPixels = widthPixels;
        this.heightPixels = heightPixels;
        this.texture = GL11C.glGenTextures();
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, texture);
        GL11C.glTexImage2D(
                GL11C.GL_TEXTURE_2D,
                0,
                GL11C.GL_RGBA8,
                widthPixels,
                heightPixels,
                0,
                GL11C.GL_RGBA,
                GL11C.GL_UNSIGNED_BYTE,
                0L);
        GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_MIN_FILTER, GL11C.GL_NEAREST);
        GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_MAG_FILTER, GL11C.GL_NEAREST);
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, 0);
        this.framebuffer = GL30C.glGenFramebuffers();
        GL30C.glBindFramebuffer(GL30C.GL_FRAMEBUFFER, framebuffer);
        GL30C.glFramebufferTexture2D(GL30C.GL_FRAMEBUFFER, GL30C.GL_COLOR_ATTACHMENT0, GL11C.GL_TEXTURE_2D, texture, 0);
        int status = GL30C.glCheckFramebufferStatus(GL30C.GL_FRAMEBUFFER);
        GL30C.glBindFramebuffer(GL30C.GL_FRAMEBUFFER, 0);
        if (status != GL30C.GL_FRAMEBUFFER_COMPLETE) {
            delete();
            throw new GlException("canvas framebuffer " + widthPixels + "x" + heightPixels + " is incomplete: 0x"
                    + Integer.toHexString(status));
        }
    }

    public int widthPixels() {
        return widthPixels;
    }

    public int heightPixels() {
        return heightPixels;
    }

    /** Binds the canvas as the draw target, sets the viewport, clears it to opaque black. */
    void begin() {
        GL30C.glBindFramebuffer(GL30C.GL_FRAMEBUFFER, framebuffer);
        GL11C.glViewport(0, 0, widthPixels, heightPixels);
        GL11C.glDisable(GL11C.GL_SCISSOR_TEST);
        GL11C.glClearColor(0f, 0f, 0f, 1f);
        GL11C.glClear(GL11C.GL_COLOR_BUFFER_BIT);
    }

    /**
     * Copies the canvas into the window's back buffer ({@code windowWidth x windowHeight}), scaled to fit with
     * its aspect kept, black bars around it.
     */
    public void blitToWindow(int windowWidth, int windowHeight) {
        if (windowWidth < 1 || windowHeight < 1) {
            return;
        }
        double s = Math.min((double) windowWidth / widthPixels, (double) windowHeight / heightPixels);
        int w = (int) Math.round(widthPixels * s);
        int h = (int) Math.round(heightPixels * s);
        int x = (windowWidth - w) / 2;
        int y = (windowHeight - h) / 2;
        GL30C.glBindFramebuffer(GL30C.GL_DRAW_FRAMEBUFFER, 0);
        GL11C.glDisable(GL11C.GL_SCISSOR_TEST);
        GL11C.glViewport(0, 0, windowWidth, windowHeight);
        GL11C.glClearColor(0f, 0f, 0f, 1f);
        GL11C.glClear(GL11C.GL_COLOR_BUFFER_BIT);
        GL30C.glBindFramebuffer(GL30C.GL_READ_FRAMEBUFFER, framebuffer);
        int filter = w == widthPixels && h == heightPixels ? GL11C.GL_NEAREST : GL11C.GL_LINEAR;
        GL30C.glBlitFramebuffer(0, 0, widthPixels, heightPixels, x, y, x + w, y + h, GL11C.GL_COLOR_BUFFER_BIT, filter);
        GL30C.glBindFramebuffer(GL30C.GL_FRAMEBUFFER, 0);
    }

    /** Bytes of an RGBA readback of the canvas. */
    public long rgbaBytes() {
        return (long) widthPixels * heightPixels * 4;
    }

    /**
     * Reads the canvas into {@code rgbaOut} (native, at least {@link #rgbaBytes()} bytes) as packed RGBA rows,
     * top row first (the order of {@code PngWriter} and the reference decoder).
     */
    public void readRgba(MemorySegment rgbaOut) {
        long bytes = rgbaBytes();
        if (!rgbaOut.isNative() || rgbaOut.byteSize() < bytes) {
            throw new IllegalArgumentException("canvas readback needs " + bytes + " bytes of native memory, got "
                    + rgbaOut.byteSize() + (rgbaOut.isNative() ? "" : " on the heap"));
        }
        GL30C.glBindFramebuffer(GL30C.GL_READ_FRAMEBUFFER, framebuffer);
        GL11C.glPixelStorei(GL11C.GL_PACK_ALIGNMENT, 1);
        GL11C.nglReadPixels(0, 0, widthPixels, heightPixels, GL11C.GL_RGBA, GL11C.GL_UNSIGNED_BYTE, rgbaOut.address());
        GL30C.glBindFramebuffer(GL30C.GL_READ_FRAMEBUFFER, 0);
        GlException.check("glReadPixels", "reading the " + widthPixels + "x" + heightPixels + " canvas");
        // GL's row 0 is the bottom: swap rows so the top comes first
        int row = widthPixels * 4;
        byte[] upper = new byte[row];
        byte[] lower = new byte[row];
        for (int y = 0; y < heightPixels / 2; y++) {
            long a = (long) y * row;
            long b = (long) (heightPixels - 1 - y) * row;
            MemorySegment.copy(rgbaOut, ValueLayout.JAVA_BYTE, a, upper, 0, row);
            MemorySegment.copy(rgbaOut, ValueLayout.JAVA_BYTE, b, lower, 0, row);
            MemorySegment.copy(lower, 0, rgbaOut, ValueLayout.JAVA_BYTE, a, row);
            MemorySegment.copy(upper, 0, rgbaOut, ValueLayout.JAVA_BYTE, b, row);
        }
    }

    void delete() {
        GL30C.glDeleteFramebuffers(framebuffer);
        GL11C.glDeleteTextures(texture);
    }
}
