package org.hapring.render.overlay;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.hapring.render.gl.GlException;
import org.hapring.render.gl.GlProgram;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GL12C;
import org.lwjgl.opengl.GL13C;
import org.lwjgl.opengl.GL14C;
import org.lwjgl.opengl.GL15C;
import org.lwjgl.opengl.GL20C;
import org.lwjgl.opengl.GL30C;
import org.lwjgl.system.MemoryUtil;

/**
 * Draws the overlay's solid rectangles and {@link BitmapFont} text as one batch of textured quads: a font atlas
 * (one 6x8 cell per glyph plus a solid cell, R8, nearest sampling) and a vertex buffer filled on the CPU each
 * frame. Text is drawn at whole-pixel positions and integer scales, so each glyph pixel becomes an exact
 * {@code scale x scale} square. Colours are straight RGBA; the shader premultiplies them. The vertex memory is
 * allocated once (off-heap): a frame allocates nothing.
 *
 * <p>Render thread only.
 */
final class QuadBatch {
    private static final int FLOATS_PER_VERTEX = 8;
    private static final int ATLAS_COLUMNS = 16;
    private static final int SOLID_CELL = BitmapFont.glyphCount();

    private static final String VERTEX = """
            #version 330 core
            layout(location = 0) in vec2 a_pos;
            layout(location = 1) in vec2 a_uv;
            layout(location = 2) in vec4 a_color;
            uniform vec2 u_canvas;
            out vec2 v_uv;
            out vec4 v_color;
            void main() {
                v_uv = a_uv;
                v_color = a_color;
                gl_Position = vec4(a_pos.x / u_canvas.x * 2.0 - 1.0, 1.0 - a_pos.y / u_canvas.y * 2.0, 0.0, 1.0);
            }
            """;
    private static final String FRAGMENT = """
            #version 330 core
            in vec2 v_uv;
            in vec4 v_color;
            uniform sampler2D u_atlas;
            out vec4 o_color;
            void main() {
                float coverage = texture(u_atlas, v_uv).r;
                float a = v_color.a * coverage;
                o_color = vec4(v_color.rgb * a, a);
            }
            """;

    private final int maxQuads;
    private final FloatBuffer vertices;
    /** The vertices' native address, taken once (asking LWJGL for a buffer's address per frame allocates). */
    private final long verticesAddress;

    private final GlProgram program;
    private final int canvasUniform;
    private final int atlas;
    private final int atlasWidth;
    private final int atlasHeight;
    private final int vertexArray;
    private final int vertexBuffer;
    private int quads;
    private int canvasWidth;
    private int canvasHeight;

    QuadBatch(int maxQuads) {
        this.maxQuads = maxQuads;
        this.vertices = MemoryUtil.memAllocFloat(maxQuads * 6 * FLOATS_PER_VERTEX);
        this.verticesAddress = MemoryUtil.memAddress(vertices);
        this.program = new GlProgram("overlay", VERTEX, FRAGMENT);
        this.canvasUniform = program.uniform("u_canvas");
        int rows = (SOLID_CELL + ATLAS_COLUMNS) / ATLAS_COLUMNS;
        this.atlasWidth = ATLAS_COLUMNS * BitmapFont.CELL_WIDTH;
        this.atlasHeight = rows * BitmapFont.CELL_HEIGHT;
        this.atlas = makeAtlas(atlasWidth, atlasHeight);
        this.vertexArray = GL30C.glGenVertexArrays();
        this.vertexBuffer = GL15C.glGenBuffers();
        GL30C.glBindVertexArray(vertexArray);
        GL15C.glBindBuffer(GL15C.GL_ARRAY_BUFFER, vertexBuffer);
        GL15C.glBufferData(GL15C.GL_ARRAY_BUFFER, (long) vertices.capacity() * Float.BYTES, GL15C.GL_STREAM_DRAW);
        int stride = FLOATS_PER_VERTEX * Float.BYTES;
        GL20C.glEnableVertexAttribArray(0);
        GL20C.glVertexAttribPointer(0, 2, GL11C.GL_FLOAT, false, stride, 0L);
        GL20C.glEnableVertexAttribArray(1);
        GL20C.glVertexAttribPointer(1, 2, GL11C.GL_FLOAT, false, stride, 2L * Float.BYTES);
        GL20C.glEnableVertexAttribArray(2);
        GL20C.glVertexAttribPointer(2, 4, GL11C.GL_FLOAT, false, stride, 4L * Float.BYTES);
        GL30C.glBindVertexArray(0);
        GL15C.glBindBuffer(GL15C.GL_ARRAY_BUFFER, 0);
        GL20C.glUseProgram(program.id());
        GL20C.glUniform1i(program.uniform("u_atlas"), 0);
        GL20C.glUseProgram(0);
        GlException.check("overlay setup", "font atlas " + atlasWidth + "x" + atlasHeight);
    }

