package org.hapring.render.compose;

import org.hapring.render.gl.GlException;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GL13C;
import org.lwjgl.opengl.GL14C;
import org.lwjgl.opengl.GL20C;
import org.lwjgl.opengl.GL30C;

/**
 * Composites layers onto the {@link Canvas}: bottom to top by z-order (then layer id), each layer's quad
 * clipped to its box and blended by its {@link BlendMode} as premultiplied colour on the opaque canvas.
 *
 * <p><b>HAP Alpha-Only layers are mattes</b> (what a media-server operator puts an alpha-only clip on a layer
 * for): a matte masks the next visible layer directly below it, like a track matte. That layer's alpha (and so
 * its colour, premultiplied) is multiplied by the matte's value where the matte's picture lies, and by 0
 * outside it; the matte's opacity fades the effect ({@code factor = 1 - opacity (1 - matte)}). The matte itself
 * is not drawn. A matte with nothing to mask (the bottom visible layer, or right above another matte) shows
 * its values as grey over black (white = opaque), as FFmpeg decodes HAP Alpha-Only, so a lone matte can be
 * looked at.
 *
 * <p>Allocation-free per frame (layers are sorted in a reused array, placements are cached per look).
 *
 * <p>Render thread only.
 */
public final class Compositor implements AutoCloseable {
    private final Canvas canvas;
    private final LayerProgram program;
    private final int vertexArray;
    private CompositeLayer[] order = new CompositeLayer[16];

    public Compositor(int canvasWidthPixels, int canvasHeightPixels) {
        this.canvas = new Canvas(canvasWidthPixels, canvasHeightPixels);
        this.program = new LayerProgram();
        this.vertexArray = GL30C.glGenVertexArrays();
        GlException.check("compositor setup", "canvas " + canvasWidthPixels + "x" + canvasHeightPixels);
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Binds the canvas and clears it to opaque black; layers and overlay draw after this. */
    public void begin() {
        canvas.begin();
    }

    /** Draws {@code layers[0 .. count)} (any order) onto the canvas. */
    public void drawLayers(CompositeLayer[] layers, int count) {
        int n = sortDrawable(layers, count);
        assignMattes(n);
        GL11C.glEnable(GL11C.GL_BLEND);
        GL14C.glBlendEquation(GL14C.GL_FUNC_ADD);
        GL11C.glEnable(GL11C.GL_SCISSOR_TEST);
        GL20C.glUseProgram(program.program.id());
        GL30C.glBindVertexArray(vertexArray);
        for (int i = 0; i < n; i++) {
            CompositeLayer l = order[i];
            if (!l.consumedAsMatte) {
                draw(l);
            }
            order[i] = null;
        }
        GL30C.glBindVertexArray(0);
        GL20C.glUseProgram(0);
        GL11C.glDisable(GL11C.GL_SCISSOR_TEST);
        GL11C.glDisable(GL11C.GL_BLEND);
        for (int unit = 2; unit >= 0; unit--) {
            GL13C.glActiveTexture(GL13C.GL_TEXTURE0 + unit);
            GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, 0);
        }
    }

    /** Copies the drawable layers into {@link #order}, bottom first (insertion sort: few layers, no allocation). */
    private int sortDrawable(CompositeLayer[] layers, int count) {
        if (order.length < count) {
            order = new CompositeLayer[Math.max(count, order.length * 2)];
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            CompositeLayer l = layers[i];
            if (l == null || !l.drawable()) {
                continue;
            }
            int j = n++;
            while (j > 0 && below(l, order[j - 1])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = l;
        }
        return n;
    }

    private static boolean below(CompositeLayer a, CompositeLayer b) {
        int za = a.look.zOrder();
        int zb = b.look.zOrder();
        return za < zb || (za == zb && a.layerId < b.layerId);
    }

    private void assignMattes(int n) {
        for (int i = 0; i < n; i++) {
            order[i].matte = null;
            order[i].consumedAsMatte = false;
        }
        for (int i = 1; i < n; i++) {
            CompositeLayer l = order[i];
            CompositeLayer under = order[i - 1];
            if (l.shading() == Shading.MATTE && under.shading() != Shading.MATTE && under.matte == null) {
                under.matte = l;
                l.consumedAsMatte = true;
            }
        }
    }

    private void draw(CompositeLayer l) {
        int cw = canvas.widthPixels();
        int ch = canvas.heightPixels();
        Placement p = l.placement(cw, ch);
        if (p.isEmpty()) {
            return;
        }
        PixelBox clip = p.clip();
        GL11C.glScissor(clip.x(), ch - clip.y() - clip.height(), clip.width(), clip.height());
        setQuad(program.rect, program.uv, p, l, cw, ch);
        Shading shading = l.shading();
        GL20C.glUniform1i(program.shading, shading.code());
        GL20C.glUniform1f(program.opacity, (float) l.look.opacity());
        bind(0, l.textures.textureId(0));
        if (shading == Shading.YCOCG_ALPHA) {
            bind(1, l.textures.textureId(1));
        }
        CompositeLayer m = l.matte;
        if (m != null) {
            GL20C.glUniform1i(program.matteOn, 1);
            setQuad(program.matteRect, program.matteUv, m.placement(cw, ch), m, cw, ch);
            GL20C.glUniform1f(program.matteOpacity, (float) m.look.opacity());
            bind(2, m.textures.textureId(0));
        } else {
            GL20C.glUniform1i(program.matteOn, 0);
        }
        BlendMode blend = shading == Shading.MATTE ? BlendMode.NORMAL : l.look.blend();
        GL14C.glBlendFuncSeparate(
                blend.sourceFactor(), blend.destinationFactor(), GL11C.GL_ONE, GL11C.GL_ONE_MINUS_SRC_ALPHA);
        GL11C.glDrawArrays(GL11C.GL_TRIANGLE_STRIP, 0, 4);
    }

    /** Sets a quad's NDC corners and texture coordinates (v = 0 at the top: HAP's first block row). */
    private static void setQuad(int rectUniform, int uvUniform, Placement p, CompositeLayer l, int cw, int ch) {
        float x0 = (float) (2.0 * p.x0() / cw - 1.0);
        float x1 = (float) (2.0 * p.x1() / cw - 1.0);
        float y0 = (float) (1.0 - 2.0 * p.y0() / ch);
        float y1 = (float) (1.0 - 2.0 * p.y1() / ch);
        GL20C.glUniform4f(rectUniform, x0, y0, x1, y1);
        float u1 = (float) l.textures.widthPixels() / l.textures.storageWidth();
        float v1 = (float) l.textures.heightPixels() / l.textures.storageHeight();
        GL20C.glUniform4f(uvUniform, 0f, 0f, u1, v1);
    }

    private static void bind(int unit, int texture) {
        GL13C.glActiveTexture(GL13C.GL_TEXTURE0 + unit);
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, texture);
    }

    @Override
    public void close() {
        GL30C.glDeleteVertexArrays(vertexArray);
        program.delete();
        canvas.delete();
    }
}
