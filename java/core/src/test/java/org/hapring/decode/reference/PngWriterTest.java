package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes RGBA pictures as PNG and reads them back with an independent decoder (javax.imageio). */
class PngWriterTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsEveryChannelOfEveryPixel() throws IOException {
        // 300 x 250 RGBA noise: more than one 64 KiB IDAT chunk, odd width
        int width = 301;
        int height = 250;
        byte[] rgba = new byte[width * height * 4];
        new Random(7).nextBytes(rgba);
        Path file = dir.resolve("noise.png");
        PngWriter.write(file, MemorySegment.ofArray(rgba), width, height);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int at = (y * width + x) * 4;
                int expected = (rgba[at + 3] & 0xFF) << 24
                        | (rgba[at] & 0xFF) << 16
                        | (rgba[at + 1] & 0xFF) << 8
                        | (rgba[at + 2] & 0xFF);
                if (argb != expected) {
                    assertEquals(Integer.toHexString(expected), Integer.toHexString(argb), "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void refusesTooLittleData() {
        MemorySegment small = MemorySegment.ofArray(new byte[15]);
        assertThrows(IllegalArgumentException.class, () -> PngWriter.write(dir.resolve("x.png"), small, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> PngWriter.write(dir.resolve("y.png"), small, 0, 2));
    }
}
