package org.hapring.io.uring;

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
import org.hapring.io.EngineFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real failures, each in a child JVM running {@link FallbackProbeMain}: io_uring blocked by a seccomp
 * filter (EPERM as Docker's profile answers, and ENOSYS), registered buffers over RLIMIT_MEMLOCK (prlimit,
 * with CAP_IPC_LOCK dropped by setpriv when running as root), and liburing.so.2 missing. In every case
 * {@code auto} must fall back with exactly one notice and every read must still return the right bytes.
 */
class ChildJvmFallbackTest {
    @TempDir
    Path dir;

    private record Result(int exitCode, List<String> lines) {
        String value(String key) {
            return lines.stream()
                    .filter(l -> l.startsWith(key + "="))
                    .map(l -> l.substring(key.length() + 1))
                    .findFirst()
                    .orElse(null);
        }

        List<String> notices() {
            return lines.stream().filter(l -> l.startsWith("NOTICE: ")).toList();
        }
    }

    private Result runProbe(List<String> prefix, List<String> jvmFlags, String seccomp) throws Exception {
        Path file = EngineFixtures.randomFile(dir, "probe.bin", 4 << 20, 31);
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(
                List.of("--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                FallbackProbeMain.class.getName(),
                seccomp,
                file.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        return new Result(p.exitValue(), out.lines().toList());
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
    }

    @Test
    void seccompBlockingIoUringWithEpermFallsBackToFileChannelAndReadsRight() throws Exception {
        assumeTrue("Linux".equals(System.getProperty("os.name")), "seccomp is Linux-only: skipping");
        Result r = runProbe(List.of(), List.of(), "EPERM");
        assertEquals(0, r.exitCode(), () -> "child failed:\n" + String.join("\n", r.lines()));
        assertEquals("filechannel", r.value("engine"));
        assertEquals("64", r.value("verified"));
        assertEquals(1, r.notices().size(), () -> "notices: " + r.notices());
        assertTrue(
                r.notices().get(0).contains("EPERM") && r.notices().get(0).contains("seccomp=unconfined"),
                r.notices().get(0));
    }

    @Test
    void seccompAnsweringEnosysFallsBackToFileChannelAndReadsRight() throws Exception {
        assumeTrue("Linux".equals(System.getProperty("os.name")), "seccomp is Linux-only: skipping");
        Result r = runProbe(List.of(), List.of(), "ENOSYS");
        assertEquals(0, r.exitCode(), () -> "child failed:\n" + String.join("\n", r.lines()));
        assertEquals("filechannel", r.value("engine"));
        assertEquals(1, r.notices().size(), () -> "notices: " + r.notices());
        assertTrue(r.notices().get(0).contains("ENOSYS"), r.notices().get(0));
    }

    @Test
    void aMissingLiburingFallsBackToFileChannelAndReadsRight() throws Exception {
        Result r =
                runProbe(List.of(), List.of("-Dhapring.ffi.liburing=" + dir.resolve("no-such-liburing.so.2")), "none");
        assertEquals(0, r.exitCode(), () -> "child failed:\n" + String.join("\n", r.lines()));
        assertEquals("filechannel", r.value("engine"));
        assertEquals(1, r.notices().size(), () -> "notices: " + r.notices());
        assertTrue(
                r.notices().get(0).contains("liburing") && r.notices().get(0).contains("apt-get install liburing2"),
                r.notices().get(0));
    }

    @Test
    void registeredBuffersOverTheMemlockLimitFallBackToUnregisteredIoUring() throws Exception {
        EngineFixtures.assumeUring();
        assumeTrue(onPath("prlimit"), "prlimit (util-linux) is not installed: skipping the memlock test");
        List<String> prefix = new ArrayList<>(List.of("prlimit", "--memlock=65536:65536"));
        if (isRoot()) {
            assumeTrue(
                    onPath("setpriv"), "running as root and setpriv is missing (cannot drop CAP_IPC_LOCK): skipping");
            prefix.addAll(List.of("setpriv", "--inh-caps=-ipc_lock", "--bounding-set=-ipc_lock", "--"));
        }
        Result r = runProbe(prefix, List.of(), "none");
        assertEquals(0, r.exitCode(), () -> "child failed:\n" + String.join("\n", r.lines()));
        assertEquals("uring-noreg", r.value("engine"));
        assertEquals("64", r.value("verified"));
        assertEquals(1, r.notices().size(), () -> "notices: " + r.notices());
        assertTrue(
                r.notices().get(0).contains("ENOMEM") && r.notices().get(0).contains("64 KiB"),
                r.notices().get(0));
    }
}
