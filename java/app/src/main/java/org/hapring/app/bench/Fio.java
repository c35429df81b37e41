package org.hapring.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs fio jobs ({@code fio --readonly --output-format=json JOBFILE}) and finds out whether fio is there at all.
 * {@code --readonly} is a safety net: fio refuses to write or to extend a file.
 *
 * <p>Called by the benchmark's main thread; each run is a child process it waits for.
 */
public final class Fio {
    public static final String INSTALL_HINT = "fio is not installed, so there is no side-by-side comparison;"
            + " install it with: apt-get install fio (Debian/Ubuntu), dnf install fio (Fedora), apk add fio (Alpine)";

    private final String executable;
    private final String version;

    private Fio(String executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** fio at {@code executable} (a name on PATH or a path), or null when it cannot be run. */
    public static Fio find(String executable) {
        try {
            Process p = new ProcessBuilder(executable, "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = readAll(p.getInputStream()).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 && out.startsWith("fio")
                    ? new Fio(executable, out.lines().findFirst().orElse(out))
                    : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** e.g. {@code fio-3.33}. */
    public String version() {
        return version;
    }

    /** Runs {@code job} (its job file written into {@code workDir}) and parses the result. */
    public FioResult run(FioJob job, Path workDir, long timeoutNanos) throws IOException {
        Files.createDirectories(workDir);
        Path jobFile = Files.createTempFile(workDir, "fio-", ".fio");
        Path errFile = Files.createTempFile(workDir, "fio-", ".err");
        try {
            Files.writeString(jobFile, job.text());
            Process p = new ProcessBuilder(
                            List.of(executable, "--readonly", "--output-format=json", jobFile.toString()))
                    .redirectError(errFile.toFile())
                    .start();
            String out = readAll(p.getInputStream());
            boolean done;
            try {
                done = p.waitFor(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while fio ran " + job);
            }
            if (!done) {
                p.destroyForcibly();
                throw new IOException("fio did not finish within " + timeoutNanos / 1_000_000_000L + " s: " + job);
            }
            if (p.exitValue() != 0) {
                throw new IOException("fio exited with status " + p.exitValue() + " for " + job + ": "
                        + Files.readString(errFile).strip() + "\njob file:\n" + job.text());
            }
            return FioResult.parse(out);
        } finally {
            Files.deleteIfExists(jobFile);
            Files.deleteIfExists(errFile);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
