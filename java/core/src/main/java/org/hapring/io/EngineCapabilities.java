package org.hapring.io;

/**
 * What an engine can do (fio's engine flags).
 *
 * @param asynchronous reads progress without the owner thread (io_uring, a thread pool)
 * @param batchedSubmit one {@link ReadEngine#submit()} issues every queued read with one system call
 * @param registeredBuffers reads can land in kernel-registered buffers (READ_FIXED)
 * @param registeredFiles files can be registered with the kernel (IOSQE_FIXED_FILE)
 * @param directIo O_DIRECT is supported (aligned read + slice)
 * @param zeroCopy completions point into engine memory (a file mapping) instead of the caller's buffer
 * @param maxInFlight the most reads queued or in flight at once; {@link ReadEngine#queue} answers BUSY beyond
 *
 * <p>Immutable; any thread.
 */
public record EngineCapabilities(
        boolean asynchronous,
        boolean batchedSubmit,
        boolean registeredBuffers,
        boolean registeredFiles,
        boolean directIo,
        boolean zeroCopy,
        int maxInFlight) {}
