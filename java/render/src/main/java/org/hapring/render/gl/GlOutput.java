package org.hapring.render.gl;

/**
 * Where the composited picture goes: a window ({@link GlfwWindowOutput}) or nothing visible
 * ({@link EglOffscreenOutput}: the canvas framebuffer is the result). Owns the OpenGL context, which is
 * current on the thread that opened the output.
 *
 * <p>Render thread only (the one that opened it), including {@link #close()}.
 */
public interface GlOutput extends AutoCloseable {
    /** What a key in the window asks for. */
    enum KeyAction {
        /** Show or hide the stats overlay. */
        TOGGLE_STATS,
        /** Close the window (Escape or Q). */
        QUIT
    }

    /** Receives key actions during {@link #pollEvents()}; render thread. */
    @FunctionalInterface
    interface KeyListener {
        void onKey(KeyAction action);
    }

    /** True for a window, false for offscreen. */
    boolean isWindow();

    /** The default framebuffer's size now, pixels (a window may be resized; offscreen: 0). */
    int framebufferWidthPixels();

    int framebufferHeightPixels();

    /** Shows the back buffer (swaps; waits for the vertical blank when vsync is on). Offscreen: nothing. */
    void present();

    /** Whether swaps wait for the display's vertical blank. */
    boolean vsync();

    /** The display's refresh period, or 0 when unknown (offscreen). */
    long refreshPeriodNanos();

    /** Handles window events (keys, close, resize); offscreen: nothing. */
    void pollEvents();

    /** The user asked to close the window. */
    boolean closeRequested();

    void setKeyListener(KeyListener listener);

    /** One line: kind, size, driver, e.g. {@code window 1280x720 on HDMI-1 (vsync)}. */
    String description();

    @Override
    void close();
}
