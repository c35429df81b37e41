package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfByte;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * {@code struct io_uring_probe_op} (8 bytes): one entry of a probe's ops[] array.
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; any thread (the memory it reads belongs to the caller).
 */
public final class io_uring_probe_op {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_CHAR.withName("op"),
                    Liburing.C_CHAR.withName("resv"),
                    Liburing.C_SHORT.withName("flags"),
                    MemoryLayout.paddingLayout(4))
            .withName("io_uring_probe_op");

    private io_uring_probe_op() {}

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

    private static final OfByte op$LAYOUT = (OfByte) $LAYOUT.select(MemoryLayout.PathElement.groupElement("op"));
    private static final long op$OFFSET = 0;

    public static long op$offset() {
        return op$OFFSET;
    }

    /** Getter for field {@code op}. */
    public static byte op(MemorySegment struct) {
        return struct.get(op$LAYOUT, op$OFFSET);
    }

    /** Setter for field {@code op}. */
    public static void op(MemorySegment struct, byte fieldValue) {
        struct.set(op$LAYOUT, op$OFFSET, fieldValue);
    }

    private static final OfByte resv$LAYOUT = (OfByte) $LAYOUT.select(MemoryLayout.PathElement.groupElement("resv"));
    private static final long resv$OFFSET = 1;

    public static long resv$offset() {
        return resv$OFFSET;
    }

    /** Getter for field {@code resv}. */
    public static byte resv(MemorySegment struct) {
        return struct.get(resv$LAYOUT, resv$OFFSET);
    }

    /** Setter for field {@code resv}. */
    public static void resv(MemorySegment struct, byte fieldValue) {
        struct.set(resv$LAYOUT, resv$OFFSET, fieldValue);
    }

    private static final OfShort flags$LAYOUT =
            (OfShort) $LAYOUT.select(MemoryLayout.PathElement.groupElement("flags"));
    private static final long flags$OFFSET = 2;

    public static long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for field {@code flags} (IO_URING_OP_SUPPORTED). */
    public static short flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for field {@code flags}. */
    public static void flags(MemorySegment struct, short fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }
}
