package org.hapring.io.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.hapring.ffi.Errno;
import org.hapring.ffi.Libc;
import org.hapring.ffi.Liburing;
import org.hapring.ffi.NativeLibraryException;
import org.hapring.ffi.iovec;
import org.hapring.io.AbstractReadEngine;
import org.hapring.io.BufferSet;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineCapabilities;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.RequestTable;

/**
 * The io_uring engine: one ring (queue depth SQEs) per engine, one {@link #submit()} = one
 * io_uring_enter for everything queued, completions peeked from the shared CQ without a system call.
 * READ_FIXED into buffers registered in a sparse kernel table (indices = {@link BufferSet} indices), files
 * registered in a sparse file table (IOSQE_FIXED_FILE), optional O_DIRECT (aligned cover + slice), io-wq
 * workers capped. EINTR/EAGAIN results are retried (at most {@value #MAX_RETRIES} times per read), short
 * transfers are continued, a transfer of 0 bytes before the end is a typed UNEXPECTED_EOF naming the file
 * and offset, -EIO a typed IO_ERROR.
 *
 * <p>Registered mode degrades by itself to unregistered buffers (plain IORING_OP_READ, name
 * {@code uring-noreg}) when buffer registration fails (ENOMEM under RLIMIT_MEMLOCK), with one notice.
 *
 * <p>Owned by one thread (the I/O thread): the ring is not thread-safe.
 */
public final class UringEngine extends AbstractReadEngine {
    static final int MAX_RETRIES = 16;

    private final UringCalls calls;
    private final Ring ring;
    private final Arena scratch = Arena.ofShared();
    private final MemorySegment oneFd = scratch.allocate(ValueLayout.JAVA_INT);
    private final int[] fds;
    private final boolean[] fileFixed;
    private final boolean[] bufferRegistered;
    private boolean registerBuffers;
    private boolean filesTable;
    private boolean iowqCapped;

    private UringEngine(EngineConfig config, UringCalls calls, Ring ring, boolean registered, String fallbackReason) {
        super(config, fallbackReason);
        this.calls = calls;
        this.ring = ring;
        this.fds = new int[config.maxFiles()];
        this.fileFixed = new boolean[config.maxFiles()];
        this.bufferRegistered = new boolean[config.maxBuffers()];
        this.registerBuffers = registered;
    }

    /**
     * Sets up a ring. {@code registered}: READ_FIXED and registered files (engine {@code uring}); otherwise
     * plain reads ({@code uring-noreg}). Throws LIBRARY_MISSING, or the setup errno (PERMISSION for EPERM,
     * UNSUPPORTED for ENOSYS or a kernel without IORING_OP_READ) with a message naming cause and fix.
     */
    public static UringEngine create(EngineConfig config, UringCalls calls, boolean registered, String fallbackReason)
            throws IoEngineException {
        try {
            calls.requireLibrary();
        } catch (NativeLibraryException e) {
            throw new IoEngineException(
                    IoEngineException.Kind.LIBRARY_MISSING,
                    "dlopen",
                    0,
                    null,
                    -1,
                    UringDiagnostics.libraryMissing(e.getMessage()),
                    e);
        }
        int[] rc = new int[1];
        Ring ring = Ring.create(calls, config.queueDepth(), rc);
        if (ring == null) {
            throw IoEngineException.ofErrno("io_uring_setup", rc[0], null, -1, UringDiagnostics.setupFailure(rc[0]));
        }
        if (!calls.supportsOp(ring.ring, Liburing.IORING_OP_READ())) {
            ring.close(calls);
            throw new IoEngineException(
                    IoEngineException.Kind.UNSUPPORTED,
                    "io_uring_probe",
                    Errno.ENOSYS,
                    null,
                    -1,
                    "the kernel lacks IORING_OP_READ; fix: Linux >= 5.6",
                    null);
        }
        UringEngine e = new UringEngine(config, calls, ring, registered, fallbackReason);
        e.setUpTables();
        return e;
    }

