package org.hapring.render.texture;

import org.hapring.decode.TextureFormat;
import org.hapring.render.gl.GlDriver;
import org.hapring.render.gl.GlException;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GL12C;
import org.lwjgl.opengl.GL13C;
import org.lwjgl.opengl.GL42C;

/**
 * One compressed GL texture for one plane of a layer, allocated once (immutable storage, one level) and
 * rewritten by every upload. Its storage is the picture size rounded up to whole 4x4 blocks, exactly what
 * the HAP plane holds ({@code ceil(w/4) * ceil(h/4)} blocks); the compositor samples only the picture part.
 * HAP stores block rows top to bottom, so texture row 0 is the picture's top row: the compositor's texture
 * coordinates flip it (no data is moved).
 *
 * <p>Render thread only.
 */
final class PlaneTexture {
    final int id;
    final TextureFormat format;
    final int glFormat;
    final int widthPixels;
    final int heightPixels;
    /** Storage size: the picture rounded up to whole blocks. */
    final int storageWidth;

    final int storageHeight;
    final long textureBytes;

    private PlaneTexture(int id, TextureFormat format, int widthPixels, int heightPixels) {
        this.id = id;
        this.format = format;
        this.glFormat = GlTextureFormats.internalFormat(format);
        this.widthPixels = widthPixels;
        this.heightPixels = heightPixels;
        this.storageWidth = TextureFormat.blocksAcross(widthPixels) * 4;
        this.storageHeight = TextureFormat.blocksDown(heightPixels) * 4;
        this.textureBytes = format.textureBytes(widthPixels, heightPixels);
    }

    /** Allocates the texture; checks the driver supports the format and the size. */
    static PlaneTexture allocate(
            GlDriver driver, TextureFormat format, int widthPixels, int heightPixels, String what) {
        if (!GlTextureFormats.supported(driver, format)) {
            throw new GlException(what + ": the driver (" + driver.renderer() + ") cannot sample " + format
                    + " textures (needs " + GlTextureFormats.extensionFor(format) + ")");
        }
        int max = GL11C.glGetInteger(GL11C.GL_MAX_TEXTURE_SIZE);
        PlaneTexture t = new PlaneTexture(GL11C.glGenTextures(), format, widthPixels, heightPixels);
        if (t.storageWidth > max || t.storageHeight > max) {
            GL11C.glDeleteTextures(t.id);
            throw new GlException(what + ": " + widthPixels + "x" + heightPixels
                    + " exceeds the driver's largest texture (" + max + " pixels)");
        }
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, t.id);
        if (driver.textureStorage()) {
            GL42C.glTexStorage2D(GL11C.GL_TEXTURE_2D, 1, t.glFormat, t.storageWidth, t.storageHeight);
        } else {
            // no immutable storage: define level 0 once with no data; uploads replace its contents
            GL13C.nglCompressedTexImage2D(
                    GL11C.GL_TEXTURE_2D,
                    0,
                    t.glFormat,
                    t.storageWidth,
                    t.storageHeight,
                    0,
                    Math.toIntExact(t.textureBytes),
                    0L);
        }
        GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL12C.GL_TEXTURE_MAX_LEVEL, 0);
        GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_MIN_FILTER, GL11C.GL_LINEAR);
        GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_MAG_FILTER, GL11C.GL_LINEAR);
        GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_WRAP_S, GL12C.GL_CLAMP_TO_EDGE);
        GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_WRAP_T, GL12C.GL_CLAMP_TO_EDGE);
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, 0);
        try {
            GlException.check("glTexStorage2D", what + " " + format + " " + widthPixels + "x" + heightPixels);
        } catch (GlException e) {
            GL11C.glDeleteTextures(t.id);
            throw e;
        }
        return t;
    }

    boolean holds(TextureFormat f, int width, int height) {
        return format == f && widthPixels == width && heightPixels == height;
    }

    /**
     * Replaces the whole texture with {@code bytes} texture bytes read from {@code source}: a client memory
     * address (no pixel-unpack buffer bound) or an offset into the bound pixel-unpack buffer. The caller has
     * checked that {@code bytes == textureBytes} and that the source holds them.
     */
    void replace(long source, long bytes) {
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, id);
        GL13C.nglCompressedTexSubImage2D(
                GL11C.GL_TEXTURE_2D, 0, 0, 0, storageWidth, storageHeight, glFormat, (int) bytes, source);
    }

    void delete() {
        GL11C.glDeleteTextures(id);
    }
}
