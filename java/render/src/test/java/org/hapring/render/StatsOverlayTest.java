package org.hapring.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.regex.Pattern;
import org.hapring.decode.TextureFrame;
import org.hapring.render.compose.FitMode;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.compose.PixelBox;
import org.hapring.render.gl.EglOffscreenOutput;
import org.hapring.render.gl.GlOutput;
import org.hapring.render.overlay.BitmapFont;
import org.hapring.render.overlay.OverlayStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stats overlay as drawn: the canvas is read back and its text read cell by cell against the font (every
 * glyph pixel must be exactly white or exactly not), so the lines can be checked for what they say: the
 * output, the engine and its fallback, each layer's frame number and numbers.
 *
 * <p>Runs on the test thread, which owns the headless context; skips when there is no OpenGL.
 */
class StatsOverlayTest {
    private static final int CW = 720;
    private static final int CH = 300;
    /** Scale 1 at this canvas height: text starts at (2 * 4, 2 * 4) in 6x8 cells. */
    private static final int TEXT_X = 8;

    private static final int TEXT_Y = 8;
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
    void theOverlayShowsEngineFallbackAndLayers() {
        try (Arena arena = Arena.ofConfined();
                Renderer renderer = new Renderer(output, new RenderOptions(CW, CH, 4, null, true))) {
            TextureFrame frame = SolidFrames.dxt1(arena, 64, 48, SolidFrames.BLUE);
            renderer.upload(2, 1234, frame);
            renderer.looks().set(2, LayerLook.DEFAULT.withFit(FitMode.NATIVE).withOffset(300, 100));
            renderer.overlay()
                    .publish(new OverlayStats(
                            "filechannel",
                            "io_uring blocked (EPERM)",
                            List.of(new OverlayStats.Layer(2, "clip-two.mov", 990, 10, 12_300, 450_000, 3))));
            renderer.drawFrame(77);
            byte[] canvas = read(arena, renderer);
            String[] lines = ocr(canvas, 7);
            assertEquals("hapring  " + output.description(), lines[0]);
            assertTrue(lines[1].startsWith("gl " + renderer.driver().renderer()), lines[1]);
            assertTrue(lines[1].endsWith("upload=" + renderer.uploadPath().cliName()), lines[1]);
            assertEquals("engine filechannel  FALLBACK: io_uring blocked (EPERM)", lines[2]);
            assertTrue(
                    Pattern.matches(
                            "tick 77  presented 0  dropped 0  draw \\d+\\.\\d\\d ms  gpu wait 0.00 ms  present 0.00 ms",
                            lines[3]),
                    lines[3]);
            assertTrue(lines[4].startsWith("layer name"), lines[4]);
            assertEquals("    2 clip-two.mov              1234   99.0    10   12.3us  0.45ms     3", lines[5]);
            assertEquals("", lines[6].strip(), "no further text line");
        }
    }

    @Test
    void labelsSitAtTheTopLeftOfTheirLayersBoxes() {
        try (Arena arena = Arena.ofConfined();
                Renderer renderer = new Renderer(output, new RenderOptions(CW, CH, 2, null, false))) {
            renderer.upload(1, 0, SolidFrames.dxt1(arena, 64, 48, SolidFrames.BLUE));
            renderer.looks().set(1, LayerLook.DEFAULT.withBox(new PixelBox(300, 100, 200, 150)));
            renderer.labels().set(1, "layer 1: HAP Q");
            renderer.labels().set(0, "no picture, no label");
            renderer.drawFrame(0);
            byte[] canvas = read(arena, renderer);
            // scale 1: 2 pixels of padding, then the text; ink is (255, 255, 102)
            StringBuilder b = new StringBuilder();
            for (int col = 0; col < 14; col++) {
                b.append(glyphAt(canvas, 302 + col * BitmapFont.CELL_WIDTH, 102, 0, col));
            }
            assertEquals("layer 1: HAP Q", b.toString());
            assertEquals(0, canvas[(10 * CW + 10) * 4] & 0xFF, "no label where layer 0 would be");
        }
    }

