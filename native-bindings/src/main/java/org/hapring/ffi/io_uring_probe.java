package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfByte;

/**
 * {@code struct io_uring_probe} header (16 bytes); {@code ops_len} entries of {@link io_uring_probe_op} follow it.
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; any thread (the memory it reads belongs to the caller).
 */
public final class io_uring_probe {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_CHAR.withName("last_op"),
                    Liburing.C_CHAR.withName("ops_len"),
                    MemoryLayout.paddingLayout(14))
            .withName("io_uring_probe");

    private io_uring_probe() {}

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

    private static final OfByte last_op$LAYOUT =
            (OfByte) $LAYOUT.select(MemoryLayout.PathElement.groupElement("last_op"));
    private static final long last_op$OFFSET = 0;

    public static long last_op$offset() {
        return last_op$OFFSET;
    }

    /** Getter for field {@code last_op} (last opcode supported). */
    public static byte last_op(MemorySegment struct) {
        return struct.get(last_op$LAYOUT, last_op$OFFSET);
    }

    /** Setter for field {@code last_op}. */
    public static void last_op(MemorySegment struct, byte fieldValue) {
        struct.set(last_op$LAYOUT, last_op$OFFSET, fieldValue);
    }

    private static final OfByte ops_len$LAYOUT =
            (OfByte) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ops_len"));
    private static final long ops_len$OFFSET = 1;

    public static long ops_len$offset() {
        return ops_len$OFFSET;
    }

    /** Getter for field {@code ops_len} (length of the ops[] array that follows). */
    public static byte ops_len(MemorySegment struct) {
        return struct.get(ops_len$LAYOUT, ops_len$OFFSET);
    }

    /** Setter for field {@code ops_len}. */
    public static void ops_len(MemorySegment struct, byte fieldValue) {
        struct.set(ops_len$LAYOUT, ops_len$OFFSET, fieldValue);
    }
}