    private void setUpTables() {
        if (config.ioWqMaxWorkers() > 0) {
            MemorySegment values = scratch.allocate(ValueLayout.JAVA_INT, 2);
            values.setAtIndex(ValueLayout.JAVA_INT, 0, config.ioWqMaxWorkers());
            values.setAtIndex(ValueLayout.JAVA_INT, 1, config.ioWqMaxWorkers());
            iowqCapped = calls.registerIowqMaxWorkers(ring.ring, values) == 0;
        }
        if (!registerBuffers) {
            return;
        }
        int rc = calls.registerBuffersSparse(ring.ring, config.maxBuffers());
        if (rc < 0) {
            registerBuffers = false;
            degrade(UringDiagnostics.registrationFailure(rc, calls.memlockLimitBytes()));
        }
        filesTable = calls.registerFilesSparse(ring.ring, config.maxFiles()) == 0;
    }

    @Override
    public String name() {
        return registerBuffers ? EngineKind.URING.cliName() : EngineKind.URING_NOREG.cliName();
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(true, true, registerBuffers, filesTable, true, false, config.queueDepth());
    }

    /** The ring's file descriptor (for diagnostics and tests: it is closed by {@link #close()}). */
    public int ringFd() {
        return ring.ringFd();
    }

    /** Whether io_uring_register_iowq_max_workers took effect. */
    public boolean ioWqCapped() {
        return iowqCapped;
    }

