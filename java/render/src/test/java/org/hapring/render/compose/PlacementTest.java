package org.hapring.render.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Fit modes, scale, offset and boxes, with the expected rectangles worked out by hand. */
class PlacementTest {
    private static final double EPS = 1e-9;

    private static void assertRect(Placement p, double x0, double y0, double x1, double y1) {
        assertEquals(x0, p.x0(), EPS, "x0");
        assertEquals(y0, p.y0(), EPS, "y0");
        assertEquals(x1, p.x1(), EPS, "x1");
        assertEquals(y1, p.y1(), EPS, "y1");
    }

    @Test
    void fitLetterboxesAWidePictureInASquareCanvas() {
        // 640x360 into 200x200: scale 200/640 = 0.3125 -> 200 x 112.5, centred vertically at 100
        Placement p = Placement.of(LayerLook.DEFAULT, 640, 360, 200, 200);
        assertRect(p, 0, 43.75, 200, 156.25);
        assertEquals(new PixelBox(0, 0, 200, 200), p.clip());
    }

    @Test
    void fillCoversTheCanvasAndOverflowsSideways() {
        // 640x360 over 200x200: scale 200/360 -> 355.55... x 200
        Placement p = Placement.of(LayerLook.DEFAULT.withFit(FitMode.FILL), 640, 360, 200, 200);
        double w = 640 * 200.0 / 360;
        assertRect(p, 100 - w / 2, 0, 100 + w / 2, 200);
    }

    @Test
    void stretchTakesTheBoxExactly() {
        LayerLook look = LayerLook.DEFAULT.withFit(FitMode.STRETCH).withBox(new PixelBox(10, 20, 30, 40));
        Placement p = Placement.of(look, 640, 360, 200, 200);
        assertRect(p, 10, 20, 40, 60);
        assertEquals(new PixelBox(10, 20, 30, 40), p.clip());
    }

    @Test
    void nativeIsPixelExactEvenForOddSizes() {
        // 65x47 centred in 80x64: centre (40, 32), corner (7.5, 8.5) rounds to whole pixels (8, 9)
        Placement p = Placement.of(LayerLook.DEFAULT.withFit(FitMode.NATIVE), 65, 47, 80, 64);
        assertRect(p, 8, 9, 73, 56);
        Placement moved = Placement.of(LayerLook.DEFAULT.withFit(FitMode.NATIVE).withOffset(-3.2, 10), 64, 48, 80, 64);
        assertRect(moved, 5, 18, 69, 66);
    }

    @Test
    void scaleGrowsAboutTheCentreThenOffsetMoves() {
        LayerLook look =
                LayerLook.DEFAULT.withFit(FitMode.STRETCH).withScale(0.5).withOffset(10, -5);
        Placement p = Placement.of(look, 16, 16, 100, 60);
        // box 100x60 at scale 0.5 -> 50x30 centred at (50 + 10, 30 - 5)
        assertRect(p, 35, 10, 85, 40);
        Placement nativeScaled =
                Placement.of(LayerLook.DEFAULT.withFit(FitMode.NATIVE).withScale(1.5), 10, 10, 100, 100);
        assertRect(nativeScaled, 42.5, 42.5, 57.5, 57.5);
    }

    @Test
    void boxesAreClippedToTheCanvasAndEmptyWhenOutside() {
        LayerLook look = LayerLook.DEFAULT.withBox(new PixelBox(-10, 50, 40, 100));
        Placement p = Placement.of(look, 4, 10, 100, 100);
        assertEquals(new PixelBox(0, 50, 30, 50), p.clip());
        assertFalse(p.isEmpty());
        Placement gone = Placement.of(LayerLook.DEFAULT.withFit(FitMode.NATIVE).withOffset(500, 0), 10, 10, 100, 100);
        assertTrue(gone.isEmpty(), "moved off the canvas");
        Placement outsideBox = Placement.of(
                LayerLook.DEFAULT
                        .withFit(FitMode.NATIVE)
                        .withBox(new PixelBox(0, 0, 20, 20))
                        .withOffset(30, 0),
                10,
                10,
                100,
                100);
        assertTrue(outsideBox.isEmpty(), "moved out of its box");
    }

    @Test
    void badLooksAndSizesAreRejectedNamingTheSetting() {
        assertThrows(IllegalArgumentException.class, () -> Placement.of(LayerLook.DEFAULT, 0, 10, 10, 10));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LayerLook.DEFAULT.withOpacity(1.5));
        assertTrue(e.getMessage().startsWith("opacity="), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LayerLook.DEFAULT.withOpacity(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> LayerLook.DEFAULT.withScale(0));
        assertThrows(IllegalArgumentException.class, () -> LayerLook.DEFAULT.withOffset(Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new PixelBox(0, 0, -1, 1));
        assertEquals(FitMode.FILL, FitMode.parse(" Fill "));
        assertThrows(IllegalArgumentException.class, () -> FitMode.parse("zoom"));
    }
}
