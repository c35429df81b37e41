package org.hapring.app;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one clear line on stderr and an exit status:
 * 1 for bad input files (typed format errors, I/O errors), 70 for a bug (anything else, with its
 * stack trace, because that is ours to fix).
 *
 * <p>Runs on the main thread.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int EXIT_BAD_INPUT = 1;
    static final int EXIT_SOFTWARE = 70;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (ex instanceof NoSuchFileException nsf) {
            err.println("hapring: no such file: " + nsf.getFile());
            return EXIT_BAD_INPUT;
        }
        if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
            err.println("hapring: " + ex.getMessage());
            return EXIT_BAD_INPUT;
        }
        err.println("hapring: internal error: " + ex);
        ex.printStackTrace(err);
        return EXIT_SOFTWARE;
    }
}
