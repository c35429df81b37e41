package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfInt;

/**
 * The kernel's {@code struct io_uring_params} (120 bytes): setup flags in, features out.
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; any thread (the memory it reads belongs to the caller).
 */
public final class io_uring_params {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_INT.withName("sq_entries"),
                    Liburing.C_INT.withName("cq_entries"),
                    Liburing.C_INT.withName("flags"),
                    Liburing.C_INT.withName("sq_thread_cpu"),
                    Liburing.C_INT.withName("sq_thread_idle"),
                    Liburing.C_INT.withName("features"),
                    Liburing.C_INT.withName("wq_fd"),
                    MemoryLayout.paddingLayout(92))
            .withName("io_uring_params");

    private io_uring_params() {}

    public static GroupLayout layout() {
        return $LAYOUT;
    }

    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** Allocates one zeroed struct in {@code arena}. */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate($LAYOUT);
    }

    private static final OfInt sq_entries$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("sq_entries"));
    private static final long sq_entries$OFFSET = 0;

    public static long sq_entries$offset() {
        return sq_entries$OFFSET;
    }

    /** Getter for field {@code sq_entries}. */
    public static int sq_entries(MemorySegment struct) {
        return struct.get(sq_entries$LAYOUT, sq_entries$OFFSET);
    }

    /** Setter for field {@code sq_entries}. */
    public static void sq_entries(MemorySegment struct, int fieldValue) {
        struct.set(sq_entries$LAYOUT, sq_entries$OFFSET, fieldValue);
    }

    private static final OfInt cq_entries$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("cq_entries"));
    private static final long cq_entries$OFFSET = 4;

    public static long cq_entries$offset() {
        return cq_entries$OFFSET;
    }

    /** Getter for field {@code cq_entries}. */
    public static int cq_entries(MemorySegment struct) {
        return struct.get(cq_entries$LAYOUT, cq_entries$OFFSET);
    }

    /** Setter for field {@code cq_entries}. */
    public static void cq_entries(MemorySegment struct, int fieldValue) {
        struct.set(cq_entries$LAYOUT, cq_entries$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("flags"));
    private static final long flags$OFFSET = 8;

    public static long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for field {@code flags} (IORING_SETUP_*). */
    public static int flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for field {@code flags}. */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfInt sq_thread_cpu$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("sq_thread_cpu"));
    private static final long sq_thread_cpu$OFFSET = 12;

    public static long sq_thread_cpu$offset() {
        return sq_thread_cpu$OFFSET;
    }

    /** Getter for field {@code sq_thread_cpu}. */
    public static int sq_thread_cpu(MemorySegment struct) {
        return struct.get(sq_thread_cpu$LAYOUT, sq_thread_cpu$OFFSET);
    }

    /** Setter for field {@code sq_thread_cpu}. */
    public static void sq_thread_cpu(MemorySegment struct, int fieldValue) {
        struct.set(sq_thread_cpu$LAYOUT, sq_thread_cpu$OFFSET, fieldValue);
    }

    private static final OfInt sq_thread_idle$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("sq_thread_idle"));
    private static final long sq_thread_idle$OFFSET = 16;

    public static long sq_thread_idle$offset() {
        return sq_thread_idle$OFFSET;
    }

    /** Getter for field {@code sq_thread_idle}. */
    public static int sq_thread_idle(MemorySegment struct) {
        return struct.get(sq_thread_idle$LAYOUT, sq_thread_idle$OFFSET);
    }

    /** Setter for field {@code sq_thread_idle}. */
    public static void sq_thread_idle(MemorySegment struct, int fieldValue) {
        struct.set(sq_thread_idle$LAYOUT, sq_thread_idle$OFFSET, fieldValue);
    }

    private static final OfInt features$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("features"));
    private static final long features$OFFSET = 20;

    public static long features$offset() {
        return features$OFFSET;
    }

    /** Getter for field {@code features} (IORING_FEAT_*, set by the kernel). */
    public static int features(MemorySegment struct) {
        return struct.get(features$LAYOUT, features$OFFSET);
    }

    /** Setter for field {@code features}. */
    public static void features(MemorySegment struct, int fieldValue) {
        struct.set(features$LAYOUT, features$OFFSET, fieldValue);
    }

    private static final OfInt wq_fd$LAYOUT = (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("wq_fd"));
    private static final long wq_fd$OFFSET = 24;

    public static long wq_fd$offset() {
        return wq_fd$OFFSET;
    }

    /** Getter for field {@code wq_fd}. */
    public static int wq_fd(MemorySegment struct) {
        return struct.get(wq_fd$LAYOUT, wq_fd$OFFSET);
    }

    /** Setter for field {@code wq_fd}. */
    public static void wq_fd(MemorySegment struct, int fieldValue) {
        struct.set(wq_fd$LAYOUT, wq_fd$OFFSET, fieldValue);
    }
}
