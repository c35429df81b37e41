package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@code struct rlimit} (16 bytes on 64-bit).
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; any thread (the memory it reads belongs to the caller).
 */
public final class rlimit {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_LONG_LONG.withName("rlim_cur"), Liburing.C_LONG_LONG.withName("rlim_max"))
            .withName("rlimit");

    private rlimit() {}

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

    private static final OfLong rlim_cur$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("rlim_cur"));
    private static final long rlim_cur$OFFSET = 0;

    public static long rlim_cur$offset() {
        return rlim_cur$OFFSET;
    }

    /** Getter for field {@code rlim_cur} (soft limit, RLIM_INFINITY = ~0). */
    public static long rlim_cur(MemorySegment struct) {
        return struct.get(rlim_cur$LAYOUT, rlim_cur$OFFSET);
    }

    /** Setter for field {@code rlim_cur}. */
    public static void rlim_cur(MemorySegment struct, long fieldValue) {
        struct.set(rlim_cur$LAYOUT, rlim_cur$OFFSET, fieldValue);
    }

    private static final OfLong rlim_max$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("rlim_max"));
    private static final long rlim_max$OFFSET = 8;

    public static long rlim_max$offset() {
        return rlim_max$OFFSET;
    }

    /** Getter for field {@code rlim_max} (hard limit). */
    public static long rlim_max(MemorySegment struct) {
        return struct.get(rlim_max$LAYOUT, rlim_max$OFFSET);
    }

    /** Setter for field {@code rlim_max}. */
    public static void rlim_max(MemorySegment struct, long fieldValue) {
        struct.set(rlim_max$LAYOUT, rlim_max$OFFSET, fieldValue);
    }
}
