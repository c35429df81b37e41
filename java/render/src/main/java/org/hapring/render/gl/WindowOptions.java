package org.hapring.render.gl;

import java.util.Objects;

/**
 * How to open the window.
 *
 * @param title window title
 * @param widthPixels window width when not fullscreen (the canvas size is separate: the canvas is scaled into
 *     the window, letterboxed)
 * @param heightPixels window height when not fullscreen
 * @param fullscreen cover the monitor in its current video mode
 * @param monitorIndex which monitor (0 = primary, as GLFW lists them); the window opens centred on it
 * @param vsync swaps wait for the vertical blank (presentation paced by the display)
 *
 * <p>Immutable; any thread.
 */
public record WindowOptions(
        String title, int widthPixels, int heightPixels, boolean fullscreen, int monitorIndex, boolean vsync) {
    public WindowOptions {
        Objects.requireNonNull(title, "title");
        if (widthPixels < 1 || heightPixels < 1 || widthPixels > 16384 || heightPixels > 16384) {
            throw new IllegalArgumentException(
                    "window size=" + widthPixels + "x" + heightPixels + ": must be 1..16384 in each direction");
        }
        if (monitorIndex < 0) {
            throw new IllegalArgumentException("monitor=" + monitorIndex + ": must be >= 0");
        }
    }
}
