package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * The kernel's {@code struct __kernel_timespec} (16 bytes), used for io_uring wait timeouts.
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; any thread (the memory it reads belongs to the caller).
 */
public final class __kernel_timespec {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_LONG.withName("tv_sec"), Liburing.C_LONG.withName("tv_nsec"))
            .withName("__kernel_timespec");

    private __kernel_timespec() {}

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

    private static final OfLong tv_sec$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("tv_sec"));
    private static final long tv_sec$OFFSET = 0;

    public static long tv_sec$offset() {
        return tv_sec$OFFSET;
    }

    /** Getter for field {@code tv_sec}. */
    public static long tv_sec(MemorySegment struct) {
        return struct.get(tv_sec$LAYOUT, tv_sec$OFFSET);
    }

    /** Setter for field {@code tv_sec}. */
    public static void tv_sec(MemorySegment struct, long fieldValue) {
        struct.set(tv_sec$LAYOUT, tv_sec$OFFSET, fieldValue);
    }

    private static final OfLong tv_nsec$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("tv_nsec"));
    private static final long tv_nsec$OFFSET = 8;

    public static long tv_nsec$offset() {
        return tv_nsec$OFFSET;
    }

    /** Getter for field {@code tv_nsec}. */
    public static long tv_nsec(MemorySegment struct) {
        return struct.get(tv_nsec$LAYOUT, tv_nsec$OFFSET);
    }

    /** Setter for field {@code tv_nsec}. */
    public static void tv_nsec(MemorySegment struct, long fieldValue) {
        struct.set(tv_nsec$LAYOUT, tv_nsec$OFFSET, fieldValue);
    }
}
