package org.hapring.app.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's own counters from {@code /proc/self}: CPU time of every thread, live and ended (io_uring's
 * io-wq workers and the filechannel pool included; {@code stat} fields 14-15, in clock ticks of
 * {@code AT_CLKTCK}, usually 10 ms), page faults ({@code stat} fields 10 and 12: what mmap pays instead of
 * read calls), and the read system calls and storage bytes of {@code /proc/self/io} ({@code syscr},
 * {@code read_bytes}; io_uring reads and page faults are not read calls and are not counted there).
 *
 * @param userNanos CPU time in user mode
 * @param systemNanos CPU time in the kernel
 * @param minorFaults page faults served without I/O
 * @param majorFaults page faults that waited for the storage
 * @param readSyscalls read, pread, readv and preadv calls ({@code syscr}; -1 when {@code /proc/self/io} is unreadable)
 * @param storageReadBytes bytes fetched from the storage layer ({@code read_bytes}; -1 when unreadable)
 *
 * <p>Immutable; any thread ({@link #read} reads the calling process's files).
 */
public record ProcCounters(long userNanos, long systemNanos, long minorFaults, long majorFaults, long readSyscalls,
        long storageReadBytes) {
    static final int AT_CLKTCK = 17;
    static final long DEFAULT_CLOCK_TICKS_PER_SECOND = 100;

    public long cpuNanos() {
        return userNanos + systemNanos;
    }

    public long pageFaults() {
        return minorFaults + majorFaults;
    }

    public ProcCounters minus(ProcCounters earlier) {
        return new ProcCounters(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos,
                minorFaults - earlier.minorFaults, majorFaults - earlier.majorFaults,
                readSyscalls < 0 || earlier.readSyscalls < 0 ? -1 : readSyscalls - earlier.readSyscalls,
                storageReadBytes < 0 || earlier.storageReadBytes < 0 ? -1 : storageReadBytes - earlier.storageReadBytes);
    }

    /** This process's counters now ({@code procSelf}: normally {@code /proc/self}). */
    public static ProcCounters read(Path procSelf, long clockTicksPerSecond) throws IOException {
        String stat = Files.readString(procSelf.resolve("stat"));
        String io;
        try {
            io = Files.readString(procSelf.resolve("io"));
        } catch (IOException e) {
            io = "";
        }
        return parse(stat, io, clockTicksPerSecond);
    }

    /** Parses the text of {@code /proc/PID/stat} and {@code /proc/PID/io} (empty: unknown read counters). */
    public static ProcCounters parse(String stat, String io, long clockTicksPerSecond) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/PID/stat line (no ')' after the command name): " + stat);
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        if (f.length < 13) {
            throw new IllegalArgumentException("/proc/PID/stat has " + (f.length + 2) + " fields, expected at least 15");
        }
        // f[0] is field 3 (state): field k is f[k - 3]
        long nanosPerTick = 1_000_000_000L / clockTicksPerSecond;
        return new ProcCounters(Long.parseLong(f[11]) * nanosPerTick, Long.parseLong(f[12]) * nanosPerTick,
                Long.parseLong(f[7]), Long.parseLong(f[9]), ioField(io, "syscr"), ioField(io, "read_bytes"));
    }

    private static long ioField(String io, String key) {
        for (String line : io.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return -1;
    }

    /** The kernel's clock ticks per second for {@code stat} times (AT_CLKTCK from {@code auxv}), else 100. */
    public static long clockTicksPerSecond(Path procSelf) {
        try {
            return clockTicksFromAuxv(Files.readAllBytes(procSelf.resolve("auxv")));
        } catch (IOException | RuntimeException e) {
            return DEFAULT_CLOCK_TICKS_PER_SECOND;
        }
    }

    /** AT_CLKTCK from the bytes of {@code /proc/PID/auxv} (64-bit little-endian key/value pairs), else 100. */
    static long clockTicksFromAuxv(byte[] auxv) {
        ByteBuffer b = ByteBuffer.wrap(auxv).order(ByteOrder.nativeOrder());
        while (b.remaining() >= 16) {
            long key = b.getLong();
            long value = b.getLong();
            if (key == 0) {
                break;
            }
            if (key == AT_CLKTCK && value > 0) {
                return value;
            }
        }
        return DEFAULT_CLOCK_TICKS_PER_SECOND;
    }
}
