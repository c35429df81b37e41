package org.hapring.ffi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * Header class for the few libc calls the engine needs, in jextract's shape (one static method per
 * function, its {@link MethodHandle} resolved once in a holder class named after the function).
 *
 * <p>Unlike jextract's output, the calls that report failure through {@code errno} capture it in the same
 * downcall ({@link Linker.Option#captureCallState(String...)}): their handle takes a leading
 * {@code callState} segment (allocate it once with {@link #allocateCallState(Arena)}) and
 * {@link #errno(MemorySegment)} reads it right after the call, before anything else can overwrite it.
 *
 * <p>Stateless; any thread (each thread passes its own call-state segment).
 */
public final class Libc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup SYMBOL_LOOKUP = LINKER.defaultLookup();
    private static final StructLayout CAPTURE_STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final boolean AARCH64 = "aarch64".equals(System.getProperty("os.arch"));

    private Libc() {}

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP
                .find(symbol)
                .orElseThrow(() -> new UnsatisfiedLinkError("unresolved libc symbol " + symbol));
    }

    /** Allocates the segment that errno-capturing calls write {@code errno} into. */
    public static MemorySegment allocateCallState(Arena arena) {
        return arena.allocate(CAPTURE_STATE_LAYOUT);
    }

    /** The {@code errno} captured by the last call that was given {@code callState}. */
    public static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    // ---------------------------------------------------------------- constants (fcntl.h, sys/resource.h)

    public static int O_RDONLY() {
        return 0;
    }
    /** {@code O_DIRECT}: 040000 on x86-64, 0200000 on aarch64. */
    public static int O_DIRECT() {
        return AARCH64 ? 0200000 : 040000;
    }

    public static int O_CLOEXEC() {
        return 02000000;
    }

    public static int POSIX_FADV_SEQUENTIAL() {
        return 2;
    }

    public static int POSIX_FADV_WILLNEED() {
        return 3;
    }

    public static int POSIX_FADV_DONTNEED() {
        return 4;
    }

    public static int RLIMIT_MEMLOCK() {
        return 8;
    }
    /** {@code RLIM_INFINITY}: ~0UL. */
    public static long RLIM_INFINITY() {
        return -1L;
    }
    /** {@code RUSAGE_SELF}: the calling process, every thread, living and ended. */
    public static int RUSAGE_SELF() {
        return 0;
    }

    /** {@code PROT_READ | PROT_WRITE}. */
    public static int PROT_READ_WRITE() {
        return 0x1 | 0x2;
    }
    /** {@code MAP_PRIVATE | MAP_ANONYMOUS}: 0x02 | 0x20 on x86-64 and aarch64. */
    public static int MAP_PRIVATE_ANONYMOUS() {
        return 0x02 | 0x20;
    }
    /** {@code MADV_HUGEPAGE}: back the range with transparent huge pages where the kernel can. */
    public static int MADV_HUGEPAGE() {
        return 14;
    }
    /** {@code MAP_FAILED}: {@code (void *) -1}. */
    public static long MAP_FAILED() {
        return -1L;
    }

    // ---------------------------------------------------------------- functions

    private static class open {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(Liburing.C_INT, Liburing.C_POINTER, Liburing.C_INT, Liburing.C_INT);
        static final MethodHandle HANDLE =
                LINKER.downcallHandle(findOrThrow("open"), DESC, Linker.Option.firstVariadicArg(2), CAPTURE_ERRNO);
    }

    /** {@code int open(const char *pathname, int flags, ... mode)}: fd or -1 with errno in {@code callState}. */
    public static int open(MemorySegment callState, MemorySegment pathname, int flags, int mode) {
        try {
            return (int) open.HANDLE.invokeExact(callState, pathname, flags, mode);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class close {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(Liburing.C_INT, Liburing.C_INT);
        static final MethodHandle HANDLE = LINKER.downcallHandle(findOrThrow("close"), DESC, CAPTURE_ERRNO);
    }

    /** {@code int close(int fd)}: 0 or -1 with errno in {@code callState}. */
    public static int close(MemorySegment callState, int fd) {
        try {
            return (int) close.HANDLE.invokeExact(callState, fd);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class fstat {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(Liburing.C_INT, Liburing.C_INT, Liburing.C_POINTER);
        static final MethodHandle HANDLE = LINKER.downcallHandle(findOrThrow("fstat"), DESC, CAPTURE_ERRNO);
    }

    /** {@code int fstat(int fd, struct stat *statbuf)} (glibc >= 2.33 exports it): 0 or -1 with errno. */
    public static int fstat(MemorySegment callState, int fd, MemorySegment statbuf) {
        try {
            return (int) fstat.HANDLE.invokeExact(callState, fd, statbuf);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class posix_fadvise {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(Liburing.C_INT, Liburing.C_INT, Liburing.C_LONG, Liburing.C_LONG, Liburing.C_INT);
        static final MethodHandle HANDLE = LINKER.downcallHandle(findOrThrow("posix_fadvise"), DESC);
    }

    /** {@code int posix_fadvise(int fd, off_t offset, off_t len, int advice)}: 0 or an error number (not errno). */
    public static int posix_fadvise(int fd, long offset, long len, int advice) {
        try {
            return (int) posix_fadvise.HANDLE.invokeExact(fd, offset, len, advice);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class getrlimit {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(Liburing.C_INT, Liburing.C_INT, Liburing.C_POINTER);
        static final MethodHandle HANDLE = LINKER.downcallHandle(findOrThrow("getrlimit"), DESC, CAPTURE_ERRNO);
    }

    /** {@code int getrlimit(int resource, struct rlimit *rlim)}: 0 or -1 with errno in {@code callState}. */
    public static int getrlimit(MemorySegment callState, int resource, MemorySegment rlim) {
        try {
            return (int) getrlimit.HANDLE.invokeExact(callState, resource, rlim);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class getrusage {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(Liburing.C_INT, Liburing.C_INT, Liburing.C_POINTER);
        static final MethodHandle HANDLE = LINKER.downcallHandle(findOrThrow("getrusage"), DESC, CAPTURE_ERRNO);
    }

    /** {@code int getrusage(int who, struct rusage *usage)}: 0 or -1 with errno in {@code callState}. */
    public static int getrusage(MemorySegment callState, int who, MemorySegment usage) {
        try {
            return (int) getrusage.HANDLE.invokeExact(callState, who, usage);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class mmap {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(
                Liburing.C_POINTER,
                Liburing.C_POINTER,
                Liburing.C_LONG,
                Liburing.C_INT,
                Liburing.C_INT,
                Liburing.C_INT,
                Liburing.C_LONG);
        static final MethodHandle HANDLE = LINKER.downcallHandle(findOrThrow("mmap"), DESC, CAPTURE_ERRNO);
    }

    /**
     * {@code void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)}: the mapping's
     * address (a zero-length segment), or {@link #MAP_FAILED()} with errno in {@code callState}.
     */
    public static MemorySegment mmap(
            MemorySegment callState, MemorySegment addr, long length, int prot, int flags, int fd, long offset) {
        try {
            return (MemorySegment) mmap.HANDLE.invokeExact(callState, addr, length, prot, flags, fd, offset);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class munmap {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(Liburing.C_INT, Liburing.C_POINTER, Liburing.C_LONG);
        static final MethodHandle HANDLE = LINKER.downcallHandle(findOrThrow("munmap"), DESC);
    }

    /** {@code int munmap(void *addr, size_t length)}: 0 or -1. */
    public static int munmap(MemorySegment addr, long length) {
        try {
            return (int) munmap.HANDLE.invokeExact(addr, length);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class madvise {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(Liburing.C_INT, Liburing.C_POINTER, Liburing.C_LONG, Liburing.C_INT);
        static final MethodHandle HANDLE = LINKER.downcallHandle(findOrThrow("madvise"), DESC, CAPTURE_ERRNO);
    }

    /** {@code int madvise(void *addr, size_t length, int advice)}: 0 or -1 with errno in {@code callState}. */
    public static int madvise(MemorySegment callState, MemorySegment addr, long length, int advice) {
        try {
            return (int) madvise.HANDLE.invokeExact(callState, addr, length, advice);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }
}
