package org.hapring.io;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.hapring.ffi.Libc;
import org.hapring.ffi.rusage;

/**
 * The process's resource usage from {@code getrusage(RUSAGE_SELF)}: CPU time of every thread, living and ended
 * (io_uring's io-wq workers and engine pools included), at microsecond resolution, page faults and context
 * switches. Benchmarks take one before and one after and subtract ({@link #minus}).
 *
 * @param userNanos CPU time in user mode
 * @param systemNanos CPU time in the kernel
 * @param minorFaults page faults served without I/O
 * @param majorFaults page faults that waited for storage
 * @param voluntarySwitches context switches because a thread waited
 * @param involuntarySwitches context switches because a thread was preempted
 *
 * <p>Immutable; any thread ({@link #self()} allocates its own scratch memory).
 */
public record ResourceUsage(
        long userNanos,
        long systemNanos,
        long minorFaults,
        long majorFaults,
        long voluntarySwitches,
        long involuntarySwitches) {

    /** This process's usage now; throws IllegalStateException if the kernel refuses (it never does on Linux). */
    public static ResourceUsage self() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(a);
            MemorySegment ru = rusage.allocate(a);
            if (Libc.getrusage(state, Libc.RUSAGE_SELF(), ru) != 0) {
                throw new IllegalStateException("getrusage(RUSAGE_SELF) failed: errno=" + Libc.errno(state));
            }
            return new ResourceUsage(
                    rusage.ru_utime_micros(ru) * 1000,
                    rusage.ru_stime_micros(ru) * 1000,
                    rusage.ru_minflt(ru),
                    rusage.ru_majflt(ru),
                    rusage.ru_nvcsw(ru),
                    rusage.ru_nivcsw(ru));
        }
    }

    public long cpuNanos() {
        return userNanos + systemNanos;
    }

    public ResourceUsage minus(ResourceUsage earlier) {
        return new ResourceUsage(
                userNanos - earlier.userNanos,
                systemNanos - earlier.systemNanos,
                minorFaults - earlier.minorFaults,
                majorFaults - earlier.majorFaults,
                voluntarySwitches - earlier.voluntarySwitches,
                involuntarySwitches - earlier.involuntarySwitches);
    }
}
