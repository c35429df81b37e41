package org.hapring.app.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The benchmark's progress on stderr: on a terminal one bar rewritten in place
 * ({@code [#######.........] 31/96 32% ETA 1:12  hap_q@1920x1080 cold x4 uring rep 2/3}); elsewhere (logs, CI)
 * the same line at most every 5 seconds. Log lines (media made, notes) always go out on their own line.
 *
 * <p>Called by the benchmark's main thread.
 */
public final class BenchProgress implements BenchRunner.Progress {
    private static final int BAR_CELLS = 24;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastPlainNanos = Long.MIN_VALUE;
    private int lastLength;

    public BenchProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void step(String what, int done, int total) {
        String line = line(what, done, total, System.nanoTime() - startNanos);
        if (terminal) {
            String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
            err.print("\r" + line + pad);
            lastLength = line.length();
        } else {
            long now = System.nanoTime();
            if (lastPlainNanos != Long.MIN_VALUE && now - lastPlainNanos < PLAIN_INTERVAL_NANOS) {
                return;
            }
            lastPlainNanos = now;
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void log(String text) {
        clear();
        err.println(text);
        err.flush();
    }

    /** Ends the bar so that what follows starts on a fresh line. */
    public void finish() {
        clear();
        err.flush();
    }

    private void clear() {
        if (terminal && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
    }

    /** The bar for {@code done} of {@code total} steps after {@code elapsedNanos} (ETA from the average step so far). */
    static String line(String what, int done, int total, long elapsedNanos) {
        int t = Math.max(1, total);
        int d = Math.max(0, Math.min(done, t));
        int filled = d * BAR_CELLS / t;
        String eta = "--:--";
        if (d > 0) {
            long left = (long) ((double) elapsedNanos / d * (t - d) / 1e9);
            eta = String.format(Locale.ROOT, "%d:%02d", left / 60, left % 60);
        }
        return String.format(
                Locale.ROOT,
                "[%s%s] %d/%d %3d%% ETA %s  %s",
                "#".repeat(filled),
                ".".repeat(BAR_CELLS - filled),
                d,
                t,
                d * 100 / t,
                eta,
                what);
    }
}
