package org.hapring.render.compose;

import org.hapring.render.gl.GlProgram;
import org.lwjgl.opengl.GL20C;

/**
 * The shader that draws one layer: a quad from four vertices made in the vertex shader (no vertex buffer),
 * the layer's planes sampled and turned into straight-alpha colour by {@link Shading}, then premultiplied by
 * alpha times opacity (times a matte's value when a matte masks the layer).
 *
 * <p>HAP Q's scaled YCoCg is converted with FFmpeg's formulas ({@code libavcodec/texturedsp.c}) on the
 * sampled 8-bit values: {@code s = (B >> 3) + 1}, {@code Co = (R - 128) / s}, {@code Cg = (G - 128) / s}
 * (truncated towards zero), {@code R' = Y + Co - Cg}, {@code G' = Y + Cg}, {@code B' = Y - Co - Cg}, clamped,
 * with Y in alpha; in float, exact on whole 8-bit values.
 *
 * <p>Render thread only.
 */
final class LayerProgram {
    static final String VERTEX = """
            #version 330 core
            uniform vec4 u_rect;  // picture corners in NDC: x0, y0 (top-left), x1, y1 (bottom-right)
            uniform vec4 u_uv;    // texture coordinates at those corners (v = 0 is HAP's top block row)
            out vec2 v_uv;
            out vec2 v_ndc;
            void main() {
                vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
                vec2 p = mix(u_rect.xy, u_rect.zw, corner);
                v_uv = mix(u_uv.xy, u_uv.zw, corner);
                v_ndc = p;
                gl_Position = vec4(p, 0.0, 1.0);
            }
            """;

    static final String FRAGMENT = """
            #version 330 core
            in vec2 v_uv;
            in vec2 v_ndc;
            uniform sampler2D u_plane0;
            uniform sampler2D u_plane1;
            uniform sampler2D u_matte;
            uniform int u_shading;
            uniform float u_opacity;
            uniform int u_matteOn;
            uniform vec4 u_matteRect;
            uniform vec4 u_matteUv;
            uniform float u_matteOpacity;
            out vec4 o_color;

            float truncDiv(float n, float s) {
                float q = n / s;
                // exact quotients of whole numbers by s <= 32 are k/s apart: the margin only absorbs rounding
                return sign(q) * floor(abs(q) + 0.001);
            }

            vec3 ycocg(vec4 c) {
                vec4 v = floor(c * 255.0 + 0.5);
                float s = floor(v.b / 8.0) + 1.0;
                float co = truncDiv(v.r - 128.0, s);
                float cg = truncDiv(v.g - 128.0, s);
                return clamp(vec3(v.a + co - cg, v.a + cg, v.a - co - cg), 0.0, 255.0) / 255.0;
            }

            void main() {
                vec4 c = texture(u_plane0, v_uv);
                vec3 rgb;
                float a = 1.0;
                if (u_shading == 0) {
                    rgb = c.rgb;
                    a = c.a;
                } else if (u_shading == 1) {
                    rgb = c.rgb;
                } else if (u_shading == 2) {
                    rgb = ycocg(c);
                } else if (u_shading == 3) {
                    rgb = ycocg(c);
                    a = texture(u_plane1, v_uv).r;
                } else if (u_shading == 4) {
                    rgb = vec3(c.r);
                } else {
                    rgb = clamp(c.rgb, 0.0, 1.0);
                }
                float k = u_opacity;
                if (u_matteOn != 0) {
                    vec2 t = (v_ndc - u_matteRect.xy) / (u_matteRect.zw - u_matteRect.xy);
                    float m = 0.0;
                    if (all(greaterThanEqual(t, vec2(0.0))) && all(lessThanEqual(t, vec2(1.0)))) {
                        m = texture(u_matte, mix(u_matteUv.xy, u_matteUv.zw, t)).r;
                    }
                    k *= mix(1.0, m, u_matteOpacity);
                }
                o_color = vec4(rgb * (a * k), a * k);
            }
            """;

    final GlProgram program;
    final int rect;
    final int uv;
    final int shading;
    final int opacity;
    final int matteOn;
    final int matteRect;
    final int matteUv;
    final int matteOpacity;

    LayerProgram() {
        program = new GlProgram("layer", VERTEX, FRAGMENT);
        rect = program.uniform("u_rect");
        uv = program.uniform("u_uv");
        shading = program.uniform("u_shading");
        opacity = program.uniform("u_opacity");
        matteOn = program.uniform("u_matteOn");
        matteRect = program.uniform("u_matteRect");
        matteUv = program.uniform("u_matteUv");
        matteOpacity = program.uniform("u_matteOpacity");
        GL20C.glUseProgram(program.id());
        GL20C.glUniform1i(program.uniform("u_plane0"), 0);
        GL20C.glUniform1i(program.uniform("u_plane1"), 1);
        GL20C.glUniform1i(program.uniform("u_matte"), 2);
        GL20C.glUseProgram(0);
    }

    void delete() {
        program.delete();
    }
}
