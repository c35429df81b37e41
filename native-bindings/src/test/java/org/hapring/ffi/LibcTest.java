package org.hapring.ffi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libc downcalls with errno captured in the same call. */
class LibcTest {
    @Test
    void openOfAMissingFileCapturesEnoent(@TempDir Path dir) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            int fd = Libc.open(state, arena.allocateFrom(dir.resolve("missing").toString()), Libc.O_RDONLY(), 0);
            assertEquals(-1, fd);
            assertEquals(Errno.ENOENT, Libc.errno(state));
        }
    }

    @Test
    void fstatReportsTheFileSizeAndCloseReportsEbadfTwice(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.bin");
        Files.write(file, new byte[12345]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            int fd = Libc.open(state, arena.allocateFrom(file.toString()), Libc.O_RDONLY() | Libc.O_CLOEXEC(), 0);
            assertTrue(fd >= 0, "open failed errno=" + Libc.errno(state));
            MemorySegment st = arena.allocate(stat.layout());
            assertEquals(0, Libc.fstat(state, fd, st));
            assertEquals(12345L, stat.st_size(st));
            assertEquals(0, Libc.posix_fadvise(fd, 0, 0, Libc.POSIX_FADV_DONTNEED()));
            assertEquals(0, Libc.close(state, fd));
            assertEquals(-1, Libc.close(state, fd));
            assertEquals(Errno.EBADF, Libc.errno(state));
        }
    }

    @Test
    void openWithODirectWorksOrIsRefusedWithEinval(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.bin");
        Files.write(file, new byte[8192]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            int fd = Libc.open(state, arena.allocateFrom(file.toString()), Libc.O_RDONLY() | Libc.O_DIRECT(), 0);
            if (fd < 0) {
                assertEquals(Errno.EINVAL, Libc.errno(state), "only EINVAL means the filesystem refuses O_DIRECT");
            } else {
                assertEquals(0, Libc.close(state, fd));
            }
        }
    }

    @Test
    void getrlimitReadsTheMemlockLimit() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            MemorySegment rl = arena.allocate(rlimit.layout());
            assertEquals(0, Libc.getrlimit(state, Libc.RLIMIT_MEMLOCK(), rl));
            long cur = rlimit.rlim_cur(rl);
            long max = rlimit.rlim_max(rl);
            assertTrue(
                    max == Libc.RLIM_INFINITY() || Long.compareUnsigned(cur, max) <= 0, "soft limit above hard limit");
        }
    }

    @Test
    void getrusageCountsThisThreadsWorkAndRefusesABadWho() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            MemorySegment before = rusage.allocate(arena);
            MemorySegment after = rusage.allocate(arena);
            assertEquals(144, rusage.sizeof());
            assertEquals(0, Libc.getrusage(state, Libc.RUSAGE_SELF(), before));
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            long sink = 0;
            while (threads.getCurrentThreadCpuTime() - start < 50_000_000L) {
                sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
            }
            assertEquals(0, Libc.getrusage(state, Libc.RUSAGE_SELF(), after));
            long cpuMicros = rusage.ru_utime_micros(after)
                    + rusage.ru_stime_micros(after)
                    - rusage.ru_utime_micros(before)
                    - rusage.ru_stime_micros(before);
            assertTrue(
                    cpuMicros >= 45_000,
                    "50 ms of this thread's CPU, the process counted " + cpuMicros + " us (" + sink + ")");
            assertTrue(rusage.ru_minflt(after) >= rusage.ru_minflt(before));
            assertTrue(rusage.ru_nvcsw(after) >= 0 && rusage.ru_nivcsw(after) >= 0 && rusage.ru_majflt(after) >= 0);
            assertEquals(-1, Libc.getrusage(state, 12345, after));
            assertEquals(Errno.EINVAL, Libc.errno(state));
        }
    }

    @Test
    void mmapGivesWritableMemoryMadviseAcceptsHugePagesAndMunmapUnmaps() {
        long bytes = 4L << 20;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.allocateCallState(arena);
            MemorySegment m = Libc.mmap(
                    state, MemorySegment.NULL, bytes, Libc.PROT_READ_WRITE(), Libc.MAP_PRIVATE_ANONYMOUS(), -1, 0);
            assertTrue(m.address() != Libc.MAP_FAILED(), "mmap failed errno=" + Libc.errno(state));
            assertEquals(0, m.address() % 4096, "a mapping starts on a page");
            MemorySegment region = m.reinterpret(bytes);
            int rc = Libc.madvise(state, region, bytes, Libc.MADV_HUGEPAGE());
            assertTrue(
                    rc == 0 || Libc.errno(state) == Errno.EINVAL,
                    "madvise(MADV_HUGEPAGE) failed errno=" + Libc.errno(state) + " (EINVAL only without THP)");
            region.set(ValueLayout.JAVA_LONG, bytes - 8, 0x1234L);
            assertEquals(0x1234L, region.get(ValueLayout.JAVA_LONG, bytes - 8));
            assertEquals(0, Libc.munmap(region, bytes));
            assertEquals(-1, Libc.madvise(state, MemorySegment.ofAddress(1), 4096, Libc.MADV_HUGEPAGE()));
            assertEquals(Errno.EINVAL, Libc.errno(state), "an unaligned address is refused");
        }
    }
}
