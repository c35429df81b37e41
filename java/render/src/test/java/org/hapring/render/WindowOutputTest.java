package org.hapring.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window output for real, in a child JVM under {@code xvfb-run} (a virtual X server, so this runs in CI
 * with no display): a window opens through GLFW, the canvas is copied into it letterboxed and scaled, frames
 * are swapped with vsync; fullscreen takes the monitor's mode. Skips when xvfb-run is not installed.
 *
 * <p>Runs on the test thread; the window lives in the child.
 */
class WindowOutputTest {
    @TempDir
    Path dir;

    @Test
    void windowedShowsTheCanvasOneToOne() throws Exception {
        List<String> out = probe("windowed");
        assertEquals("160x120", value(out, "framebuffer"));
        assertEquals("255,0,0", value(out, "centre"));
        assertEquals("0,0,0", value(out, "corner"));
        assertEquals("255,0,0", value(out, "insideEdge"));
        assertEquals("0,0,0", value(out, "outsideEdge"));
        assertEquals("3", value(out, "presented"));
        assertTrue(value(out, "description").startsWith("window 160x120 on "), value(out, "description"));
        assertTrue(value(out, "description").contains("(vsync)"), value(out, "description"));
        assertTrue(
                Long.parseLong(value(out, "allocatedBytesPer200Frames")) < 16 * 1024,
                "window frames allocate on the Java heap: " + value(out, "allocatedBytesPer200Frames"));
    }

    @Test
    void fullscreenTakesTheMonitorAndScalesTheCanvas() throws Exception {
        List<String> out = probe("fullscreen");
        assertEquals("640x480", value(out, "framebuffer"), "the virtual screen's mode");
        assertEquals("255,0,0", value(out, "centre"));
        assertEquals("0,0,0", value(out, "corner"));
        assertEquals("255,0,0", value(out, "insideEdge"));
        assertEquals("0,0,0", value(out, "outsideEdge"));
        assertTrue(value(out, "description").contains("fullscreen"), value(out, "description"));
    }

    private List<String> probe(String mode) throws IOException, InterruptedException {
        assumeTrue(onPath("xvfb-run"), "xvfb-run is not installed (apt-get install xvfb xauth): no window test");
        List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 640x480x24"));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.lwjgl.system.memoryBackend=ffm",
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                WindowProbeMain.class.getName(),
                mode));
        Path log = dir.resolve("probe-" + mode + ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the window probe did not finish in 120 s:\n" + Files.readString(log));
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "window probe failed:\n" + String.join("\n", lines));
        return lines;
    }

    private static String value(List<String> lines, String key) {
        return lines.stream()
                .filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in:\n" + String.join("\n", lines)));
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
