package org.hapring.render.gl;

import org.lwjgl.PointerBuffer;
import org.lwjgl.glfw.GLFW;
import org.lwjgl.glfw.GLFWErrorCallback;
import org.lwjgl.glfw.GLFWFramebufferSizeCallback;
import org.lwjgl.glfw.GLFWKeyCallback;
import org.lwjgl.glfw.GLFWVidMode;
import org.lwjgl.opengl.GL;

/**
 * A window through GLFW with an OpenGL core context: windowed (centred on the chosen monitor) or fullscreen
 * in the monitor's current video mode, swaps with or without vsync. Keys: {@code S} or {@code F1} toggle
 * the stats overlay, {@code Escape} or {@code Q} close. On Linux it asks for the X11 platform when
 * {@code DISPLAY} is set (works under Xvfb) and lets GLFW choose otherwise.
 *
 * <p>Opened, used and closed on the render thread (GLFW wants its events handled on the thread that
 * initialised it; with one render thread that is the one).
 */
public final class GlfwWindowOutput implements GlOutput {
    private final long window;
    private final boolean vsync;
    private final long refreshPeriodNanos;
    private final String description;
    /** The framebuffer size, kept by GLFW's size callback (asking for it each frame would allocate). */
    private int widthPixels;

    private int heightPixels;
    private final GLFWKeyCallback keyCallback;
    private final GLFWFramebufferSizeCallback sizeCallback;
    private final GLFWErrorCallback errorCallback;
    private KeyListener keyListener = a -> {};
    private boolean closed;

    private GlfwWindowOutput(
            long window, boolean vsync, long refreshPeriodNanos, String description, GLFWErrorCallback errorCallback) {
        this.window = window;
        this.vsync = vsync;
        this.refreshPeriodNanos = refreshPeriodNanos;
        this.description = description;
        this.errorCallback = errorCallback;
        this.keyCallback = GLFWKeyCallback.create((win, key, scancode, action, mods) -> {
            if (action != GLFW.GLFW_PRESS) {
                return;
            }
            if (key == GLFW.GLFW_KEY_S || key == GLFW.GLFW_KEY_F1) {
                keyListener.onKey(KeyAction.TOGGLE_STATS);
            } else if (key == GLFW.GLFW_KEY_ESCAPE || key == GLFW.GLFW_KEY_Q) {
                GLFW.glfwSetWindowShouldClose(win, true);
                keyListener.onKey(KeyAction.QUIT);
            }
        });
        GLFW.glfwSetKeyCallback(window, keyCallback);
        int[] w = new int[1];
        int[] h = new int[1];
        GLFW.glfwGetFramebufferSize(window, w, h);
        this.widthPixels = w[0];
        this.heightPixels = h[0];
        this.sizeCallback = GLFWFramebufferSizeCallback.create((win, width, height) -> {
            widthPixels = width;
            heightPixels = height;
        });
        GLFW.glfwSetFramebufferSizeCallback(window, sizeCallback);
    }

