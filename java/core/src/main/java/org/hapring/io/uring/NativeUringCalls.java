package org.hapring.io.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.hapring.ffi.Libc;
import org.hapring.ffi.Liburing;
import org.hapring.ffi.NativeLibraryException;
import org.hapring.ffi.io_uring_probe;
import org.hapring.ffi.io_uring_probe_op;
import org.hapring.ffi.rlimit;
import org.hapring.ffi.stat;

/**
 * The real {@link UringCalls}: liburing.so.2 and libc through the bindings, errno captured in the same
 * downcall for libc. Allocates its call-state and stat buffers once.
 *
 * <p>Called by the ring's owner thread only (the buffers are not shared).
 */
public final class NativeUringCalls implements UringCalls {
    private final Arena arena = Arena.ofAuto();
    private final MemorySegment callState = Libc.allocateCallState(arena);
    private final MemorySegment statBuf = arena.allocate(stat.layout());
    private final MemorySegment rlimitBuf = arena.allocate(rlimit.layout());

    @Override
    public void requireLibrary() throws NativeLibraryException {
        Liburing.requireAvailable();
    }

    @Override
    public int queueInit(int entries, MemorySegment ring, MemorySegment params) {
        return Liburing.io_uring_queue_init_params(entries, ring, params);
    }

    @Override
    public void queueExit(MemorySegment ring) {
        Liburing.io_uring_queue_exit(ring);
    }

    @Override
    public boolean supportsOp(MemorySegment ring, int op) {
        MemorySegment probe = Liburing.io_uring_get_probe_ring(ring);
        if (probe.equals(MemorySegment.NULL)) {
            return false;
        }
        try {
            MemorySegment header = probe.reinterpret(io_uring_probe.sizeof());
            int opsLen = Byte.toUnsignedInt(io_uring_probe.ops_len(header));
            int lastOp = Byte.toUnsignedInt(io_uring_probe.last_op(header));
            if (op > lastOp || op >= opsLen) {
                return false;
            }
            MemorySegment p = probe.reinterpret(io_uring_probe.sizeof() + (long) opsLen * io_uring_probe_op.sizeof());
            MemorySegment entry = p.asSlice(
                    io_uring_probe.sizeof() + (long) op * io_uring_probe_op.sizeof(), io_uring_probe_op.sizeof());
            return (io_uring_probe_op.flags(entry) & Liburing.IO_URING_OP_SUPPORTED()) != 0;
        } finally {
            Liburing.io_uring_free_probe(probe);
        }
    }

    @Override
    public int submit(MemorySegment ring) {
        return Liburing.io_uring_submit(ring);
    }

    @Override
    public int submitAndWaitTimeout(MemorySegment ring, MemorySegment cqePtr, int waitNr, MemorySegment timespec) {
        return Liburing.io_uring_submit_and_wait_timeout(ring, cqePtr, waitNr, timespec, MemorySegment.NULL);
    }

    @Override
    public int registerBuffersSparse(MemorySegment ring, int nr) {
        return Liburing.io_uring_register_buffers_sparse(ring, nr);
    }

    @Override
    public int registerBuffersUpdate(MemorySegment ring, int offset, MemorySegment iovecs, int nr) {
        return Liburing.io_uring_register_buffers_update_tag(ring, offset, iovecs, MemorySegment.NULL, nr);
    }

    @Override
    public int registerFilesSparse(MemorySegment ring, int nr) {
        return Liburing.io_uring_register_files_sparse(ring, nr);
    }

    @Override
    public int registerFilesUpdate(MemorySegment ring, int offset, MemorySegment fds, int nr) {
        return Liburing.io_uring_register_files_update(ring, offset, fds, nr);
    }

    @Override
    public int registerIowqMaxWorkers(MemorySegment ring, MemorySegment values) {
        return Liburing.io_uring_register_iowq_max_workers(ring, values);
    }

    @Override
    public int open(MemorySegment cPath, int extraFlags) {
        int fd = Libc.open(callState, cPath, Libc.O_RDONLY() | Libc.O_CLOEXEC() | extraFlags, 0);
        return fd >= 0 ? fd : -Libc.errno(callState);
    }

    @Override
    public int close(int fd) {
        return Libc.close(callState, fd) == 0 ? 0 : -Libc.errno(callState);
    }

    @Override
    public long sizeBytes(int fd) {
        return Libc.fstat(callState, fd, statBuf) == 0 ? stat.st_size(statBuf) : -Libc.errno(callState);
    }

    @Override
    public long memlockLimitBytes() {
        if (Libc.getrlimit(callState, Libc.RLIMIT_MEMLOCK(), rlimitBuf) != 0) {
            return -2;
        }
        long cur = rlimit.rlim_cur(rlimitBuf);
        return cur == Libc.RLIM_INFINITY() ? -1 : cur;
    }

    @Override
    public int completionResult(int res) {
        return res;
    }
}
