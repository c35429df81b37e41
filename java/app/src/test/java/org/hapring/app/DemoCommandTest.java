package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hapring.render.compose.Grid;
import org.hapring.render.compose.PixelBox;
import org.hapring.render.overlay.StatsOverlay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command works with nothing but a cache directory: it generates its six layers once,
 * describes the first, plays them all with every frame verified (shortened here with {@code --seconds}), shown
 * as a grid of six (checked in a screenshot when OpenGL is available here).
 */
class DemoCommandTest {
    @TempDir
    Path cache;

    @Test
    void generatesOnceDescribesAndPlaysSixVerifiedLayers() throws Exception {
        CliRun first = CliRun.of("demo", "--cache-dir", cache.toString(), "--seconds", "1");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("HapY (hap_q: YCOCG_DXT5)"), first.out());
        assertTrue(first.out().contains("totals: shown=") && first.out().contains(" wrong=0 "), first.out());
        assertTrue(first.err().contains("generating"), first.err());
        for (int layer = 1; layer <= DemoCommand.LAYERS; layer++) {
            assertTrue(Files.size(cache.resolve("demo/layer" + layer + "_1080p_hap_q.mov")) > 0);
            assertTrue(first.out().contains("layer" + layer + "_1080p_hap_q.mov: shown="), first.out());
        }
        Path clip = cache.resolve("demo/layer1_1080p_hap_q.mov");
        long modified = Files.getLastModifiedTime(clip).toMillis();

        Path shot = cache.resolve("demo-frame30.png");
        CliRun second = CliRun.of(
                "demo",
                "--cache-dir",
                cache.toString(),
                "--seconds",
                "1",
                "--screenshot",
                shot.toString(),
                "--screenshot-frame",
                "30");
        assertEquals(0, second.status(), second.err());
        assertTrue(!second.err().contains("generating"), second.err());
        assertEquals(modified, Files.getLastModifiedTime(clip).toMillis());
        if (second.out().contains("render: ")) {
            // rendered (a window, or offscreen where there is no display): the grid of six and the overlay
            BufferedImage image = ImageIO.read(shot.toFile());
            assertEquals(1280, image.getWidth());
            assertEquals(720, image.getHeight());
            for (int cell = 0; cell < DemoCommand.LAYERS; cell++) {
                PixelBox box = Grid.cell(
                        cell,
                        DemoCommand.LAYERS,
                        new PixelBox(0, 0, 1280, 720 - StatsOverlay.heightPixels(DemoCommand.LAYERS, 720)),
                        8);
                // the test card's colour bars (the middle is the black caption box)
                int rgb = image.getRGB(box.x() + box.width() / 8, box.y() + box.height() / 3) & 0xFFFFFF;
                assertTrue(rgb != 0, "cell " + cell + " shows its layer");
            }
        } else {
            assertTrue(second.err().contains("so no screenshot"), second.err());
        }
    }
}
