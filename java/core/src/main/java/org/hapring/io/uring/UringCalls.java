package org.hapring.io.uring;

import java.lang.foreign.MemorySegment;
import org.hapring.ffi.NativeLibraryException;

/**
 * The seam between {@link UringEngine} and the native calls it makes: the real implementation
 * ({@link NativeUringCalls}) downcalls liburing and libc; {@link FaultInjectingUringCalls} wraps it to
 * force EPERM, ENOSYS, ENOMEM, EIO, EINTR, short transfers or a missing library deterministically in tests.
 * liburing-style return codes: {@code >= 0} success, {@code -errno} failure.
 *
 * <p>Called by the ring's owner thread only.
 */
public interface UringCalls {
    /** Loads liburing.so.2 or throws the typed reason it cannot be loaded. */
    void requireLibrary() throws NativeLibraryException;

    int queueInit(int entries, MemorySegment ring, MemorySegment params);

    void queueExit(MemorySegment ring);

    /** Whether the kernel supports io_uring opcode {@code op} (io_uring_get_probe_ring); false when unknown. */
    boolean supportsOp(MemorySegment ring, int op);

    int submit(MemorySegment ring);

    int submitAndWaitTimeout(MemorySegment ring, MemorySegment cqePtr, int waitNr, MemorySegment timespec);

    int registerBuffersSparse(MemorySegment ring, int nr);

    int registerBuffersUpdate(MemorySegment ring, int offset, MemorySegment iovecs, int nr);

    int registerFilesSparse(MemorySegment ring, int nr);

    int registerFilesUpdate(MemorySegment ring, int offset, MemorySegment fds, int nr);

    int registerIowqMaxWorkers(MemorySegment ring, MemorySegment values);

    /** open(2) read-only with {@code flags} added: the fd or -errno. */
    int open(MemorySegment cPath, int extraFlags);

    /** close(2): 0 or -errno. */
    int close(int fd);

    /** fstat(2) size in bytes, or -errno. */
    long sizeBytes(int fd);

    /** RLIMIT_MEMLOCK's soft limit in bytes, -1 for unlimited, -2 when unknown (for messages). */
    long memlockLimitBytes();

    /**
     * A completion's result as the engine should see it: the real implementation returns {@code res}; the
     * fault injector may turn it into -EIO, -EINTR or a short transfer.
     */
    int completionResult(int res);
}
