package org.hapring.io;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hapring.ffi.Errno;
import org.hapring.ffi.Libc;

/**
 * Puts a file's pages into the page cache or takes them out, for benchmarks that must pin the cache state:
 * {@link #load} reads the file once (warm), {@link #evict} flushes its dirty pages and drops its cached pages
 * with {@code posix_fadvise(POSIX_FADV_DONTNEED)} (cold, no root needed, only this file),
 * {@link #dropAllCaches} writes {@code 3} to {@code /proc/sys/vm/drop_caches} (every file of the machine; root
 * only), and {@link #residentFraction} tells how much of a file is cached now (mincore through
 * {@link MemorySegment#isLoaded()}).
 *
 * <p>Stateless; any thread.
 */
public final class PageCache {
    /** Granularity of {@link #residentFraction}: the file is checked in slices of this size. */
    static final long RESIDENCY_SLICE_BYTES = 1L << 20;

    private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

    private PageCache() {}

    /** Reads every byte of {@code file} once, so that its pages are in the page cache; returns the bytes read. */
    public static long load(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        long total = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            while (total < size) {
                buf.clear();
                int n = ch.read(buf, total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        }
        return total;
    }

    /**
     * Writes back the file's dirty pages (they cannot be dropped otherwise) and drops its cached pages.
     * Throws {@link IoEngineException} when the kernel refuses.
     */
    public static void evict(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(false);
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment callState = Libc.allocateCallState(a);
            int fd = Libc.open(callState, a.allocateFrom(file.toString()), Libc.O_RDONLY() | Libc.O_CLOEXEC(), 0);
            if (fd < 0) {
                throw IoEngineException.ofErrno("open", Libc.errno(callState), file, -1, "to drop its cached pages");
            }
            try {
                int rc = Libc.posix_fadvise(fd, 0, 0, Libc.POSIX_FADV_DONTNEED());
                if (rc != 0) {
                    throw IoEngineException.ofErrno("posix_fadvise", rc, file, 0, "POSIX_FADV_DONTNEED");
                }
            } finally {
                Libc.close(callState, fd);
            }
        }
    }

    /** Whether {@link #dropAllCaches} can work here (the file exists and this process may write it). */
    public static boolean canDropAllCaches() {
        return Files.isWritable(DROP_CACHES);
    }

    /**
     * Drops the clean page cache, dentries and inodes of the whole machine ({@code sync; echo 3 >
     * /proc/sys/vm/drop_caches}): needs root; slows every other process that relied on the cache.
     */
    public static void dropAllCaches() throws IOException {
        if (!canDropAllCaches()) {
            throw new IoEngineException(
                    IoEngineException.Kind.PERMISSION,
                    "write",
                    Errno.EACCES,
                    DROP_CACHES,
                    -1,
                    "dropping every cached page needs root; fix: run as root, or use per-file eviction",
                    null);
        }
        new ProcessBuilder("sync").inheritIO().start().onExit().join();
        Files.writeString(DROP_CACHES, "3\n");
    }

    /**
     * The fraction (0..1) of {@code file}'s 1 MiB slices that are entirely in the page cache now; 1 for an empty
     * file. Maps the file read-only for the check and touches no page.
     */
    public static double residentFraction(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                Arena a = Arena.ofConfined()) {
            long size = ch.size();
            if (size == 0) {
                return 1.0;
            }
            MemorySegment map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, a);
            long slices = 0;
            long loaded = 0;
            for (long off = 0; off < size; off += RESIDENCY_SLICE_BYTES) {
                slices++;
                if (map.asSlice(off, Math.min(RESIDENCY_SLICE_BYTES, size - off))
                        .isLoaded()) {
                    loaded++;
                }
            }
            return (double) loaded / slices;
        }
    }
}
