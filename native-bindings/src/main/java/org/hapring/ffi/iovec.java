package org.hapring.ffi;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@code struct iovec} (16 bytes on 64-bit).
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; any thread (the memory it reads belongs to the caller).
 */
public final class iovec {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_POINTER.withName("iov_base"), Liburing.C_LONG_LONG.withName("iov_len"))
            .withName("iovec");

    private iovec() {}

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

    private static final AddressLayout iov_base$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("iov_base"));
    private static final long iov_base$OFFSET = 0;

    public static long iov_base$offset() {
        return iov_base$OFFSET;
    }

    /** Getter for field {@code iov_base}. */
    public static MemorySegment iov_base(MemorySegment struct) {
        return struct.get(iov_base$LAYOUT, iov_base$OFFSET);
    }

    /** Setter for field {@code iov_base}. */
    public static void iov_base(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(iov_base$LAYOUT, iov_base$OFFSET, fieldValue);
    }

    private static final OfLong iov_len$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("iov_len"));
    private static final long iov_len$OFFSET = 8;

    public static long iov_len$offset() {
        return iov_len$OFFSET;
    }

    /** Getter for field {@code iov_len} (size_t, bytes). */
    public static long iov_len(MemorySegment struct) {
        return struct.get(iov_len$LAYOUT, iov_len$OFFSET);
    }

    /** Setter for field {@code iov_len}. */
    public static void iov_len(MemorySegment struct, long fieldValue) {
        struct.set(iov_len$LAYOUT, iov_len$OFFSET, fieldValue);
    }
}