    @Override
    protected Opened openFile(int slot, Path path, OpenOptions options) throws IoEngineException {
        boolean direct = options.direct();
        int fd;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment cPath = a.allocateFrom(path.toString());
            fd = calls.open(cPath, direct ? Libc.O_DIRECT() : 0);
            if (fd == -Errno.EINVAL && direct) {
                notice(name() + ": O_DIRECT refused for " + path + " (EINVAL: the filesystem does not support it,"
                        + " e.g. tmpfs): reading this file through the page cache; fix: put the media on ext4 or xfs");
                direct = false;
                fd = calls.open(cPath, 0);
            }
        }
        if (fd < 0) {
            throw IoEngineException.ofErrno("open", fd, path, -1, direct ? "with O_DIRECT" : null);
        }
        long size = calls.sizeBytes(fd);
        if (size < 0) {
            calls.close(fd);
            throw IoEngineException.ofErrno("fstat", (int) size, path, -1, null);
        }
        fds[slot] = fd;
        fileFixed[slot] = false;
        if (filesTable) {
            oneFd.set(ValueLayout.JAVA_INT, 0, fd);
            fileFixed[slot] = calls.registerFilesUpdate(ring.ring, slot, oneFd, 1) == 1;
        }
        return new Opened(size, direct);
    }

    @Override
    protected void closeFileSlot(int slot) {
        if (fileFixed[slot]) {
            oneFd.set(ValueLayout.JAVA_INT, 0, -1);
            calls.registerFilesUpdate(ring.ring, slot, oneFd, 1);
            fileFixed[slot] = false;
        }
        calls.close(fds[slot]);
        fds[slot] = -1;
    }

    @Override
    protected void onBuffersRegistered(int firstIndex, BufferSet buffers) {
        if (!registerBuffers) {
            return;
        }
        int n = buffers.count();
        int rc;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment iovecs = a.allocate(iovec.layout(), n);
            for (int i = 0; i < n; i++) {
                MemorySegment v = iovecs.asSlice(i * iovec.sizeof(), iovec.sizeof());
                iovec.iov_base(v, buffers.buffer(i));
                iovec.iov_len(v, buffers.buffer(i).byteSize());
            }
            rc = calls.registerBuffersUpdate(ring.ring, firstIndex, iovecs, n);
        }
        if (rc == n) {
            for (int i = 0; i < n; i++) {
                bufferRegistered[firstIndex + i] = true;
            }
        } else {
            registerBuffers = false;
            degrade(UringDiagnostics.registrationFailure(rc < 0 ? rc : -Errno.EINVAL, calls.memlockLimitBytes()));
        }
    }

    @Override
    protected void onBuffersUnregistered(int firstIndex, BufferSet buffers) {
        if (!bufferRegistered[firstIndex]) {
            return;
        }
        int n = buffers.count();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment iovecs = a.allocate(iovec.layout(), n);
            calls.registerBuffersUpdate(ring.ring, firstIndex, iovecs, n);
        }
        for (int i = 0; i < n; i++) {
            bufferRegistered[firstIndex + i] = false;
        }
    }

    /** Writes the SQE for the next transfer of request slot {@code r}; false when the SQ is full. */
    private boolean prepare(int r) {
        int f = requests.file(r).slot();
        int b = requests.bufferIndex(r);
        boolean fixed = bufferRegistered[b];
        long addr = requests.buffer(r).address() + requests.doneBytes(r);
        return ring.prepRead(
                fixed ? Liburing.IORING_OP_READ_FIXED() : Liburing.IORING_OP_READ(),
                fileFixed[f] ? f : fds[f],
                fileFixed[f],
                addr,
                requests.nextReadLengthBytes(r),
                requests.nextReadOffsetBytes(r),
                fixed ? b : -1,
                r);
    }

    @Override
    protected int submitRequests(int[] slots, int count) throws IoEngineException {
        for (int i = 0; i < count; i++) {
            if (!prepare(slots[i])) {
                throw new IllegalStateException(
                        "SQ full with " + count + " reads queued (ring entries=" + ring.sqEntries() + ")");
            }
        }
        readsSubmitted += count;
        flush();
        return count;
    }

    /** io_uring_submit for whatever the SQ holds (one enter), EINTR retried, EAGAIN/EBUSY left for later. */
    private void flush() throws IoEngineException {
        while (ring.unsubmitted() > 0) {
            int rc = calls.submit(ring.ring);
            enterCalls++;
            if (rc >= 0) {
                return;
            }
            if (rc == -Errno.EINTR) {
                retries++;
                continue;
            }
            if (rc == -Errno.EAGAIN || rc == -Errno.EBUSY) {
                retries++;
                return;
            }
            throw IoEngineException.ofErrno("io_uring_submit", rc, null, -1, "the ring cannot take submissions");
        }
    }

    @Override
    protected int reapCompletions(int minEvents, int maxEvents, long timeoutNanos, CompletionHandler handler)
            throws IoEngineException {
        long deadline = System.nanoTime() + timeoutNanos;
        int delivered = 0;
        while (true) {
            delivered += drain(maxEvents - delivered, handler);
            if (delivered >= minEvents || delivered >= maxEvents) {
                break;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            ring.setTimeout(left);
            int rc = calls.submitAndWaitTimeout(
                    ring.ring, ring.cqePtr, Math.min(minEvents - delivered, inFlight()), ring.timespec);
            enterCalls++;
            if (rc == -Errno.EINTR || rc == -Errno.EAGAIN || rc == -Errno.EBUSY) {
                retries++;
            } else if (rc < 0 && rc != -Errno.ETIME) {
                throw IoEngineException.ofErrno("io_uring_enter", rc, null, -1, "waiting for completions");
            }
        }
        flush();
        return delivered;
    }

    /** Processes ready CQEs until {@code limit} completions were delivered or none is ready. */
    private int drain(int limit, CompletionHandler handler) {
        int delivered = 0;
        while (delivered < limit && ring.ready() > 0) {
            int r = (int) ring.headUserData();
            int res = calls.completionResult(ring.headResult());
            ring.advance();
            if (res < 0) {
                if ((res == -Errno.EINTR || res == -Errno.EAGAIN) && requests.countRetry(r) <= MAX_RETRIES) {
                    retries++;
                    delivered += resubmit(r, handler);
                    continue;
                }
                delivered++;
                fail(
                        r,
                        IoEngineException.ofErrno(
                                "read",
                                res,
                                requests.file(r).path(),
                                requests.offsetBytes(r),
                                "lengthBytes=" + requests.lengthBytes(r) + " at file offset "
                                        + requests.nextReadOffsetBytes(r)),
                        handler);
                continue;
            }
            int status = requests.advance(r, res);
            if (status == RequestTable.MORE) {
                shortReadsResubmitted++;
                delivered += resubmit(r, handler);
                continue;
            }
            delivered++;
            if (status == RequestTable.DONE) {
                complete(r, handler);
            } else {
                fail(r, eofError(r), handler);
            }
        }
        return delivered;
    }

    /** Queues the next transfer of slot {@code r}; returns 1 when it had to be failed instead (SQ full), else 0. */
    private int resubmit(int r, CompletionHandler handler) {
        readsSubmitted++;
        if (prepare(r)) {
            return 0;
        }
        fail(
                r,
                new IoEngineException(
                        IoEngineException.Kind.OTHER,
                        "read",
                        0,
                        requests.file(r).path(),
                        requests.offsetBytes(r),
                        "no free SQE to continue a short read",
                        null),
                handler);
        return 1;
    }

    @Override
    protected void closeEngine() {
        ring.close(calls);
        scratch.close();
    }
}
