package org.hapring.ffi;

import java.io.IOException;

/**
 * A native library (for example {@code liburing.so.2}) that cannot be loaded: names the library, why,
 * and how to fix it.
 *
 * <p>Immutable; any thread.
 */
public final class NativeLibraryException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String library;

    public NativeLibraryException(String library, String reason, String fix, Throwable cause) {
        super(library + " cannot be loaded: " + reason + "; fix: " + fix, cause);
        this.library = library;
    }

    /** The library name or path that was looked up. */
    public String library() {
        return library;
    }
}
