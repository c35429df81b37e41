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

    /** One line for an input problem: typed format errors carry file, box/frame and offset in their message. */
    static String describe(Exception ex) {
        if (ex instanceof NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile();
        }
        if (ex instanceof java.nio.file.AccessDeniedException ade) {
            return "permission denied: " + ade.getFile();
        }
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        var err = cmd.getErr();
        if (ex instanceof IOException || ex instanceof IllegalArgumentException) {
            err.println("hapring: " + describe(ex));
            return EXIT_BAD_INPUT;
        }
        err.println("hapring: internal error: " + ex);
        ex.printStackTrace(err);
        return EXIT_SOFTWARE;
    }
}
