package org.hapring.render.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The blend formulas against the W3C separable blend modes composited source-over, written out here in their
 * general (straight-colour) form: {@code co = cs as (1 - ab) + cb ab (1 - as) + as ab B(cb, cs)}, premultiplied
 * output; with the canvas opaque ({@code ab = 1}) the mode's one-line form must give the same.
 */
class BlendModeTest {
    private static double w3c(BlendMode mode, double cs, double as, double cb) {
        double ab = 1.0;
        double b = switch (mode) {
            case NORMAL -> cs;
            case MULTIPLY -> cs * cb;
            case SCREEN -> cs + cb - cs * cb;
            case ADD -> Double.NaN;
        };
        return cs * as * (1 - ab) + cb * ab * (1 - as) + as * ab * b;
    }

    @Test
    void normalMultiplyAndScreenAreTheW3cFormulasOnAnOpaqueCanvas() {
        double[] values = {0, 0.1, 0.25, 0.5, 0.8, 1};
        for (BlendMode mode : new BlendMode[] {BlendMode.NORMAL, BlendMode.MULTIPLY, BlendMode.SCREEN}) {
            for (double cs : values) {
                for (double as : values) {
                    for (double cb : values) {
                        double premultiplied = cs * as;
                        assertEquals(
                                w3c(mode, cs, as, cb),
                                mode.apply(premultiplied, as, cb),
                                1e-12,
                                mode + " cs=" + cs + " as=" + as + " cb=" + cb);
                    }
                }
            }
        }
    }

    @Test
    void addIsPlusAndClamps() {
        assertEquals(0.7, BlendMode.ADD.apply(0.3, 0.5, 0.4), 1e-12);
        assertEquals(1.0, BlendMode.ADD.apply(0.8, 1, 0.9), 1e-12);
    }

    @Test
    void namesParse() {
        assertEquals(BlendMode.SCREEN, BlendMode.parse("SCREEN"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlendMode.parse("overlay"));
        assertEquals("blend=overlay: expected normal, add, multiply or screen", e.getMessage());
    }
}
