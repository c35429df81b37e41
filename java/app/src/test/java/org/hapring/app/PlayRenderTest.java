package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.hapring.render.gl.EglOffscreenOutput;
import org.hapring.render.gl.GlUnavailableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hapring play} with rendering, in-process and headless: offscreen output composites the layers in a
 * labelled grid, the screenshot is the composited frame, the report and {@code --stats-json} carry the
 * renderer's numbers beside the engine's; an unavailable window is one error naming the option. Skips when
 * there is no OpenGL (EGL) here.
 */
class PlayRenderTest {
    @TempDir
    static Path dir;

    private static Path a;
    private static Path b;

    @BeforeAll
    static void movies() {
        try {
            EglOffscreenOutput.open().close();
        } catch (GlUnavailableException e) {
            assumeTrue(false, "no OpenGL here: " + e.getMessage());
        }
        a = dir.resolve("a.mov");
        b = dir.resolve("b.mov");
        assertEquals(
                0,
                CliRun.withSystemStreams(List.of(
                                "gen",
                                a.toString(),
                                "--format",
                                "hap_q",
                                "--size",
                                "64x48",
                                "--seconds",
                                "1",
                                "--layer-id",
                                "1"))
                        .status());
        assertEquals(
                0,
                CliRun.withSystemStreams(List.of(
                                "gen",
                                b.toString(),
                                "--format",
                                "hap_r",
                                "--size",
                                "64x48",
                                "--seconds",
                                "1",
                                "--layer-id",
                                "2"))
                        .status());
    }

    @Test
    void offscreenGridWithScreenshotAndRenderReport() throws Exception {
        Path json = dir.resolve("report.json");
        Path png = dir.resolve("shot.png");
        CliRun r = CliRun.withSystemStreams(List.of(
                "play",
                a.toString(),
                b.toString(),
                "--output",
                "offscreen",
                "--seconds",
                "1",
                "--size",
                "256x256",
                "--layout",
                "grid",
                "--stats-overlay",
                "--screenshot",
                png.toString(),
                "--screenshot-frame",
                "20",
                "--verify",
                "--stats-json",
                json.toString()));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("render: offscreen (EGL surfaceless"), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(0, root.get("totals").get("wrong").asLong(), "the verifying sink saw only right frames");
        JsonNode render = root.get("render");
        assertTrue(render.get("output").asText().startsWith("offscreen"), render.toString());
        assertTrue(render.get("presented").asLong() > 0);
        assertTrue(render.has("droppedIntervals") && render.has("gpuWaitMicros") && render.has("drawMicros"));
        assertTrue(List.of("direct", "pbo").contains(render.get("uploadPath").asText()));
        assertEquals(2, render.get("layers").size());
        for (JsonNode l : render.get("layers")) {
            assertTrue(l.get("uploads").asLong() > 1, "frames were uploaded: " + l);
            assertTrue(l.get("uploadMicros").get("p99").asDouble() > 0);
        }
        BufferedImage shot = ImageIO.read(png.toFile());
        assertEquals(256, shot.getWidth());
        assertEquals(256, shot.getHeight());
        // the overlay takes the bottom 120 rows; two cells side by side above it, each showing its picture
        assertNotEquals(0, shot.getRGB(64, 68) & 0xFFFFFF, "the first cell shows its layer");
        assertNotEquals(0, shot.getRGB(192, 68) & 0xFFFFFF, "the second cell shows its layer");
        assertEquals(0, shot.getRGB(128, 68) & 0xFFFFFF, "the gap between the cells is black");
    }

    @Test
    void aWindowWithoutADisplayIsOneErrorNamingTheOption() {
        assumeTrue(
                System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
                "a display is available here: the window would open");
        CliRun r = CliRun.withSystemStreams(List.of("play", a.toString(), "--output", "window", "--seconds", "1"));
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--output=window") && r.err().contains("no display"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void autoWithoutADisplayRendersOffscreen() {
        assumeTrue(
                System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null,
                "a display is available here: auto would open a window");
        CliRun r = CliRun.withSystemStreams(List.of("play", a.toString(), "--seconds", "0.5", "--size", "64x48"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("no display") && r.err().contains("rendering offscreen"), r.err());
        assertTrue(r.out().contains("render: offscreen"), r.out());
    }

    @Test
    void noneRendersNothing() throws Exception {
        Path json = dir.resolve("none.json");
        CliRun r = CliRun.withSystemStreams(
                List.of("play", a.toString(), "--output", "none", "--seconds", "0.5", "--stats-json", json.toString()));
        assertEquals(0, r.status(), r.err());
        assertTrue(!r.out().contains("render:"), r.out());
        assertTrue(!new ObjectMapper().readTree(json.toFile()).has("render"));
        assertTrue(Files.size(json) > 0);
    }
}
