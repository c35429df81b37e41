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

    /** Said once when fio's buffers cannot be on huge pages like hapring's. */
    public static final String HUGETLB_HINT = "fio's buffers were ordinary 4 KiB pages, hapring's are on transparent"
            + " huge pages (fewer DMA segments per read); for a like-for-like fio reserve hugetlb pages first:"
            + " sysctl vm.nr_hugepages=%d";

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

    /**
     * Free hugetlb memory in bytes from a {@code /proc/meminfo} text (HugePages_Free x Hugepagesize); 0 when the
     * file is missing or says nothing about huge pages.
     */
    public static long hugetlbFreeBytes(Path meminfo) {
        long free = 0;
        long pageKb = 0;
        try {
            for (String line : Files.readAllLines(meminfo)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && f[0].equals("HugePages_Free:")) {
                    free = Long.parseLong(f[1]);
                } else if (f.length >= 2 && f[0].equals("Hugepagesize:")) {
                    pageKb = Long.parseLong(f[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return free * pageKb * 1024;
    }
}
