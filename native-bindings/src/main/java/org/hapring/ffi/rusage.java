package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@code struct rusage} (144 bytes on 64-bit Linux): two {@code struct timeval} (seconds, microseconds), then
 * fourteen {@code long} counters.
 *
 * <p>Layout class in jextract's shape, limited to the fields read: the {@link GroupLayout}, each field's
 * offset and a static getter on a segment holding the struct. Stateless; any thread (the memory it reads belongs
 * to the caller).
 */
public final class rusage {
    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
                    Liburing.C_LONG_LONG.withName("ru_utime_sec"),
                    Liburing.C_LONG_LONG.withName("ru_utime_usec"),
                    Liburing.C_LONG_LONG.withName("ru_stime_sec"),
                    Liburing.C_LONG_LONG.withName("ru_stime_usec"),
                    Liburing.C_LONG_LONG.withName("ru_maxrss"),
                    Liburing.C_LONG_LONG.withName("ru_ixrss"),
                    Liburing.C_LONG_LONG.withName("ru_idrss"),
                    Liburing.C_LONG_LONG.withName("ru_isrss"),
                    Liburing.C_LONG_LONG.withName("ru_minflt"),
                    Liburing.C_LONG_LONG.withName("ru_majflt"),
                    Liburing.C_LONG_LONG.withName("ru_nswap"),
                    Liburing.C_LONG_LONG.withName("ru_inblock"),
                    Liburing.C_LONG_LONG.withName("ru_oublock"),
                    Liburing.C_LONG_LONG.withName("ru_msgsnd"),
                    Liburing.C_LONG_LONG.withName("ru_msgrcv"),
                    Liburing.C_LONG_LONG.withName("ru_nsignals"),
                    Liburing.C_LONG_LONG.withName("ru_nvcsw"),
                    Liburing.C_LONG_LONG.withName("ru_nivcsw"))
            .withName("rusage");

    private rusage() {}

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

    private static long offset(String field) {
        return $LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }

    /** Offset of {@code ru_utime} (a {@code struct timeval}). */
    public static long ru_utime$offset() {
        return offset("ru_utime_sec");
    }

    /** Offset of {@code ru_stime} (a {@code struct timeval}). */
    public static long ru_stime$offset() {
        return offset("ru_stime_sec");
    }

    public static long ru_minflt$offset() {
        return offset("ru_minflt");
    }

    public static long ru_majflt$offset() {
        return offset("ru_majflt");
    }

    public static long ru_nvcsw$offset() {
        return offset("ru_nvcsw");
    }

    public static long ru_nivcsw$offset() {
        return offset("ru_nivcsw");
    }

    private static long get(MemorySegment struct, String field) {
        OfLong l = (OfLong) $LAYOUT.select(MemoryLayout.PathElement.groupElement(field));
        return struct.get(l, offset(field));
    }

    /** {@code ru_utime} in microseconds: CPU time in user mode. */
    public static long ru_utime_micros(MemorySegment struct) {
        return get(struct, "ru_utime_sec") * 1_000_000L + get(struct, "ru_utime_usec");
    }

    /** {@code ru_stime} in microseconds: CPU time in the kernel. */
    public static long ru_stime_micros(MemorySegment struct) {
        return get(struct, "ru_stime_sec") * 1_000_000L + get(struct, "ru_stime_usec");
    }

    /** Getter for field {@code ru_minflt}: page faults served without I/O. */
    public static long ru_minflt(MemorySegment struct) {
        return get(struct, "ru_minflt");
    }

    /** Getter for field {@code ru_majflt}: page faults that needed I/O. */
    public static long ru_majflt(MemorySegment struct) {
        return get(struct, "ru_majflt");
    }

    /** Getter for field {@code ru_nvcsw}: voluntary context switches (waits). */
    public static long ru_nvcsw(MemorySegment struct) {
        return get(struct, "ru_nvcsw");
    }

    /** Getter for field {@code ru_nivcsw}: involuntary context switches (preemptions). */
    public static long ru_nivcsw(MemorySegment struct) {
        return get(struct, "ru_nivcsw");
    }
}
