package org.hapring.render.texture;

import org.hapring.decode.TextureFormat;
import org.hapring.render.gl.GlDriver;

/**
 * The OpenGL compressed internal format of each HAP texture format, and whether the driver can sample it.
 * HAP Q's scaled YCoCg is stored as plain DXT5 (the shader converts); BC4 is RGTC1 (red channel).
 *
 * <p>Stateless; any thread.
 */
public final class GlTextureFormats {
    /** EXT_texture_compression_s3tc. */
    public static final int RGB_S3TC_DXT1 = 0x83F0;

    public static final int RGBA_S3TC_DXT5 = 0x83F3;
    /** Core 3.0 / ARB_texture_compression_rgtc. */
    public static final int RED_RGTC1 = 0x8DBB;
    /** Core 4.2 / ARB_texture_compression_bptc. */
    public static final int RGBA_BPTC_UNORM = 0x8E8C;

    public static final int RGB_BPTC_SIGNED_FLOAT = 0x8E8E;
    public static final int RGB_BPTC_UNSIGNED_FLOAT = 0x8E8F;

    private GlTextureFormats() {}

    public static int internalFormat(TextureFormat format) {
        return switch (format) {
            case DXT1 -> RGB_S3TC_DXT1;
            case DXT5, YCOCG_DXT5 -> RGBA_S3TC_DXT5;
            case BC4 -> RED_RGTC1;
            case BC7 -> RGBA_BPTC_UNORM;
            case BC6H_UNSIGNED -> RGB_BPTC_UNSIGNED_FLOAT;
            case BC6H_SIGNED -> RGB_BPTC_SIGNED_FLOAT;
        };
    }

    /** Whether {@code driver} samples {@code format}. */
    public static boolean supported(GlDriver driver, TextureFormat format) {
        return switch (format) {
            case DXT1, DXT5, YCOCG_DXT5 -> driver.s3tc();
            case BC4 -> driver.rgtc();
            case BC7, BC6H_UNSIGNED, BC6H_SIGNED -> driver.bptc();
        };
    }

    /** The extension a format needs, for messages. */
    public static String extensionFor(TextureFormat format) {
        return switch (format) {
            case DXT1, DXT5, YCOCG_DXT5 -> "GL_EXT_texture_compression_s3tc";
            case BC4 -> "GL_ARB_texture_compression_rgtc (OpenGL 3.0)";
            case BC7, BC6H_UNSIGNED, BC6H_SIGNED -> "GL_ARB_texture_compression_bptc (OpenGL 4.2)";
        };
    }
}
