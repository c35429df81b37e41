package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.HapVariant;
import org.hapring.write.HapEncoding;
import org.junit.jupiter.api.Test;

/**
 * Playback when io_uring is blocked by a seccomp filter (in a child JVM running {@link PlayFallbackProbeMain}):
 * {@code auto} falls back to the filechannel engine with exactly one notice naming the cause and the fix, and
 * every frame shown is still the right one.
 */
class PlayFallbackTest {
    @Test
    void blockedIoUringFallsBackToFileChannelWithOneNoticeAndRightFrames() throws Exception {
        assumeTrue("Linux".equals(System.getProperty("os.name")), "seccomp is Linux-only: skipping");
        Path a = StampedMovies.movie(HapVariant.HAP_Q, 60, 3, HapEncoding.Compressor.SNAPPY);
        Path b = StampedMovies.movie(HapVariant.HAP, 60, 4, HapEncoding.Compressor.NONE);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                PlayFallbackProbeMain.class.getName(),
                "EPERM",
                "1",
                a.toString(),
                b.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("engine=filechannel"), out);
        List<String> notices =
                lines.stream().filter(l -> l.startsWith("NOTICE: ")).toList();
        assertEquals(1, notices.size(), out);
        assertTrue(notices.get(0).contains("EPERM") && notices.get(0).contains("seccomp"), notices.get(0));
        assertTrue(out.contains(" wrong=0 "), out);
        assertTrue(lines.contains("errors=0"), out);
    }
}
