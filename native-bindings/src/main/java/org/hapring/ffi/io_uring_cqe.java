package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * A completion queue entry, {@code struct io_uring_cqe} (16 bytes without IORING_SETUP_CQE32).
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; the struct it reads belongs to one ring and is read by that ring's owner thread only.
 */
public final class io_uring_cqe {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_LONG_LONG.withName("user_data"),
                    Liburing.C_INT.withName("res"),
                    Liburing.C_INT.withName("flags"))
            .withName("io_uring_cqe");

    private io_uring_cqe() {}

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

    private static final OfLong user_data$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("user_data"));
    private static final long user_data$OFFSET = 0;

    public static long user_data$offset() {
        return user_data$OFFSET;
    }

    /** Getter for field {@code user_data}. */
    public static long user_data(MemorySegment struct) {
        return struct.get(user_data$LAYOUT, user_data$OFFSET);
    }

    /** Setter for field {@code user_data}. */
    public static void user_data(MemorySegment struct, long fieldValue) {
        struct.set(user_data$LAYOUT, user_data$OFFSET, fieldValue);
    }

    private static final OfInt res$LAYOUT = (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("res"));
    private static final long res$OFFSET = 8;

    public static long res$offset() {
        return res$OFFSET;
    }

    /** Getter for field {@code res} (bytes transferred, or -errno). */
    public static int res(MemorySegment struct) {
        return struct.get(res$LAYOUT, res$OFFSET);
    }

    /** Setter for field {@code res}. */
    public static void res(MemorySegment struct, int fieldValue) {
        struct.set(res$LAYOUT, res$OFFSET, fieldValue);
    }

    private static final OfInt flags$LAYOUT = (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("flags"));
    private static final long flags$OFFSET = 12;

    public static long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for field {@code flags}. */
    public static int flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for field {@code flags}. */
    public static void flags(MemorySegment struct, int fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }
}
