package org.hapring.ffi;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * liburing's submission-ring bookkeeping, {@code struct io_uring_sq} (104 bytes on 64-bit, liburing 2.3 to 2.15).
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; the struct it reads belongs to one ring and is read by that ring's owner thread only.
 */
public final class io_uring_sq {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_POINTER.withName("khead"),
                    Liburing.C_POINTER.withName("ktail"),
                    Liburing.C_POINTER.withName("kring_mask"),
                    Liburing.C_POINTER.withName("kring_entries"),
                    Liburing.C_POINTER.withName("kflags"),
                    Liburing.C_POINTER.withName("kdropped"),
                    Liburing.C_POINTER.withName("array"),
                    Liburing.C_POINTER.withName("sqes"),
                    Liburing.C_INT.withName("sqe_head"),
                    Liburing.C_INT.withName("sqe_tail"),
                    Liburing.C_LONG_LONG.withName("ring_sz"),
                    Liburing.C_POINTER.withName("ring_ptr"),
                    Liburing.C_INT.withName("ring_mask"),
                    Liburing.C_INT.withName("ring_entries"),
                    MemoryLayout.paddingLayout(8))
            .withName("io_uring_sq");

    private io_uring_sq() {}

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

    private static final AddressLayout khead$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("khead"));
    private static final long khead$OFFSET = 0;

    public static long khead$offset() {
        return khead$OFFSET;
    }

    /** Getter for field {@code khead} (unsigned *, written by the kernel). */
    public static MemorySegment khead(MemorySegment struct) {
        return struct.get(khead$LAYOUT, khead$OFFSET);
    }

    /** Setter for field {@code khead}. */
    public static void khead(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(khead$LAYOUT, khead$OFFSET, fieldValue);
    }

    private static final AddressLayout ktail$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ktail"));
    private static final long ktail$OFFSET = 8;

    public static long ktail$offset() {
        return ktail$OFFSET;
    }

    /** Getter for field {@code ktail} (unsigned *). */
    public static MemorySegment ktail(MemorySegment struct) {
        return struct.get(ktail$LAYOUT, ktail$OFFSET);
    }

    /** Setter for field {@code ktail}. */
    public static void ktail(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(ktail$LAYOUT, ktail$OFFSET, fieldValue);
    }

    private static final AddressLayout kring_mask$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("kring_mask"));
    private static final long kring_mask$OFFSET = 16;

    public static long kring_mask$offset() {
        return kring_mask$OFFSET;
    }

    /** Getter for field {@code kring_mask}. */
    public static MemorySegment kring_mask(MemorySegment struct) {
        return struct.get(kring_mask$LAYOUT, kring_mask$OFFSET);
    }

    /** Setter for field {@code kring_mask}. */
    public static void kring_mask(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(kring_mask$LAYOUT, kring_mask$OFFSET, fieldValue);
    }

    private static final AddressLayout kring_entries$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("kring_entries"));
    private static final long kring_entries$OFFSET = 24;

    public static long kring_entries$offset() {
        return kring_entries$OFFSET;
    }

    /** Getter for field {@code kring_entries}. */
    public static MemorySegment kring_entries(MemorySegment struct) {
        return struct.get(kring_entries$LAYOUT, kring_entries$OFFSET);
    }

    /** Setter for field {@code kring_entries}. */
    public static void kring_entries(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(kring_entries$LAYOUT, kring_entries$OFFSET, fieldValue);
    }

    private static final AddressLayout kflags$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("kflags"));
    private static final long kflags$OFFSET = 32;

    public static long kflags$offset() {
        return kflags$OFFSET;
    }

    /** Getter for field {@code kflags}. */
    public static MemorySegment kflags(MemorySegment struct) {
        return struct.get(kflags$LAYOUT, kflags$OFFSET);
    }

    /** Setter for field {@code kflags}. */
    public static void kflags(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(kflags$LAYOUT, kflags$OFFSET, fieldValue);
    }

    private static final AddressLayout kdropped$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("kdropped"));
    private static final long kdropped$OFFSET = 40;

    public static long kdropped$offset() {
        return kdropped$OFFSET;
    }

    /** Getter for field {@code kdropped}. */
    public static MemorySegment kdropped(MemorySegment struct) {
        return struct.get(kdropped$LAYOUT, kdropped$OFFSET);
    }

    /** Setter for field {@code kdropped}. */
    public static void kdropped(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(kdropped$LAYOUT, kdropped$OFFSET, fieldValue);
    }

    private static final AddressLayout array$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("array"));
    private static final long array$OFFSET = 48;

    public static long array$offset() {
        return array$OFFSET;
    }

    /** Getter for field {@code array}. */
    public static MemorySegment array(MemorySegment struct) {
        return struct.get(array$LAYOUT, array$OFFSET);
    }

    /** Setter for field {@code array}. */
    public static void array(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(array$LAYOUT, array$OFFSET, fieldValue);
    }

    private static final AddressLayout sqes$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("sqes"));
    private static final long sqes$OFFSET = 56;

    public static long sqes$offset() {
        return sqes$OFFSET;
    }

    /** Getter for field {@code sqes} (struct io_uring_sqe *). */
    public static MemorySegment sqes(MemorySegment struct) {
        return struct.get(sqes$LAYOUT, sqes$OFFSET);
    }

    /** Setter for field {@code sqes}. */
    public static void sqes(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(sqes$LAYOUT, sqes$OFFSET, fieldValue);
    }

    private static final OfInt sqe_head$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("sqe_head"));
    private static final long sqe_head$OFFSET = 64;

    public static long sqe_head$offset() {
        return sqe_head$OFFSET;
    }

    /** Getter for field {@code sqe_head} (next SQE to flush). */
    public static int sqe_head(MemorySegment struct) {
        return struct.get(sqe_head$LAYOUT, sqe_head$OFFSET);
    }

    /** Setter for field {@code sqe_head}. */
    public static void sqe_head(MemorySegment struct, int fieldValue) {
        struct.set(sqe_head$LAYOUT, sqe_head$OFFSET, fieldValue);
    }

    private static final OfInt sqe_tail$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("sqe_tail"));
    private static final long sqe_tail$OFFSET = 68;

    public static long sqe_tail$offset() {
        return sqe_tail$OFFSET;
    }

    /** Getter for field {@code sqe_tail} (next SQE to hand out). */
    public static int sqe_tail(MemorySegment struct) {
        return struct.get(sqe_tail$LAYOUT, sqe_tail$OFFSET);
    }

    /** Setter for field {@code sqe_tail}. */
    public static void sqe_tail(MemorySegment struct, int fieldValue) {
        struct.set(sqe_tail$LAYOUT, sqe_tail$OFFSET, fieldValue);
    }

    private static final OfLong ring_sz$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ring_sz"));
    private static final long ring_sz$OFFSET = 72;

    public static long ring_sz$offset() {
        return ring_sz$OFFSET;
    }

    /** Getter for field {@code ring_sz}. */
    public static long ring_sz(MemorySegment struct) {
        return struct.get(ring_sz$LAYOUT, ring_sz$OFFSET);
    }

    /** Setter for field {@code ring_sz}. */
    public static void ring_sz(MemorySegment struct, long fieldValue) {
        struct.set(ring_sz$LAYOUT, ring_sz$OFFSET, fieldValue);
    }

    private static final AddressLayout ring_ptr$LAYOUT =
            (AddressLayout) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ring_ptr"));
    private static final long ring_ptr$OFFSET = 80;

    public static long ring_ptr$offset() {
        return ring_ptr$OFFSET;
    }

    /** Getter for field {@code ring_ptr}. */
    public static MemorySegment ring_ptr(MemorySegment struct) {
        return struct.get(ring_ptr$LAYOUT, ring_ptr$OFFSET);
    }

    /** Setter for field {@code ring_ptr}. */
    public static void ring_ptr(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(ring_ptr$LAYOUT, ring_ptr$OFFSET, fieldValue);
    }

    private static final OfInt ring_mask$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ring_mask"));
    private static final long ring_mask$OFFSET = 88;

    public static long ring_mask$offset() {
        return ring_mask$OFFSET;
    }

    /** Getter for field {@code ring_mask}. */
    public static int ring_mask(MemorySegment struct) {
        return struct.get(ring_mask$LAYOUT, ring_mask$OFFSET);
    }

    /** Setter for field {@code ring_mask}. */
    public static void ring_mask(MemorySegment struct, int fieldValue) {
        struct.set(ring_mask$LAYOUT, ring_mask$OFFSET, fieldValue);
    }

    private static final OfInt ring_entries$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ring_entries"));
    private static final long ring_entries$OFFSET = 92;

    public static long ring_entries$offset() {
        return ring_entries$OFFSET;
    }

    /** Getter for field {@code ring_entries}. */
    public static int ring_entries(MemorySegment struct) {
        return struct.get(ring_entries$LAYOUT, ring_entries$OFFSET);
    }

    /** Setter for field {@code ring_entries}. */
    public static void ring_entries(MemorySegment struct, int fieldValue) {
        struct.set(ring_entries$LAYOUT, ring_entries$OFFSET, fieldValue);
    }
}
