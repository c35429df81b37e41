package org.hapring.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Runs the CLI in-process and keeps what it printed.
 *
 * <p>Test helper; any thread.
 */
record CliRun(int status, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** Output lines that are not comments (framemd5 data lines). */
    List<String> dataLines() {
        return out.lines().filter(l -> !l.startsWith("#")).toList();
    }
}
