package org.hapring.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.hapring.decode.TextureFrame;
import org.hapring.render.compose.FitMode;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.compose.PixelBox;
import org.hapring.render.compose.Placement;
import org.hapring.render.gl.EglOffscreenOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where pictures land on the GPU canvas: fit, fill, stretch, scale, offset and box clipping cover exactly the
 * pixels whose centres lie inside the placed rectangle and the box (chosen so that no centre is on an edge),
 * and a picture's first block row is at the top.
 *
 * <p>Runs on the test thread, which owns the headless context; skips when there is no OpenGL.
 */
class PlacementOnGpuTest {
    private static final int CW = 120;
    private static final int CH = 80;
    private static EglOffscreenOutput output;

    @BeforeAll
    static void open() {
        output = GlTestOutput.openOrSkip();
    }

    @AfterAll
    static void close() {
        if (output != null) {
            output.close();
        }
    }

    @Test
    void everyFitModeCoversExactlyItsRectangle() {
        LayerLook[] looks = {
            LayerLook.DEFAULT,
            LayerLook.DEFAULT.withFit(FitMode.FILL),
            LayerLook.DEFAULT.withFit(FitMode.STRETCH).withBox(new PixelBox(10, 10, 50, 30)),
            LayerLook.DEFAULT.withFit(FitMode.FIT).withScale(0.5).withOffset(20.25, -7.25),
            LayerLook.DEFAULT.withFit(FitMode.FILL).withBox(new PixelBox(70, 40, 45, 35)),
            LayerLook.DEFAULT.withFit(FitMode.NATIVE).withOffset(-50, 30).withScale(1.25),
        };
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame red = SolidFrames.dxt1(arena, 40, 30, SolidFrames.RED);
            for (LayerLook look : looks) {
                byte[] canvas = render(arena, red, look);
                Placement p = Placement.of(look, 40, 30, CW, CH);
                PixelBox clip = p.clip();
                for (int y = 0; y < CH; y++) {
                    for (int x = 0; x < CW; x++) {
                        double cx = x + 0.5;
                        double cy = y + 0.5;
                        boolean inside = cx > p.x0()
                                && cx < p.x1()
                                && cy > p.y0()
                                && cy < p.y1()
                                && x >= clip.x()
                                && x < clip.x() + clip.width()
                                && y >= clip.y()
                                && y < clip.y() + clip.height();
                        int r = canvas[(y * CW + x) * 4] & 0xFF;
                        if (r != (inside ? 255 : 0)) {
                            fail(look + ": pixel (" + x + "," + y + ") red=" + r + ", expected "
                                    + (inside ? "covered" : "black"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void theFirstBlockRowIsTheTopOfThePicture() {
        try (Arena arena = Arena.ofConfined()) {
            // 16x16: the first two block rows red, the last two blue
            TextureFrame frame = SolidFrames.dxt1(arena, 16, 16, SolidFrames.RED, SolidFrames.BLUE, 2);
            byte[] canvas = render(arena, frame, LayerLook.DEFAULT.withFit(FitMode.STRETCH));
            assertEquals(255, canvas[(2 * CW + 60) * 4] & 0xFF, "red near the top");
            assertEquals(0, canvas[(2 * CW + 60) * 4 + 2] & 0xFF, "no blue near the top");
            assertEquals(255, canvas[((CH - 3) * CW + 60) * 4 + 2] & 0xFF, "blue near the bottom");
            assertEquals(0, canvas[((CH - 3) * CW + 60) * 4] & 0xFF, "no red near the bottom");
        }
    }

    private static byte[] render(Arena arena, TextureFrame frame, LayerLook look) {
        try (Renderer renderer = new Renderer(output, new RenderOptions(CW, CH, 1, null, false))) {
            renderer.upload(0, 0, frame);
            renderer.looks().set(0, look);
            renderer.drawFrame(0);
            MemorySegment out = arena.allocate(renderer.canvas().rgbaBytes());
            renderer.canvas().readRgba(out);
            return out.toArray(ValueLayout.JAVA_BYTE);
        }
    }
}
