package org.hapring.render.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Grid cells: the right shape for the count, inside the canvas, gaps kept, no overlaps. */
class GridTest {
    @Test
    void sixLayersMakeThreeColumnsAndTwoRows() {
        // 1280x720, gap 8: cells (1280 - 32) / 3 = 416 wide, (720 - 24) / 2 = 348 high
        assertEquals(new PixelBox(8, 8, 416, 348), Grid.cell(0, 6, 1280, 720, 8));
        assertEquals(new PixelBox(856, 8, 416, 348), Grid.cell(2, 6, 1280, 720, 8));
        assertEquals(new PixelBox(432, 364, 416, 348), Grid.cell(4, 6, 1280, 720, 8));
        assertEquals(new PixelBox(0, 0, 100, 50), Grid.cell(0, 1, 100, 50, 0), "one layer takes the canvas");
    }

    @Test
    void cellsStayInsideAndNeverOverlap() {
        for (int n = 1; n <= 17; n++) {
            for (int i = 0; i < n; i++) {
                PixelBox a = Grid.cell(i, n, 1920, 1080, 6);
                assertTrue(
                        a.x() >= 6 && a.y() >= 6 && a.x() + a.width() <= 1914 && a.y() + a.height() <= 1074,
                        n + " layers, cell " + i + ": " + a);
                for (int j = i + 1; j < n; j++) {
                    PixelBox b = Grid.cell(j, n, 1920, 1080, 6);
                    boolean apart = a.x() + a.width() + 6 <= b.x()
                            || b.x() + b.width() + 6 <= a.x()
                            || a.y() + a.height() + 6 <= b.y()
                            || b.y() + b.height() + 6 <= a.y();
                    assertTrue(apart, n + " layers: cells " + i + " and " + j + " overlap or touch: " + a + " " + b);
                }
            }
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Grid.cell(6, 6, 100, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> Grid.cell(0, 0, 100, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> Grid.cell(0, 1, 100, 100, -1));
    }
}
