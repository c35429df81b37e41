package org.hapring.io.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import org.hapring.ffi.io_uring;
import org.hapring.ffi.io_uring_cq;
import org.hapring.ffi.io_uring_cqe;
import org.hapring.ffi.io_uring_params;
import org.hapring.ffi.io_uring_sq;
import org.hapring.ffi.io_uring_sqe;

/**
 * One io_uring instance and liburing 2.3's {@code static inline} hot-path helpers done in Java on the
 * mapped ring memory: get_sqe, prep_read(_fixed), the CQ peek and cq_advance. Submission and waiting go
 * through liburing's exported functions ({@link UringCalls}), which publish {@code sq.sqe_tail} to the
 * kernel.
 *
 * <pre>
 *   struct io_uring (our arena, 216 B): sq @0 {khead, ktail, ..., sqes @56, sqe_head @64, sqe_tail @68, ...}
 *                                       cq @104 {khead, ktail, ..., cqes @48, ..., ring_mask @72}
 *   SQ ring (kernel mmap): head, tail, ... ; SQE array (mmap): entries x 64 B
 *   CQ ring (kernel mmap): head (we advance, release), tail (kernel advances; we read with acquire), CQEs x 16 B
 * </pre>
 *
 * <p>Owned by one thread (the engine's owner); liburing rings are not thread-safe.
 */
final class Ring {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final MemorySegment ALL = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final long SQE_BYTES = io_uring_sqe.sizeof();
    private static final long CQE_BYTES = io_uring_cqe.sizeof();
    private static final long SQE_TAIL = io_uring.sq$offset() + io_uring_sq.sqe_tail$offset();

    final Arena arena;
    final MemorySegment ring;
    final MemorySegment params;
    final MemorySegment cqePtr;
    final MemorySegment timespec;
    private final long sqKhead;
    private final long sqes;
    private final int sqMask;
    private final int sqEntries;
    private final long cqKhead;
    private final long cqKtail;
    private final long cqes;
    private final int cqMask;
    private final int cqEntries;
    private final int features;
    private final int ringFd;

    /** Creates the ring; on failure returns null after storing -errno in {@code rcOut[0]} (arena closed). */
    static Ring create(UringCalls calls, int entries, int[] rcOut) {
        Arena arena = Arena.ofShared();
        MemorySegment ring = io_uring.allocate(arena);
        MemorySegment params = io_uring_params.allocate(arena);
        int rc = calls.queueInit(entries, ring, params);
        if (rc < 0) {
            arena.close();
            rcOut[0] = rc;
            return null;
        }
        return new Ring(arena, ring, params);
    }

    private Ring(Arena arena, MemorySegment ring, MemorySegment params) {
        this.arena = arena;
        this.ring = ring;
        this.params = params;
        this.cqePtr = arena.allocate(ValueLayout.ADDRESS);
        this.timespec = arena.allocate(16, 8);
        MemorySegment sq = io_uring.sq(ring);
        MemorySegment cq = io_uring.cq(ring);
        sqKhead = io_uring_sq.khead(sq).address();
        sqes = io_uring_sq.sqes(sq).address();
        sqMask = io_uring_sq.ring_mask(sq);
        sqEntries = io_uring_sq.ring_entries(sq);
        cqKhead = io_uring_cq.khead(cq).address();
        cqKtail = io_uring_cq.ktail(cq).address();
        cqes = io_uring_cq.cqes(cq).address();
        cqMask = io_uring_cq.ring_mask(cq);
        cqEntries = io_uring_cq.ring_entries(cq);
        features = io_uring.features(ring);
        ringFd = io_uring.ring_fd(ring);
    }

    int sqEntries() {
        return sqEntries;
    }

    int cqEntries() {
        return cqEntries;
    }

    int features() {
        return features;
    }

    int ringFd() {
        return ringFd;
    }

    /** SQEs handed out but not yet consumed by the kernel. */
    int unsubmitted() {
        return ring.get(ValueLayout.JAVA_INT, SQE_TAIL) - (int) INT.getAcquire(ALL, sqKhead);
    }

    /**
     * get_sqe + prep_read/prep_read_fixed: fills the next SQE and returns true, or false when the SQ is full.
     * {@code bufIndex < 0} means IORING_OP_READ into unregistered memory; {@code fixedFile} means {@code fd}
     * is a registered-file index (IOSQE_FIXED_FILE).
     */
    boolean prepRead(
            int opcode,
            int fd,
            boolean fixedFile,
            long addr,
            int lengthBytes,
            long fileOffsetBytes,
            int bufIndex,
            long userData) {
        int tail = ring.get(ValueLayout.JAVA_INT, SQE_TAIL);
        int head = (int) INT.getAcquire(ALL, sqKhead);
        if (tail - head >= sqEntries) {
            return false;
        }
        long sqe = sqes + (long) (tail & sqMask) * SQE_BYTES;
        int flags = fixedFile ? org.hapring.ffi.Liburing.IOSQE_FIXED_FILE() : 0;
        // words of struct io_uring_sqe, little-endian: opcode|flags|ioprio|fd, off, addr, len|rw_flags,
        // user_data, buf_index|personality|file_index, addr3, pad
        ALL.set(ValueLayout.JAVA_LONG, sqe, (opcode & 0xFFL) | ((flags & 0xFFL) << 8) | ((long) fd << 32));
        ALL.set(ValueLayout.JAVA_LONG, sqe + 8, fileOffsetBytes);
        ALL.set(ValueLayout.JAVA_LONG, sqe + 16, addr);
        ALL.set(ValueLayout.JAVA_LONG, sqe + 24, lengthBytes & 0xFFFFFFFFL);
        ALL.set(ValueLayout.JAVA_LONG, sqe + 32, userData);
        ALL.set(ValueLayout.JAVA_LONG, sqe + 40, bufIndex < 0 ? 0L : (bufIndex & 0xFFFFL));
        ALL.set(ValueLayout.JAVA_LONG, sqe + 48, 0L);
        ALL.set(ValueLayout.JAVA_LONG, sqe + 56, 0L);
        ring.set(ValueLayout.JAVA_INT, SQE_TAIL, tail + 1);
        return true;
    }

    /** CQEs ready to be read (tail loaded with acquire). */
    int ready() {
        return (int) INT.getAcquire(ALL, cqKtail) - ALL.get(ValueLayout.JAVA_INT, cqKhead);
    }

    /** user_data of the CQE at the head. */
    long headUserData() {
        int head = ALL.get(ValueLayout.JAVA_INT, cqKhead);
        return ALL.get(ValueLayout.JAVA_LONG, cqes + (long) (head & cqMask) * CQE_BYTES);
    }

    /** res of the CQE at the head (bytes or -errno). */
    int headResult() {
        int head = ALL.get(ValueLayout.JAVA_INT, cqKhead);
        return ALL.get(ValueLayout.JAVA_INT, cqes + (long) (head & cqMask) * CQE_BYTES + io_uring_cqe.res$offset());
    }

    /** cq_advance(1): releases the head CQE to the kernel. */
    void advance() {
        int head = ALL.get(ValueLayout.JAVA_INT, cqKhead);
        INT.setRelease(ALL, cqKhead, head + 1);
    }

    /** Sets the wait timeout ({@code struct __kernel_timespec}). */
    void setTimeout(long timeoutNanos) {
        timespec.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
        timespec.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
    }

    /** io_uring_queue_exit, then frees the struct memory. */
    void close(UringCalls calls) {
        calls.queueExit(ring);
        arena.close();
    }
}
