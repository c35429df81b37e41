package org.hapring.app;

import java.io.PrintWriter;

/**
 * One status line on stderr, rewritten in place ({@code \r}) on a terminal; off a terminal a line every few
 * seconds so logs stay short.
 *
 * <p>Called on the main thread.
 */
final class StatusLine {
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private int lastLength;
    private long lastPlainNanos;

    StatusLine(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void update(String text) {
        if (terminal) {
            String pad = text.length() < lastLength ? " ".repeat(lastLength - text.length()) : "";
            out.print("\r" + text + pad);
            lastLength = text.length();
        } else {
            long now = System.nanoTime();
            if (lastPlainNanos != 0 && now - lastPlainNanos < PLAIN_EVERY_NANOS) {
                return;
            }
            lastPlainNanos = now;
            out.println(text);
        }
        out.flush();
    }

    void finish() {
        if (terminal && lastLength > 0) {
            out.println();
            out.flush();
        }
    }
}
