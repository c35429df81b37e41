package org.hapring.app;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One progress line on stderr, rewritten in place ({@code \r}) on a terminal: frames, megabytes,
 * MB/s and the estimated time left. Off a terminal it stays silent, so logs get only the summary.
 *
 * <p>Called on the thread that writes the movie.
 */
final class ProgressLine {
    private final PrintWriter out;
    private final boolean terminal;
    private int lastLength;

    ProgressLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void update(long framesDone, long framesTotal, long bytesWritten, long elapsedNanos) {
        if (!terminal) {
            return;
        }
        double seconds = elapsedNanos / 1e9;
        double mbPerSecond = seconds > 0 ? bytesWritten / 1e6 / seconds : 0;
        double etaSeconds = framesDone > 0 ? seconds * (framesTotal - framesDone) / framesDone : 0;
        String text = String.format(
                Locale.ROOT,
                "frames %d/%d  %.1f MB  %.1f MB/s  ETA %.1f s",
                framesDone,
                framesTotal,
                bytesWritten / 1e6,
                mbPerSecond,
                etaSeconds);
        String pad = text.length() < lastLength ? " ".repeat(lastLength - text.length()) : "";
        out.print("\r" + text + pad);
        out.flush();
        lastLength = text.length();
    }

    /** Ends the line so that the summary starts on a fresh one. */
    void finish() {
        if (terminal && lastLength > 0) {
            out.println();
            out.flush();
        }
    }
}
