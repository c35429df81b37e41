package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * glibc's {@code struct stat} for x86-64 (144 bytes; aarch64's is 128 bytes with st_size at the same offset), limited to the fields used.
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; any thread (the memory it reads belongs to the caller).
 */
public final class stat {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_LONG_LONG.withName("st_dev"),
                    Liburing.C_LONG_LONG.withName("st_ino"),
                    MemoryLayout.paddingLayout(32),
                    Liburing.C_LONG.withName("st_size"),
                    Liburing.C_LONG.withName("st_blksize"),
                    MemoryLayout.paddingLayout(80))
            .withName("stat");

    private stat() {}

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

    private static final OfLong st_dev$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_dev"));
    private static final long st_dev$OFFSET = 0;

    public static long st_dev$offset() {
        return st_dev$OFFSET;
    }

    /** Getter for field {@code st_dev}. */
    public static long st_dev(MemorySegment struct) {
        return struct.get(st_dev$LAYOUT, st_dev$OFFSET);
    }

    /** Setter for field {@code st_dev}. */
    public static void st_dev(MemorySegment struct, long fieldValue) {
        struct.set(st_dev$LAYOUT, st_dev$OFFSET, fieldValue);
    }

    private static final OfLong st_ino$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_ino"));
    private static final long st_ino$OFFSET = 8;

    public static long st_ino$offset() {
        return st_ino$OFFSET;
    }

    /** Getter for field {@code st_ino}. */
    public static long st_ino(MemorySegment struct) {
        return struct.get(st_ino$LAYOUT, st_ino$OFFSET);
    }

    /** Setter for field {@code st_ino}. */
    public static void st_ino(MemorySegment struct, long fieldValue) {
        struct.set(st_ino$LAYOUT, st_ino$OFFSET, fieldValue);
    }

    private static final OfLong st_size$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_size"));
    private static final long st_size$OFFSET = 48;

    public static long st_size$offset() {
        return st_size$OFFSET;
    }

    /** Getter for field {@code st_size} (bytes; at offset 48 on x86-64 and aarch64). */
    public static long st_size(MemorySegment struct) {
        return struct.get(st_size$LAYOUT, st_size$OFFSET);
    }

    /** Setter for field {@code st_size}. */
    public static void st_size(MemorySegment struct, long fieldValue) {
        struct.set(st_size$LAYOUT, st_size$OFFSET, fieldValue);
    }

    private static final OfLong st_blksize$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("st_blksize"));
    private static final long st_blksize$OFFSET = 56;

    public static long st_blksize$offset() {
        return st_blksize$OFFSET;
    }

    /** Getter for field {@code st_blksize} (x86-64 offset). */
    public static long st_blksize(MemorySegment struct) {
        return struct.get(st_blksize$LAYOUT, st_blksize$OFFSET);
    }

    /** Setter for field {@code st_blksize}. */
    public static void st_blksize(MemorySegment struct, long fieldValue) {
        struct.set(st_blksize$LAYOUT, st_blksize$OFFSET, fieldValue);
    }
}
