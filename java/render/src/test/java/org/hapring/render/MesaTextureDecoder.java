package org.hapring.render;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import org.lwjgl.BufferUtils;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGL10;
import org.lwjgl.egl.EGL14;
import org.lwjgl.egl.EGL15;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL13;
import org.lwjgl.opengl.GL30;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * The system OpenGL driver used as an independent texture decoder for tests: uploads compressed blocks
 * with glCompressedTexImage2D and reads the decompressed texels back with glGetTexImage (no drawing, so
 * no sampling or filtering is involved). Runs headless on an EGL surfaceless display
 * (EGL_PLATFORM_SURFACELESS_MESA) with a desktop GL context; when there is no EGL, no surfaceless
 * platform, or no context, {@link #open} skips the calling test with the reason.
 *
 * <p>Not thread-safe: its GL context is current on the thread that opened it, which must make every call.
 */
final class MesaTextureDecoder implements AutoCloseable {
    static final int RGB_S3TC_DXT1 = 0x83F0;
    static final int RGBA_S3TC_DXT1 = 0x83F1;
    static final int RGBA_S3TC_DXT5 = 0x83F3;
    static final int RED_RGTC1 = 0x8DBB;
    static final int RGBA_BPTC_UNORM = 0x8E8C;
    static final int RGB_BPTC_SIGNED_FLOAT = 0x8E8E;
    static final int RGB_BPTC_UNSIGNED_FLOAT = 0x8E8F;

    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    private final long display;
    private final long context;
    private final String renderer;

    private MesaTextureDecoder(long display, long context, String renderer) {
        this.display = display;
        this.context = context;
        this.renderer = renderer;
    }

    /** Opens a headless GL context, or skips the test (with the reason) when none can be had. */
    static MesaTextureDecoder open() {
        long display;
        try {
            // LWJGL's eglGetPlatformDisplay wrappers refuse the default (null) native display: call it directly
            long getPlatformDisplay = EGL.getFunctionProvider().getFunctionAddress("eglGetPlatformDisplay");
            assumeTrue(getPlatformDisplay != 0L, "libEGL is older than EGL 1.5 (no eglGetPlatformDisplay)");
            display = JNI.invokePPP(EGL_PLATFORM_SURFACELESS_MESA, 0L, 0L, getPlatformDisplay);
        } catch (LinkageError | IllegalStateException e) {
            assumeTrue(false, "no usable libEGL (" + e + "): install libegl1 and libegl-mesa0 to run this test");
            throw new AssertionError(e);
        }
        assumeTrue(display != EGL10.EGL_NO_DISPLAY, "EGL has no surfaceless platform (EGL_MESA_platform_surfaceless)");
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer major = stack.mallocInt(1);
            IntBuffer minor = stack.mallocInt(1);
            assumeTrue(
                    EGL10.eglInitialize(display, major, minor),
                    "eglInitialize failed: 0x" + Integer.toHexString(EGL10.eglGetError()));
            EGL.createDisplayCapabilities(display, major.get(0), minor.get(0));
            assumeTrue(EGL14.eglBindAPI(EGL14.EGL_OPENGL_API), "EGL cannot bind desktop OpenGL");
            IntBuffer configAttribs = stack.ints(
                    EGL14.EGL_RENDERABLE_TYPE, EGL14.EGL_OPENGL_BIT, EGL10.EGL_SURFACE_TYPE, 0, EGL10.EGL_NONE);
            PointerBuffer configs = stack.mallocPointer(1);
            IntBuffer count = stack.mallocInt(1);
            assumeTrue(
                    EGL10.eglChooseConfig(display, configAttribs, configs, count) && count.get(0) > 0,
                    "no EGL config renders desktop OpenGL");
            IntBuffer contextAttribs = stack.ints(
                    EGL15.EGL_CONTEXT_MAJOR_VERSION,
                    3,
                    EGL15.EGL_CONTEXT_MINOR_VERSION,
                    3,
                    EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK,
                    EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                    EGL10.EGL_NONE);
            long context = EGL10.eglCreateContext(display, configs.get(0), EGL10.EGL_NO_CONTEXT, contextAttribs);
            assumeTrue(
                    context != EGL10.EGL_NO_CONTEXT,
                    "no OpenGL 3.3 core context: 0x" + Integer.toHexString(EGL10.eglGetError()));
            assumeTrue(
                    EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, context),
                    "cannot make a context current without a surface (EGL_KHR_surfaceless_context)");
            GL.createCapabilities();
            return new MesaTextureDecoder(display, context, GL11.glGetString(GL11.GL_RENDERER));
        }
    }

    String renderer() {
        return renderer;
    }

    /** Whether the driver lists the extension (for example GL_EXT_texture_compression_s3tc). */
    boolean hasExtension(String name) {
        int n = GL11.glGetInteger(GL30.GL_NUM_EXTENSIONS);
        for (int i = 0; i < n; i++) {
            if (name.equals(GL30.glGetStringi(GL11.GL_EXTENSIONS, i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Uploads {@code blocks} as a {@code widthPixels x heightPixels} texture of {@code internalFormat} and
     * reads level 0 back as {@code format}/{@code type} texels (rows top to bottom, tightly packed).
     */
    ByteBuffer decode(
            int internalFormat,
            byte[] blocks,
            int widthPixels,
            int heightPixels,
            int format,
            int type,
            int bytesPerTexel) {
        return decodeOnCurrentContext(internalFormat, blocks, widthPixels, heightPixels, format, type, bytesPerTexel);
    }

    /** As {@link #decode}, on whatever GL context is current on the calling thread (for example a renderer's). */
    static ByteBuffer decodeOnCurrentContext(
            int internalFormat,
            byte[] blocks,
            int widthPixels,
            int heightPixels,
            int format,
            int type,
            int bytesPerTexel) {
        int texture = GL11.glGenTextures();
        try {
            GL11.glBindTexture(GL11.GL_TEXTURE_2D, texture);
            ByteBuffer data =
                    BufferUtils.createByteBuffer(blocks.length).put(blocks).flip();
            GL13.glCompressedTexImage2D(GL11.GL_TEXTURE_2D, 0, internalFormat, widthPixels, heightPixels, 0, data);
            checkError("glCompressedTexImage2D");
            GL11.glPixelStorei(GL11.GL_PACK_ALIGNMENT, 1);
            ByteBuffer out = BufferUtils.createByteBuffer(widthPixels * heightPixels * bytesPerTexel);
            GL11.glGetTexImage(GL11.GL_TEXTURE_2D, 0, format, type, out);
            checkError("glGetTexImage");
            return out;
        } finally {
            GL11.glDeleteTextures(texture);
        }
    }

    private static void checkError(String call) {
        int error = GL11.glGetError();
        if (error != GL11.GL_NO_ERROR) {
            throw new IllegalStateException(call + " failed: GL error 0x" + Integer.toHexString(error));
        }
    }

    @Override
    public void close() {
        EGL10.eglMakeCurrent(display, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_SURFACE, EGL10.EGL_NO_CONTEXT);
        EGL10.eglDestroyContext(display, context);
        GL.setCapabilities(null);
        EGL10.eglTerminate(display);
    }
}
