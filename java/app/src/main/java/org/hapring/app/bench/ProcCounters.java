package org.hapring.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hapring.io.ResourceUsage;

/**
 * The process's own counters around a measurement: CPU time of every thread, living and ended (io_uring's
 * io-wq workers and the filechannel pool included), page faults (what mmap pays instead of read calls) and
 * context switches from {@code getrusage} ({@link ResourceUsage}, microsecond resolution), and the read system
 * calls and storage bytes of {@code /proc/self/io} ({@code syscr}, {@code read_bytes}; io_uring reads and page
 * faults are not read calls and are not counted there).
 *
 * @param usage CPU, faults and context switches
 * @param readSyscalls read, pread, readv and preadv calls ({@code syscr}; -1 when {@code /proc/self/io} is unreadable)
 * @param storageReadBytes bytes fetched from the storage layer ({@code read_bytes}; -1 when unreadable)
 *
 * <p>Immutable; any thread ({@link #read} reads the calling process's counters).
 */
public record ProcCounters(ResourceUsage usage, long readSyscalls, long storageReadBytes) {

    public long cpuNanos() {
        return usage.cpuNanos();
    }

    public long pageFaults() {
        return usage.minorFaults() + usage.majorFaults();
    }

    public ProcCounters minus(ProcCounters earlier) {
        return new ProcCounters(
                usage.minus(earlier.usage),
                readSyscalls < 0 || earlier.readSyscalls < 0 ? -1 : readSyscalls - earlier.readSyscalls,
                storageReadBytes < 0 || earlier.storageReadBytes < 0
                        ? -1
                        : storageReadBytes - earlier.storageReadBytes);
    }

    /** This process's counters now ({@code procSelf}: normally {@code /proc/self}, for its {@code io} file). */
    public static ProcCounters read(Path procSelf) {
        String io;
        try {
            io = Files.readString(procSelf.resolve("io"));
        } catch (IOException e) {
            io = "";
        }
        return new ProcCounters(ResourceUsage.self(), ioField(io, "syscr"), ioField(io, "read_bytes"));
    }

    /** A field of {@code /proc/PID/io} ({@code key: value} lines), -1 when absent. */
    static long ioField(String io, String key) {
        for (String line : io.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                return Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return -1;
    }
}