    /** Whether a display server is named in the environment (DISPLAY or WAYLAND_DISPLAY). */
    public static boolean displayNamed() {
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    /** Opens the window and makes its context current on the calling thread. */
    public static GlfwWindowOutput open(WindowOptions options) throws GlUnavailableException {
        String[] lastError = {null};
        GLFWErrorCallback errors = GLFWErrorCallback.create((code, message) ->
                lastError[0] = GLFWErrorCallback.getDescription(message) + " (0x" + Integer.toHexString(code) + ")");
        GLFW.glfwSetErrorCallback(errors);
        if (notBlank(System.getenv("DISPLAY"))
                && !notBlank(System.getenv("WAYLAND_DISPLAY"))
                && GLFW.glfwPlatformSupported(GLFW.GLFW_PLATFORM_X11)) {
            GLFW.glfwInitHint(GLFW.GLFW_PLATFORM, GLFW.GLFW_PLATFORM_X11);
        }
        if (!GLFW.glfwInit()) {
            GLFW.glfwSetErrorCallback(null);
            errors.free();
            throw new GlUnavailableException(
                    "window output: no display (" + (lastError[0] == null ? "GLFW init failed" : lastError[0])
                            + "); run under a desktop session or xvfb-run, or use --output offscreen");
        }
        try {
            PointerBuffer monitors = GLFW.glfwGetMonitors();
            int monitorCount = monitors == null ? 0 : monitors.remaining();
            if (options.monitorIndex() >= Math.max(1, monitorCount)) {
                throw new GlUnavailableException("window output: monitor=" + options.monitorIndex() + " but "
                        + monitorCount + " monitor(s) are connected");
            }
            long monitor = monitorCount == 0 ? 0L : monitors.get(options.monitorIndex());
            GLFWVidMode mode = monitor == 0L ? null : GLFW.glfwGetVideoMode(monitor);
            if (options.fullscreen() && mode == null) {
                throw new GlUnavailableException(
                        "window output: fullscreen needs a monitor; none reports a video mode");
            }
            int width = options.fullscreen() ? mode.width() : options.widthPixels();
            int height = options.fullscreen() ? mode.height() : options.heightPixels();
            long window = 0L;
            GlVersion made = null;
            for (GlVersion v : GlVersion.WANTED) {
                GLFW.glfwDefaultWindowHints();
                GLFW.glfwWindowHint(GLFW.GLFW_CONTEXT_VERSION_MAJOR, v.major());
                GLFW.glfwWindowHint(GLFW.GLFW_CONTEXT_VERSION_MINOR, v.minor());
                GLFW.glfwWindowHint(GLFW.GLFW_OPENGL_PROFILE, GLFW.GLFW_OPENGL_CORE_PROFILE);
                GLFW.glfwWindowHint(GLFW.GLFW_OPENGL_FORWARD_COMPAT, GLFW.GLFW_TRUE);
                GLFW.glfwWindowHint(GLFW.GLFW_VISIBLE, GLFW.GLFW_FALSE);
                if (options.fullscreen()) {
                    GLFW.glfwWindowHint(GLFW.GLFW_REFRESH_RATE, mode.refreshRate());
                }
                window = GLFW.glfwCreateWindow(width, height, options.title(), options.fullscreen() ? monitor : 0L, 0L);
                if (window != 0L) {
                    made = v;
                    break;
                }
            }
            if (window == 0L) {
                throw new GlUnavailableException(
                        "window output: no OpenGL 3.3 (or later) core context for a window (" + lastError[0] + ")");
            }
            if (!options.fullscreen() && monitor != 0L && mode != null) {
                int[] mx = new int[1];
                int[] my = new int[1];
                GLFW.glfwGetMonitorPos(monitor, mx, my);
                GLFW.glfwSetWindowPos(
                        window,
                        mx[0] + Math.max(0, (mode.width() - width) / 2),
                        my[0] + Math.max(0, (mode.height() - height) / 2));
            }
            GLFW.glfwMakeContextCurrent(window);
            GL.createCapabilities();
            GLFW.glfwSwapInterval(options.vsync() ? 1 : 0);
            GLFW.glfwShowWindow(window);
            long refresh = mode == null || mode.refreshRate() <= 0 ? 0 : 1_000_000_000L / mode.refreshRate();
            String monitorName = monitor == 0L ? "no monitor" : GLFW.glfwGetMonitorName(monitor);
            String description = "window " + width + "x" + height + (options.fullscreen() ? " fullscreen" : "") + " on "
                    + monitorName + (mode == null || mode.refreshRate() <= 0 ? "" : " @" + mode.refreshRate() + " Hz")
                    + (options.vsync() ? " (vsync)" : " (no vsync)") + ", OpenGL " + made + " core";
            return new GlfwWindowOutput(window, options.vsync(), refresh, description, errors);
        } catch (GlUnavailableException | RuntimeException e) {
            GLFW.glfwTerminate();
            GLFW.glfwSetErrorCallback(null);
            errors.free();
            throw e;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public boolean isWindow() {
        return true;
    }

    @Override
    public int framebufferWidthPixels() {
        return widthPixels;
    }

    @Override
    public int framebufferHeightPixels() {
        return heightPixels;
    }

    @Override
    public void present() {
        GLFW.glfwSwapBuffers(window);
    }

    @Override
    public boolean vsync() {
        return vsync;
    }

    @Override
    public long refreshPeriodNanos() {
        return refreshPeriodNanos;
    }

    @Override
    public void pollEvents() {
        GLFW.glfwPollEvents();
    }

    @Override
    public boolean closeRequested() {
        return GLFW.glfwWindowShouldClose(window);
    }

    @Override
    public void setKeyListener(KeyListener listener) {
        this.keyListener = listener == null ? a -> {} : listener;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        GLFW.glfwMakeContextCurrent(0L);
        GL.setCapabilities(null);
        GLFW.glfwDestroyWindow(window);
        keyCallback.free();
        sizeCallback.free();
        GLFW.glfwTerminate();
        GLFW.glfwSetErrorCallback(null);
        errorCallback.free();
    }
}