    private static int makeAtlas(int width, int height) {
        ByteBuffer texels = MemoryUtil.memCalloc(width * height);
        try {
            for (int g = 0; g <= SOLID_CELL; g++) {
                int cx = (g % ATLAS_COLUMNS) * BitmapFont.CELL_WIDTH;
                int cy = (g / ATLAS_COLUMNS) * BitmapFont.CELL_HEIGHT;
                for (int y = 0; y < BitmapFont.CELL_HEIGHT; y++) {
                    for (int x = 0; x < BitmapFont.CELL_WIDTH; x++) {
                        boolean on = g == SOLID_CELL || BitmapFont.ink((char) (BitmapFont.FIRST + g), x, y);
                        texels.put((cy + y) * width + cx + x, (byte) (on ? 255 : 0));
                    }
                }
            }
            int texture = GL11C.glGenTextures();
            GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, texture);
            GL11C.glPixelStorei(GL11C.GL_UNPACK_ALIGNMENT, 1);
            GL11C.glTexImage2D(
                    GL11C.GL_TEXTURE_2D,
                    0,
                    GL30C.GL_R8,
                    width,
                    height,
                    0,
                    GL11C.GL_RED,
                    GL11C.GL_UNSIGNED_BYTE,
                    texels);
            GL11C.glPixelStorei(GL11C.GL_UNPACK_ALIGNMENT, 4);
            GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_MIN_FILTER, GL11C.GL_NEAREST);
            GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_MAG_FILTER, GL11C.GL_NEAREST);
            GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_WRAP_S, GL12C.GL_CLAMP_TO_EDGE);
            GL11C.glTexParameteri(GL11C.GL_TEXTURE_2D, GL11C.GL_TEXTURE_WRAP_T, GL12C.GL_CLAMP_TO_EDGE);
            GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, 0);
            return texture;
        } finally {
            MemoryUtil.memFree(texels);
        }
    }

    /** Starts a batch for a {@code width x height} canvas. */
    void begin(int width, int height) {
        canvasWidth = width;
        canvasHeight = height;
        quads = 0;
        vertices.clear();
    }

    /** A solid rectangle (pixels, y down). */
    void rect(float x, float y, float w, float h, float r, float g, float b, float a) {
        cell(SOLID_CELL, x, y, w, h, r, g, b, a);
    }

    /**
     * Text from {@code chars[0 .. length)} at ({@code x}, {@code y}) (top-left, pixels), each font pixel
     * {@code scale} canvas pixels; returns the width drawn.
     */
    float text(char[] chars, int length, float x, float y, int scale, float r, float g, float b, float a) {
        float cw = BitmapFont.CELL_WIDTH * scale;
        float ch = BitmapFont.CELL_HEIGHT * scale;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c != ' ') {
                cell(BitmapFont.glyphIndex(c), x + i * cw, y, cw, ch, r, g, b, a);
            }
        }
        return length * cw;
    }

    private void cell(int index, float x, float y, float w, float h, float r, float g, float b, float a) {
        if (quads == maxQuads) {
            return;
        }
        float u0 = (float) ((index % ATLAS_COLUMNS) * BitmapFont.CELL_WIDTH) / atlasWidth;
        float v0 = (float) ((index / ATLAS_COLUMNS) * BitmapFont.CELL_HEIGHT) / atlasHeight;
        float u1 = u0 + (float) BitmapFont.CELL_WIDTH / atlasWidth;
        float v1 = v0 + (float) BitmapFont.CELL_HEIGHT / atlasHeight;
        vertex(x, y, u0, v0, r, g, b, a);
        vertex(x + w, y, u1, v0, r, g, b, a);
        vertex(x, y + h, u0, v1, r, g, b, a);
        vertex(x + w, y, u1, v0, r, g, b, a);
        vertex(x + w, y + h, u1, v1, r, g, b, a);
        vertex(x, y + h, u0, v1, r, g, b, a);
        quads++;
    }

    private void vertex(float x, float y, float u, float v, float r, float g, float b, float a) {
        vertices.put(x).put(y).put(u).put(v).put(r).put(g).put(b).put(a);
    }

    /** Quads that did not fit this frame's batch are dropped; this many were kept. */
    int quads() {
        return quads;
    }

    /** Draws the batch onto the bound framebuffer (premultiplied source-over). */
    void flush() {
        if (quads == 0) {
            return;
        }
        GL15C.glBindBuffer(GL15C.GL_ARRAY_BUFFER, vertexBuffer);
        GL15C.nglBufferSubData(GL15C.GL_ARRAY_BUFFER, 0L, (long) vertices.position() * Float.BYTES, verticesAddress);
        GL15C.glBindBuffer(GL15C.GL_ARRAY_BUFFER, 0);
        GL20C.glUseProgram(program.id());
        GL20C.glUniform2f(canvasUniform, canvasWidth, canvasHeight);
        GL13C.glActiveTexture(GL13C.GL_TEXTURE0);
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, atlas);
        GL11C.glEnable(GL11C.GL_BLEND);
        GL14C.glBlendFuncSeparate(
                GL11C.GL_ONE, GL11C.GL_ONE_MINUS_SRC_ALPHA, GL11C.GL_ONE, GL11C.GL_ONE_MINUS_SRC_ALPHA);
        GL30C.glBindVertexArray(vertexArray);
        GL11C.glDrawArrays(GL11C.GL_TRIANGLES, 0, quads * 6);
        GL30C.glBindVertexArray(0);
        GL11C.glDisable(GL11C.GL_BLEND);
        GL11C.glBindTexture(GL11C.GL_TEXTURE_2D, 0);
        GL20C.glUseProgram(0);
        quads = 0;
        vertices.clear();
    }

    void delete() {
        GL30C.glDeleteVertexArrays(vertexArray);
        GL15C.glDeleteBuffers(vertexBuffer);
        GL11C.glDeleteTextures(atlas);
        program.delete();
        MemoryUtil.memFree(vertices);
    }
}
