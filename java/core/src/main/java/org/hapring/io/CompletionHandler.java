package org.hapring.io;

import java.lang.foreign.MemorySegment;

/**
 * Receives the completions that {@link ReadEngine#reap} delivers, on the engine's owner thread, in the
 * order the engine saw them complete. By the time a method is called the request's slot is free again,
 * so the handler may queue new reads.
 *
 * <p>Called by the engine's owner thread only.
 */
public interface CompletionHandler {
    /**
     * A read finished: {@code data} is exactly the requested bytes ({@code data.byteSize()} equals the
     * requested length; short transfers were already continued by the engine). It is a slice of the
     * request's buffer, or for zero-copy engines ({@link EngineCapabilities#zeroCopy()}) of the engine's
     * file mapping, valid until the file is closed. With O_DIRECT it starts inside the buffer, not at its
     * beginning: always use {@code data}, never the buffer's start.
     */
    void onComplete(long userData, MemorySegment data);

    /** A read failed: {@code error} names the operation, errno, file and offset. */
    void onError(long userData, IoEngineException error);
}
