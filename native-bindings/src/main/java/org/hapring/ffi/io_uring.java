package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfByte;
import java.lang.foreign.ValueLayout.OfInt;

/**
 * liburing's {@code struct io_uring} (216 bytes on 64-bit, liburing 2.3 to 2.15): filled by io_uring_queue_init_params.
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; the struct it reads belongs to one ring and is read by that ring's owner thread only.
 */
public final class io_uring {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    io_uring_sq.layout().withName("sq"),
                    io_uring_cq.layout().withName("cq"),
                    Liburing.C_INT.withName("flags"),
                    Liburing.C_INT.withName("ring_fd"),
                    Liburing.C_INT.withName("features"),
                    Liburing.C_INT.withName("enter_ring_fd"),
                    Liburing.C_CHAR.withName("int_flags"),
                    MemoryLayout.paddingLayout(7))
            .withName("io_uring");

    private io_uring() {}

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

    private static final long sq$OFFSET = 0;

    public static long sq$offset() {
        return sq$OFFSET;
    }

    /** The embedded {@code struct io_uring_sq} sq (submission ring). */
    public static MemorySegment sq(MemorySegment struct) {
        return struct.asSlice(sq$OFFSET, io_uring_sq.layout().byteSize());
    }

    private static final long cq$OFFSET = 104;

    public static long cq$offset() {
        return cq$OFFSET;
    }

    /** The embedded {@code struct io_uring_cq} cq (completion ring). */
    public static MemorySegment cq(MemorySegment struct) {
        return struct.asSlice(cq$OFFSET, io_uring_cq.layout().byteSize());
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("flags"));
    private static final long flags$OFFSET = 192;

    public static long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for field {@code flags} (IORING_SETUP_* in effect). */
    public static int flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for field {@code flags}. */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfInt ring_fd$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ring_fd"));
    private static final long ring_fd$OFFSET = 196;

    public static long ring_fd$offset() {
        return ring_fd$OFFSET;
    }

    /** Getter for field {@code ring_fd}. */
    public static int ring_fd(MemorySegment struct) {
        return struct.get(ring_fd$LAYOUT, ring_fd$OFFSET);
    }

    /** Setter for field {@code ring_fd}. */
    public static void ring_fd(MemorySegment struct, int fieldValue) {
        struct.set(ring_fd$LAYOUT, ring_fd$OFFSET, fieldValue);
    }

    private static final OfInt features$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("features"));
    private static final long features$OFFSET = 200;

    public static long features$offset() {
        return features$OFFSET;
    }

    /** Getter for field {@code features} (IORING_FEAT_*). */
    public static int features(MemorySegment struct) {
        return struct.get(features$LAYOUT, features$OFFSET);
    }

    /** Setter for field {@code features}. */
    public static void features(MemorySegment struct, int fieldValue) {
        struct.set(features$LAYOUT, features$OFFSET, fieldValue);
    }

    private static final OfInt enter_ring_fd$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("enter_ring_fd"));
    private static final long enter_ring_fd$OFFSET = 204;

    public static long enter_ring_fd$offset() {
        return enter_ring_fd$OFFSET;
    }

    /** Getter for field {@code enter_ring_fd}. */
    public static int enter_ring_fd(MemorySegment struct) {
        return struct.get(enter_ring_fd$LAYOUT, enter_ring_fd$OFFSET);
    }

    /** Setter for field {@code enter_ring_fd}. */
    public static void enter_ring_fd(MemorySegment struct, int fieldValue) {
        struct.set(enter_ring_fd$LAYOUT, enter_ring_fd$OFFSET, fieldValue);
    }

    private static final OfByte int_flags$LAYOUT =
            (OfByte) $LAYOUT.select(MemoryLayout.PathElement.groupElement("int_flags"));
    private static final long int_flags$OFFSET = 208;

    public static long int_flags$offset() {
        return int_flags$OFFSET;
    }

    /** Getter for field {@code int_flags}. */
    public static byte int_flags(MemorySegment struct) {
        return struct.get(int_flags$LAYOUT, int_flags$OFFSET);
    }

    /** Setter for field {@code int_flags}. */
    public static void int_flags(MemorySegment struct, byte fieldValue) {
        struct.set(int_flags$LAYOUT, int_flags$OFFSET, fieldValue);
    }
}
