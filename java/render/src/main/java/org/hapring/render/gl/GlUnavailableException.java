package org.hapring.render.gl;

/**
 * No OpenGL output of the kind asked for can be opened here: no display (window), no libEGL or no
 * surfaceless platform (offscreen), a driver below the version this renderer needs, or a missing texture
 * format. The message says what is missing and how to get it (which packages to install, which variable
 * to set); callers fall back (window to offscreen) or report it, tests skip with it.
 *
 * <p>Immutable; thrown on the thread that opens the output.
 */
public final class GlUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public GlUnavailableException(String message) {
        super(message);
    }

    public GlUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
