package org.hapring.io;

import java.nio.file.Path;

/**
 * Reads byte ranges of files into off-heap buffers, fio-style: {@link #queue} (QUEUED or BUSY),
 * {@link #submit} (one system call for everything queued, where the engine batches), {@link #reap}
 * (deliver completions to a {@link CompletionHandler}). Request slots are bounded by
 * {@link EngineConfig#queueDepth()}; nothing is allocated per read on the hot path.
 *
 * <p>Engines: {@code uring} (io_uring, READ_FIXED, registered files, optional O_DIRECT), {@code uring-noreg},
 * {@code filechannel} (thread pool), {@code mmap} (zero-copy slices of a mapping), {@code sync} (reads at
 * submit on the caller's thread) and {@code null} (no I/O); {@link ReadEngines} builds them and picks one
 * for {@code auto}.
 *
 * <p>Owned by ONE thread (the I/O thread): every method must be called by that thread. Other threads talk
 * to it through the owner's command queue.
 */
public interface ReadEngine extends AutoCloseable {
    /** {@link #queue} accepted the read. */
    int QUEUED = 0;
    /** {@link #queue} refused: {@link EngineConfig#queueDepth()} reads are queued or in flight; reap first. */
    int BUSY = 1;
    /** Buffer index for zero-copy engines that need no destination buffer. */
    int NO_BUFFER = -1;

    /** The engine's name as it runs now ({@code uring}, {@code uring-noreg}, {@code filechannel}, ...). */
    String name();

    EngineCapabilities capabilities();

    /**
     * Why this engine is not the one that was asked for, or is running degraded (for example
     * "io_uring_setup failed with EPERM ..."), or {@code null} when nothing fell back. For the JSON report's
     * {@code fallbackReason}.
     */
    String fallbackReason();

    /**
     * Opens a file for reading (O_DIRECT when asked and possible: a filesystem that refuses it gets buffered
     * reads for that file and one notice). Registers it with the kernel where the engine does that.
     */
    FileHandle open(Path file, OpenOptions options) throws IoEngineException;

    /** Closes a file of this engine; no read on it may be queued or in flight (IllegalStateException). */
    void closeFile(FileHandle file);

    /** Gives {@code buffers} engine indices and registers them with the kernel where the engine does that. */
    void registerBuffers(BufferSet buffers) throws IoEngineException;

    /** Releases the indices of {@code buffers}; no read into them may be queued or in flight. */
    void unregisterBuffers(BufferSet buffers);

    /**
     * Queues one read of {@code lengthBytes} at {@code fileOffsetBytes} of {@code file} into buffer
     * {@code bufferIndex} (or {@link #NO_BUFFER} on zero-copy engines). Returns {@link #QUEUED} or
     * {@link #BUSY}. Arguments that can never work (closed file, bad index, buffer too small, negative
     * offset) throw IllegalArgumentException; a range past the end of the file completes with an
     * {@link IoEngineException.Kind#UNEXPECTED_EOF} error.
     */
    int queue(FileHandle file, long fileOffsetBytes, int lengthBytes, int bufferIndex, long userData);

    /** Issues every read queued since the last submit; returns how many. One system call on batching engines. */
    int submit() throws IoEngineException;

    /**
     * Delivers between {@code minEvents} (clamped to {@link #inFlight()}) and {@code maxEvents} completions
     * to {@code handler}, waiting at most {@code timeoutNanos} (0: only what is ready). Returns how many were
     * delivered. Short transfers are continued internally and never delivered. Throws only when the engine
     * itself fails; failed reads go to {@link CompletionHandler#onError}.
     */
    int reap(int minEvents, int maxEvents, long timeoutNanos, CompletionHandler handler) throws IoEngineException;

    /** Reads submitted and not yet delivered. */
    int inFlight();

    /** Reads queued and not yet submitted. */
    int queued();

    EngineStats stats();

    /**
     * Waits (at most {@link EngineConfig#closeDrainTimeoutNanos()}) for reads in flight, discarding them,
     * closes every file and frees the engine's native memory and threads. Idempotent.
     */
    @Override
    void close();
}
