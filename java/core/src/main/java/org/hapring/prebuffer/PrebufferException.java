package org.hapring.prebuffer;

import java.io.IOException;

/**
 * A layer cannot be pre-buffered: over the memory cap, a track the player cannot show, a frame that failed to
 * decode, a read that failed. The message names the file, and the frame and offset where there is one; the
 * cause keeps the typed original ({@code IoEngineException}, {@code HapFormatException}).
 *
 * <p>Immutable; any thread.
 */
public final class PrebufferException extends IOException {
    private static final long serialVersionUID = 1L;

    public PrebufferException(String message) {
        super(message);
    }

    public PrebufferException(String message, Throwable cause) {
        super(message, cause);
    }
}
