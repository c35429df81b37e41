package org.hapring.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hapring.decode.HapVariant;
import org.hapring.render.compose.BlendMode;
import org.hapring.render.compose.FitMode;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.compose.Placement;

/**
 * The compositor's maths on the CPU, for checking the GPU's readback: layers decoded by the reference decoder
 * (straight RGBA, top row first), stacked by z-order then id, premultiplied by alpha times opacity (times the
 * matte of a HAP Alpha-Only layer directly above), quantised to 8 bits as the framebuffer's blender takes them,
 * blended by {@link BlendMode#apply} on an opaque black canvas and rounded to 8 bits after each layer.
 * Only pixel-exact placements ({@link FitMode#NATIVE} at scale 1) are supported: there is no sampling to
 * imitate.
 *
 * <p>Any thread.
 */
final class CpuComposite {
    /** One layer: its look and its reference-decoded picture ({@code width * height * 4} bytes, RGBA). */
    record Layer(int layerId, LayerLook look, HapVariant variant, int width, int height, byte[] rgba) {
        /** The same layer with another picture (for example decoded from the GPU's texels). */
        Layer withPicture(byte[] other) {
            return new Layer(layerId, look, variant, width, height, other);
        }

        boolean matte() {
            return variant == HapVariant.HAP_ALPHA_ONLY;
        }

        Placement placement(int canvasWidth, int canvasHeight) {
            if (look.fit() != FitMode.NATIVE || look.scale() != 1.0) {
                throw new IllegalArgumentException(
                        "the CPU composite places pictures pixel-exactly only (native, scale 1)");
            }
            return Placement.of(look, width, height, canvasWidth, canvasHeight);
        }

        /** Channel {@code c} of the picture's pixel at canvas ({@code x}, {@code y}), or -1 outside the picture. */
        int at(Placement p, int x, int y, int c) {
            int px = x - (int) p.x0();
            int py = y - (int) p.y0();
            if (px < 0 || py < 0 || px >= width || py >= height) {
                return -1;
            }
            return rgba[(py * width + px) * 4 + c] & 0xFF;
        }
    }

    private CpuComposite() {}

    static byte[] composite(int canvasWidth, int canvasHeight, List<Layer> layers) {
        List<Layer> order = new ArrayList<>();
        for (Layer l : layers) {
            if (l.look().visible() && l.look().opacity() > 0) {
                order.add(l);
            }
        }
        order.sort(Comparator.comparingInt((Layer l) -> l.look().zOrder()).thenComparingInt(Layer::layerId));
        int[] canvas = new int[canvasWidth * canvasHeight * 4];
        for (int i = 0; i < canvas.length; i += 4) {
            canvas[i + 3] = 255;
        }
        boolean[] consumed = new boolean[order.size()];
        for (int i = 0; i < order.size(); i++) {
            Layer l = order.get(i);
            Layer matte = null;
            if (!l.matte() && i + 1 < order.size() && order.get(i + 1).matte()) {
                matte = order.get(i + 1);
                consumed[i + 1] = true;
            }
            if (!consumed[i]) {
                draw(canvas, canvasWidth, canvasHeight, l, matte);
            }
        }
        byte[] out = new byte[canvas.length];
        for (int i = 0; i < canvas.length; i++) {
            out[i] = (byte) canvas[i];
        }
        return out;
    }

    private static void draw(int[] canvas, int cw, int ch, Layer l, Layer matte) {
        Placement p = l.placement(cw, ch);
        Placement mp = matte == null ? null : matte.placement(cw, ch);
        BlendMode blend = l.matte() ? BlendMode.NORMAL : l.look().blend();
        var clip = p.clip();
        for (int y = clip.y(); y < clip.y() + clip.height(); y++) {
            for (int x = clip.x(); x < clip.x() + clip.width(); x++) {
                if (l.at(p, x, y, 0) < 0) {
                    continue;
                }
                double k = l.look().opacity();
                if (matte != null) {
                    int m = matte.at(mp, x, y, 0);
                    double mv = m < 0 ? 0 : m / 255.0;
                    k *= 1 - matte.look().opacity() * (1 - mv);
                }
                double a = l.at(p, x, y, 3) / 255.0 * k;
                int sa8 = (int) Math.round(a * 255);
                int at = (y * cw + x) * 4;
                for (int c = 0; c < 3; c++) {
                    int s8 = (int) Math.round(l.at(p, x, y, c) / 255.0 * a * 255);
                    double d = canvas[at + c] / 255.0;
                    canvas[at + c] = (int) Math.round(blend.apply(s8 / 255.0, sa8 / 255.0, d) * 255);
                }
                double da = canvas[at + 3] / 255.0;
                canvas[at + 3] = (int) Math.round(BlendMode.NORMAL.apply(sa8 / 255.0, sa8 / 255.0, da) * 255);
            }
        }
    }
}
