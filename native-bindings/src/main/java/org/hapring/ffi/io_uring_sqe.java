package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfByte;
import java.lang.foreign.ValueLayout.OfInt;
import java.lang.foreign.ValueLayout.OfLong;
import java.lang.foreign.ValueLayout.OfShort;

/**
 * A submission queue entry, {@code struct io_uring_sqe} (64 bytes, linux/io_uring.h).
 *
 * <p>Layout class in jextract's shape: the {@link GroupLayout}, and for each field its offset and a
 * static getter/setter on a segment holding the struct. Stateless; the struct it reads belongs to one ring and is read by that ring's owner thread only.
 */
public final class io_uring_sqe {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_CHAR.withName("opcode"),
                    Liburing.C_CHAR.withName("flags"),
                    Liburing.C_SHORT.withName("ioprio"),
                    Liburing.C_INT.withName("fd"),
                    Liburing.C_LONG_LONG.withName("off"),
                    Liburing.C_LONG_LONG.withName("addr"),
                    Liburing.C_INT.withName("len"),
                    Liburing.C_INT.withName("rw_flags"),
                    Liburing.C_LONG_LONG.withName("user_data"),
                    Liburing.C_SHORT.withName("buf_index"),
                    Liburing.C_SHORT.withName("personality"),
                    Liburing.C_INT.withName("file_index"),
                    Liburing.C_LONG_LONG.withName("addr3"),
                    MemoryLayout.paddingLayout(8))
            .withName("io_uring_sqe");

    private io_uring_sqe() {}

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

    private static final OfByte opcode$LAYOUT =
            (OfByte) $LAYOUT.select(MemoryLayout.PathElement.groupElement("opcode"));
    private static final long opcode$OFFSET = 0;

    public static long opcode$offset() {
        return opcode$OFFSET;
    }

    /** Getter for field {@code opcode} (IORING_OP_*). */
    public static byte opcode(MemorySegment struct) {
        return struct.get(opcode$LAYOUT, opcode$OFFSET);
    }

    /** Setter for field {@code opcode}. */
    public static void opcode(MemorySegment struct, byte fieldValue) {
        struct.set(opcode$LAYOUT, opcode$OFFSET, fieldValue);
    }

    private static final OfByte flags$LAYOUT = (OfByte) $LAYOUT.select(MemoryLayout.PathElement.groupElement("flags"));
    private static final long flags$OFFSET = 1;

    public static long flags$offset() {
        return flags$OFFSET;
    }

    /** Getter for field {@code flags} (IOSQE_*). */
    public static byte flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for field {@code flags}. */
    public static void flags(MemorySegment struct, byte fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }

    private static final OfShort ioprio$LAYOUT =
            (OfShort) $LAYOUT.select(MemoryLayout.PathElement.groupElement("ioprio"));
    private static final long ioprio$OFFSET = 2;

    public static long ioprio$offset() {
        return ioprio$OFFSET;
    }

    /** Getter for field {@code ioprio}. */
    public static short ioprio(MemorySegment struct) {
        return struct.get(ioprio$LAYOUT, ioprio$OFFSET);
    }

    /** Setter for field {@code ioprio}. */
    public static void ioprio(MemorySegment struct, short fieldValue) {
        struct.set(ioprio$LAYOUT, ioprio$OFFSET, fieldValue);
    }

    private static final OfInt fd$LAYOUT = (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("fd"));
    private static final long fd$OFFSET = 4;

    public static long fd$offset() {
        return fd$OFFSET;
    }

    /** Getter for field {@code fd} (fd, or the registered-file index with IOSQE_FIXED_FILE). */
    public static int fd(MemorySegment struct) {
        return struct.get(fd$LAYOUT, fd$OFFSET);
    }

    /** Setter for field {@code fd}. */
    public static void fd(MemorySegment struct, int fieldValue) {
        struct.set(fd$LAYOUT, fd$OFFSET, fieldValue);
    }

    private static final OfLong off$LAYOUT = (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("off"));
    private static final long off$OFFSET = 8;

    public static long off$offset() {
        return off$OFFSET;
    }

    /** Getter for field {@code off} (file offset in bytes). */
    public static long off(MemorySegment struct) {
        return struct.get(off$LAYOUT, off$OFFSET);
    }

    /** Setter for field {@code off}. */
    public static void off(MemorySegment struct, long fieldValue) {
        struct.set(off$LAYOUT, off$OFFSET, fieldValue);
    }

    private static final OfLong addr$LAYOUT = (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("addr"));
    private static final long addr$OFFSET = 16;

    public static long addr$offset() {
        return addr$OFFSET;
    }

    /** Getter for field {@code addr} (buffer address). */
    public static long addr(MemorySegment struct) {
        return struct.get(addr$LAYOUT, addr$OFFSET);
    }

    /** Setter for field {@code addr}. */
    public static void addr(MemorySegment struct, long fieldValue) {
        struct.set(addr$LAYOUT, addr$OFFSET, fieldValue);
    }

    private static final OfInt len$LAYOUT = (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("len"));
    private static final long len$OFFSET = 24;

    public static long len$offset() {
        return len$OFFSET;
    }

    /** Getter for field {@code len} (length in bytes). */
    public static int len(MemorySegment struct) {
        return struct.get(len$LAYOUT, len$OFFSET);
    }

    /** Setter for field {@code len}. */
    public static void len(MemorySegment struct, int fieldValue) {
        struct.set(len$LAYOUT, len$OFFSET, fieldValue);
    }

    private static final OfInt rw_flags$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("rw_flags"));
    private static final long rw_flags$OFFSET = 28;

    public static long rw_flags$offset() {
        return rw_flags$OFFSET;
    }

    /** Getter for field {@code rw_flags}. */
    public static int rw_flags(MemorySegment struct) {
        return struct.get(rw_flags$LAYOUT, rw_flags$OFFSET);
    }

    /** Setter for field {@code rw_flags}. */
    public static void rw_flags(MemorySegment struct, int fieldValue) {
        struct.set(rw_flags$LAYOUT, rw_flags$OFFSET, fieldValue);
    }

    private static final OfLong user_data$LAYOUT =
            (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("user_data"));
    private static final long user_data$OFFSET = 32;

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

    private static final OfShort buf_index$LAYOUT =
            (OfShort) $LAYOUT.select(MemoryLayout.PathElement.groupElement("buf_index"));
    private static final long buf_index$OFFSET = 40;

    public static long buf_index$offset() {
        return buf_index$OFFSET;
    }

    /** Getter for field {@code buf_index} (registered-buffer index for READ_FIXED). */
    public static short buf_index(MemorySegment struct) {
        return struct.get(buf_index$LAYOUT, buf_index$OFFSET);
    }

    /** Setter for field {@code buf_index}. */
    public static void buf_index(MemorySegment struct, short fieldValue) {
        struct.set(buf_index$LAYOUT, buf_index$OFFSET, fieldValue);
    }

    private static final OfShort personality$LAYOUT =
            (OfShort) $LAYOUT.select(MemoryLayout.PathElement.groupElement("personality"));
    private static final long personality$OFFSET = 42;

    public static long personality$offset() {
        return personality$OFFSET;
    }

    /** Getter for field {@code personality}. */
    public static short personality(MemorySegment struct) {
        return struct.get(personality$LAYOUT, personality$OFFSET);
    }

    /** Setter for field {@code personality}. */
    public static void personality(MemorySegment struct, short fieldValue) {
        struct.set(personality$LAYOUT, personality$OFFSET, fieldValue);
    }

    private static final OfInt file_index$LAYOUT =
            (OfInt) $LAYOUT.select(MemoryLayout.PathElement.groupElement("file_index"));
    private static final long file_index$OFFSET = 44;

    public static long file_index$offset() {
        return file_index$OFFSET;
    }

    /** Getter for field {@code file_index}. */
    public static int file_index(MemorySegment struct) {
        return struct.get(file_index$LAYOUT, file_index$OFFSET);
    }

    /** Setter for field {@code file_index}. */
    public static void file_index(MemorySegment struct, int fieldValue) {
        struct.set(file_index$LAYOUT, file_index$OFFSET, fieldValue);
    }

    private static final OfLong addr3$LAYOUT = (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement("addr3"));
    private static final long addr3$OFFSET = 48;

    public static long addr3$offset() {
        return addr3$OFFSET;
    }

    /** Getter for field {@code addr3}. */
    public static long addr3(MemorySegment struct) {
        return struct.get(addr3$LAYOUT, addr3$OFFSET);
    }

    /** Setter for field {@code addr3}. */
    public static void addr3(MemorySegment struct, long fieldValue) {
        struct.set(addr3$LAYOUT, addr3$OFFSET, fieldValue);
    }
}
