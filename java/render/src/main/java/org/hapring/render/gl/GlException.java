package org.hapring.render.gl;

import org.lwjgl.opengl.GL11C;

/**
 * An OpenGL call failed on a context that was working: names the call, the GL error code and what was being
 * done (layer, texture format, size), so that a report reads {@code glCompressedTexSubImage2D failed:
 * GL_INVALID_OPERATION (0x502) uploading layer 2 BC7 640x360}.
 *
 * <p>Immutable; thrown on the render thread.
 */
public final class GlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int glError;

    public GlException(String message, int glError) {
        super(message);
        this.glError = glError;
    }

    public GlException(String message) {
        this(message, 0);
    }

    /** The GL error code (GL_INVALID_ENUM ...), or 0 when the failure was not a GL error code. */
    public int glError() {
        return glError;
    }

    /** Throws when the context has a pending error; {@code call} and {@code what} go into the message. */
    public static void check(String call, String what) {
        int error = GL11C.glGetError();
        if (error != GL11C.GL_NO_ERROR) {
            // drain further flags so the next check reports its own call
            while (GL11C.glGetError() != GL11C.GL_NO_ERROR) {
                // the loop ends: GL keeps at most one flag per error kind
            }
            throw new GlException(
                    call + " failed: " + name(error) + " (0x" + Integer.toHexString(error) + ") " + what, error);
        }
    }

    static String name(int error) {
        return switch (error) {
            case GL11C.GL_INVALID_ENUM -> "GL_INVALID_ENUM";
            case GL11C.GL_INVALID_VALUE -> "GL_INVALID_VALUE";
            case GL11C.GL_INVALID_OPERATION -> "GL_INVALID_OPERATION";
            case GL11C.GL_OUT_OF_MEMORY -> "GL_OUT_OF_MEMORY";
            case 0x0506 -> "GL_INVALID_FRAMEBUFFER_OPERATION";
            default -> "GL error";
        };
    }
}
