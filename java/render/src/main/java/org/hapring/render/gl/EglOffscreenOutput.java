package org.hapring.render.gl;

import java.nio.IntBuffer;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL14;
import org.lwjgl.egl.EGL15;
import org.lwjgl.opengl.GL;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * Headless output: a desktop OpenGL core context on an EGL surfaceless display
 * ({@code EGL_PLATFORM_SURFACELESS_MESA}), with no window and no default framebuffer; the renderer draws
 * into its canvas framebuffer and reads it back (screenshots, checks). Needs no X server: works in CI and
 * containers with Mesa (llvmpipe) or a GPU driver that offers the surfaceless platform.
 *
 * <p>LWJGL's {@code eglGetPlatformDisplay} wrappers refuse the default (null) native display that the
 * surfaceless platform takes, so the function is called through its address.
 *
 * <p>Opened, used and closed on the render thread, where the context is current.
 */
public final class EglOffscreenOutput implements GlOutput {
    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    private final long display;
    private final long context;
    private final GlVersion version;
    private boolean closed;

    private EglOffscreenOutput(long display, long context, GlVersion version) {
        this.display = display;
        this.context = context;
        this.version = version;
    }

    /** Opens the context and makes it current on the calling thread. */
    public static EglOffscreenOutput open() throws GlUnavailableException {
        long display;
        try {
            long getPlatformDisplay = EGL.getFunctionProvider().getFunctionAddress("eglGetPlatformDisplay");
            if (getPlatformDisplay == 0L) {
                throw new GlUnavailableException("offscreen output: libEGL is older than EGL 1.5 (no "
                        + "eglGetPlatformDisplay); install libegl1 and libegl-mesa0");
            }
            display = JNI.invokePPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, getPlatformDisplay);
        } catch (LinkageError | IllegalStateException e) {
            throw new GlUnavailableException(
                    "offscreen output: no usable libEGL (" + e.getMessage()
                            + "); install libegl1 and libegl-mesa0 (Debian/Ubuntu)",
                    e);
        }
        if (display == EGL10.EGL_NO_DISPLAY) {
            throw new GlUnavailableException("offscreen output: EGL has no surfaceless platform "
                    + "(EGL_MESA_platform_surfaceless); install libegl-mesa0 and libgl1-mesa-dri");
        }
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer major = stack.mallocInt(1);
            IntBuffer minor = stack.mallocInt(1);
            if (!EGL10.eglInitialize(display, major, minor)) {
                throw new GlUnavailableException("offscreen output: eglInitialize failed (EGL error 0x"
                        + Integer.toHexString(EGL10.eglGetError()) + "); is libgl1-mesa-dri installed?");
            }
            EGL.createDisplayCapabilities(display, major.get(0), minor.get(0));
            if (!EGL14.eglBindAPI(EGL14.EGL_OPENGL_API)) {
                EGL10.eglTerminate(display);
                throw new GlUnavailableException("offscreen output: EGL cannot bind desktop OpenGL");
            }
            PointerBuffer configs = stack.mallocPointer(1);
            IntBuffer count = stack.mallocInt(1);
            IntBuffer configAttribs = stack.ints(
                    EGL14.EGL_RENDERABLE_TYPE, EGL14.EGL_OPENGL_BIT, EGL10.EGL_SURFACE_TYPE, 0, EGL10.EGL_NONE);
            if (!EGL10.eglChooseConfig(display, configAttribs, configs, count) || count.get(0) < 1) {
                EGL10.eglTerminate(display);
                throw new GlUnavailableException("offscreen output: no EGL config renders desktop OpenGL");
            }
            for (GlVersion v : GlVersion.WANTED) {
                IntBuffer attribs = stack.ints(
                        EGL15.EGL_CONTEXT_MAJOR_VERSION,
                        v.major(),
                        EGL15.EGL_CONTEXT_MINOR_VERSION,
                        v.minor(),
                        EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK,
                        EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                        EGL10.EGL_NONE);
                long context = EGL10.eglCreateContext(display, configs.get(0), EGL10.EGL_NO_CONTEXT, attribs);
                if (context == EGL10.EGL_NO_CONTEXT) {
                    continue;
                }
                if (!EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, context)) {
                    EGL10.eglDestroyContext(display, context);
                    EGL10.eglTerminate(display);
                    throw new GlUnavailableException("offscreen output: cannot make a context current without a "
                            + "surface (EGL_KHR_surfaceless_context missing)");
                }
                GL.createCapabilities();
                return new EglOffscreenOutput(display, context, v);
            }
            int error = EGL10.eglGetError();
            EGL10.eglTerminate(display);
            throw new GlUnavailableException("offscreen output: no OpenGL 3.3 (or later) core context (EGL error 0x"
                    + Integer.toHexString(error) + ")");
        }
    }

    @Override
    public boolean isWindow() {
        return false;
    }

    @Override
    public int framebufferWidthPixels() {
        return 0;
    }

    @Override
    public int framebufferHeightPixels() {
        return 0;
    }

    @Override
    public void present() {
        // nothing is shown: the canvas framebuffer is the output
    }

    @Override
    public boolean vsync() {
        return false;
    }

    @Override
    public long refreshPeriodNanos() {
        return 0;
    }

    @Override
    public void pollEvents() {
        // no window, no events
    }

    @Override
    public boolean closeRequested() {
        return false;
    }

    @Override
    public void setKeyListener(KeyListener listener) {
        // no keyboard offscreen
    }

    @Override
    public String description() {
        return "offscreen (EGL surfaceless, OpenGL " + version + " core)";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT);
        EGL10.eglDestroyContext(display, context);
        GL.setCapabilities(null);
        EGL10.eglTerminate(display);
    }
}
