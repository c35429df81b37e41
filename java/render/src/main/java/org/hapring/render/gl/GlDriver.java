package org.hapring.render.gl;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GL30C;
import org.lwjgl.opengl.GLCapabilities;

/**
 * What the current context's driver is and offers: renderer and version strings, the texture-compression
 * extensions HAP needs (S3TC for DXT1/DXT5, RGTC for BC4, BPTC for BC7/BC6H), immutable texture storage and
 * persistent buffer storage, and whether it rasterises in software (llvmpipe, softpipe, swrast), which
 * decides the default upload path.
 *
 * <p>Created and used on the render thread (reads the current context once; immutable afterwards).
 */
public final class GlDriver {
    private final String renderer;
    private final String vendor;
    private final String version;
    private final int major;
    private final int minor;
    private final Set<String> extensions;
    private final boolean textureStorage;
    private final boolean bufferStorage;

    private GlDriver(
            String renderer,
            String vendor,
            String version,
            int major,
            int minor,
            Set<String> extensions,
            GLCapabilities caps) {
        this.renderer = renderer;
        this.vendor = vendor;
        this.version = version;
        this.major = major;
        this.minor = minor;
        this.extensions = extensions;
        this.textureStorage = caps.glTexStorage2D != 0L;
        this.bufferStorage = caps.glBufferStorage != 0L;
    }

    /** Reads the current context. */
    public static GlDriver current() {
        GLCapabilities caps = GL.getCapabilities();
        int n = GL11C.glGetInteger(GL30C.GL_NUM_EXTENSIONS);
        Set<String> ext = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ext.add(GL30C.glGetStringi(GL11C.GL_EXTENSIONS, i));
        }
        return new GlDriver(
                String.valueOf(GL11C.glGetString(GL11C.GL_RENDERER)),
                String.valueOf(GL11C.glGetString(GL11C.GL_VENDOR)),
                String.valueOf(GL11C.glGetString(GL11C.GL_VERSION)),
                GL11C.glGetInteger(GL30C.GL_MAJOR_VERSION),
                GL11C.glGetInteger(GL30C.GL_MINOR_VERSION),
                ext,
                caps);
    }

    public String renderer() {
        return renderer;
    }

    public String vendor() {
        return vendor;
    }

    public String version() {
        return version;
    }

    public boolean hasExtension(String name) {
        return extensions.contains(name);
    }

    /** At least OpenGL {@code wantMajor.wantMinor}. */
    public boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }

    /** DXT1 and DXT5 (HAP, HAP Alpha, HAP Q). */
    public boolean s3tc() {
        return hasExtension("GL_EXT_texture_compression_s3tc");
    }

    /** BC4 (HAP Alpha-Only, HAP Q Alpha's alpha): core since 3.0. */
    public boolean rgtc() {
        return atLeast(3, 0) || hasExtension("GL_ARB_texture_compression_rgtc");
    }

    /** BC7 and BC6H (HAP R, HAP HDR): core since 4.2. */
    public boolean bptc() {
        return atLeast(4, 2)
                || hasExtension("GL_ARB_texture_compression_bptc")
                || hasExtension("GL_EXT_texture_compression_bptc");
    }

    /** glTexStorage2D (core 4.2, ARB_texture_storage). */
    public boolean textureStorage() {
        return textureStorage;
    }

    /** Persistent mapped buffers (core 4.4, ARB_buffer_storage): the PBO upload path needs them. */
    public boolean bufferStorage() {
        return bufferStorage;
    }

    /** Mesa's CPU rasterisers and other software renderers: a PBO only adds a copy there. */
    public boolean software() {
        String r = renderer.toLowerCase(Locale.ROOT);
        return r.contains("llvmpipe") || r.contains("softpipe") || r.contains("swrast") || r.contains("software");
    }

    /** One line for logs and the overlay. */
    public String describe() {
        return renderer + " (" + vendor + ", OpenGL " + version + ")";
    }
}