    @Test
    void theWindowsStatsKeyTogglesTheOverlay() {
        // an output that hands its key listener to the test (GLFW cannot be sent key presses)
        GlOutput.KeyListener[] listener = new GlOutput.KeyListener[1];
        GlOutput keyed = new GlOutput() {
            @Override
            public boolean isWindow() {
                return false;
            }

            @Override
            public int framebufferWidthPixels() {
                return 0;
            }

            @Override
            public int framebufferHeightPixels() {
                return 0;
            }

            @Override
            public void present() {}

            @Override
            public boolean vsync() {
                return false;
            }

            @Override
            public long refreshPeriodNanos() {
                return 0;
            }

            @Override
            public void pollEvents() {}

            @Override
            public boolean closeRequested() {
                return false;
            }

            @Override
            public void setKeyListener(KeyListener l) {
                listener[0] = l;
            }

            @Override
            public String description() {
                return "keyed test output";
            }

            @Override
            public void close() {}
        };
        try (Renderer renderer = new Renderer(keyed, new RenderOptions(CW, CH, 1, null, false))) {
            assertTrue(!renderer.overlayVisible());
            listener[0].onKey(GlOutput.KeyAction.TOGGLE_STATS);
            assertTrue(renderer.overlayVisible());
            listener[0].onKey(GlOutput.KeyAction.QUIT);
            assertTrue(renderer.overlayVisible(), "quit is the window's business, not the overlay's");
            listener[0].onKey(GlOutput.KeyAction.TOGGLE_STATS);
            assertTrue(!renderer.overlayVisible());
        }
    }

    @Test
    void hiddenOverlayDrawsNothing() {
        try (Arena arena = Arena.ofConfined();
                Renderer renderer = new Renderer(output, new RenderOptions(CW, CH, 1, null, true))) {
            renderer.setOverlayVisible(false);
            renderer.drawFrame(1);
            byte[] canvas = read(arena, renderer);
            for (int i = 0; i < canvas.length; i += 4) {
                assertEquals(0, canvas[i] | canvas[i + 1] | canvas[i + 2], "pixel " + i / 4 + " is not black");
            }
        }
    }

    private static byte[] read(Arena arena, Renderer renderer) {
        MemorySegment out = arena.allocate(renderer.canvas().rgbaBytes());
        renderer.canvas().readRgba(out);
        return out.toArray(ValueLayout.JAVA_BYTE);
    }

    /** Reads {@code count} text lines: each cell must be exactly one glyph (white ink, no other pixel lit). */
    private static String[] ocr(byte[] canvas, int count) {
        String[] out = new String[count];
        int columns = (CW - TEXT_X) / BitmapFont.CELL_WIDTH;
        for (int line = 0; line < count; line++) {
            StringBuilder b = new StringBuilder();
            for (int col = 0; col < columns; col++) {
                b.append(glyphAt(
                        canvas,
                        TEXT_X + col * BitmapFont.CELL_WIDTH,
                        TEXT_Y + line * BitmapFont.CELL_HEIGHT,
                        line,
                        col));
            }
            out[line] = b.toString().stripTrailing();
        }
        return out;
    }

    private static char glyphAt(byte[] canvas, int x0, int y0, int line, int col) {
        boolean[] lit = new boolean[BitmapFont.CELL_WIDTH * BitmapFont.CELL_HEIGHT];
        for (int y = 0; y < BitmapFont.CELL_HEIGHT; y++) {
            for (int x = 0; x < BitmapFont.CELL_WIDTH; x++) {
                int i = ((y0 + y) * CW + x0 + x) * 4;
                int r = canvas[i] & 0xFF;
                int g = canvas[i + 1] & 0xFF;
                int bl = canvas[i + 2] & 0xFF;
                // ink has red 255 (white text, the fallback line's orange, labels' yellow); the panel is dark, the
                // blue picture under a label has no red
                lit[y * BitmapFont.CELL_WIDTH + x] = r == 255;
                if (r != 255 && r > 40) {
                    throw new AssertionError("line " + line + " column " + col + ": pixel neither ink nor panel: " + r
                            + "," + g + "," + bl);
                }
            }
        }
        for (char c = BitmapFont.FIRST; c <= BitmapFont.LAST; c++) {
            boolean match = true;
            for (int y = 0; y < BitmapFont.CELL_HEIGHT && match; y++) {
                for (int x = 0; x < BitmapFont.CELL_WIDTH && match; x++) {
                    match = lit[y * BitmapFont.CELL_WIDTH + x] == BitmapFont.ink(c, x, y);
                }
            }
            if (match) {
                return c;
            }
        }
        throw new AssertionError("line " + line + " column " + col + ": no glyph matches the pixels");
    }
}
