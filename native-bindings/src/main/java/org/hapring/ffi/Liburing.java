package org.hapring.ffi;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Header class for {@code liburing.so.2} in jextract's shape: one static method per exported C function,
 * each backed by a {@link MethodHandle} resolved once (on first use, in a holder class named after the
 * function), plus the {@code IORING_*} constants as static methods. Hand-maintained, limited to the
 * symbols the engine uses; {@code jextract.sh} at the repository root regenerates the full set.
 *
 * <p>The library is looked up once with {@link SymbolLookup#libraryLookup(String, Arena)}; the name is
 * {@code liburing.so.2} unless the system property {@code hapring.ffi.liburing} names another (read once,
 * used by tests to simulate a missing library). Callers must call {@link #requireAvailable()} before the
 * first downcall: a missing library is then a typed {@link NativeLibraryException}, never a class
 * initialisation error.
 *
 * <p>liburing is not thread-safe per ring: every function taking a {@code struct io_uring *} must be
 * called by the ring's owner thread only. The class itself is stateless after loading; any thread.
 */
public final class Liburing {
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    public static final ValueLayout.OfShort C_SHORT = ValueLayout.JAVA_SHORT;
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    public static final ValueLayout.OfLong C_LONG_LONG = ValueLayout.JAVA_LONG;
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    /** The system property that overrides the library name (read once). */
    public static final String LIBRARY_PROPERTY = "hapring.ffi.liburing";

    private static final String DEFAULT_LIBRARY = "liburing.so.2";

    private static final String LIBRARY_NAME = System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY);
    private static final String FIX =
            "install liburing 2.x (Debian/Ubuntu: apt-get install liburing2; Fedora: dnf install liburing)";
    private static final RuntimeException LOAD_FAILURE;
    private static final SymbolLookup SYMBOL_LOOKUP;

    static {
        SymbolLookup lookup;
        RuntimeException failure = null;
        try {
            lookup = SymbolLookup.libraryLookup(LIBRARY_NAME, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            lookup = name -> Optional.empty();
            failure = e;
        }
        SYMBOL_LOOKUP = lookup;
        LOAD_FAILURE = failure;
    }

    private Liburing() {}

    /** The library name that was looked up. */
    public static String libraryName() {
        return LIBRARY_NAME;
    }

    /** Whether {@code liburing.so.2} was found and loaded. */
    public static boolean isAvailable() {
        return LOAD_FAILURE == null;
    }

    /** Throws the typed load failure when the library is missing; returns quietly otherwise. */
    public static void requireAvailable() throws NativeLibraryException {
        if (LOAD_FAILURE != null) {
            throw new NativeLibraryException(LIBRARY_NAME, LOAD_FAILURE.getMessage(), FIX, LOAD_FAILURE);
        }
    }

    static MemorySegment findOrThrow(String symbol) {
        return SYMBOL_LOOKUP
                .find(symbol)
                .orElseThrow(() -> new UnsatisfiedLinkError("unresolved symbol " + symbol + " in " + LIBRARY_NAME
                        + (LOAD_FAILURE == null ? "" : " (library not loaded: " + LOAD_FAILURE.getMessage() + ")")));
    }

    // ---------------------------------------------------------------- constants (linux/io_uring.h)

    public static int IORING_OP_READ_FIXED() {
        return 4;
    }

    public static int IORING_OP_READ() {
        return 22;
    }

    public static int IOSQE_FIXED_FILE() {
        return 1;
    }

    public static int IORING_SETUP_SQPOLL() {
        return 2;
    }

    public static int IORING_SETUP_CQSIZE() {
        return 8;
    }

    public static int IORING_SETUP_CLAMP() {
        return 16;
    }

    public static int IORING_SETUP_COOP_TASKRUN() {
        return 256;
    }

    public static int IORING_SETUP_SINGLE_ISSUER() {
        return 4096;
    }

    public static int IORING_SETUP_DEFER_TASKRUN() {
        return 8192;
    }

    public static int IORING_FEAT_NODROP() {
        return 2;
    }

    public static int IORING_FEAT_EXT_ARG() {
        return 256;
    }

    public static int IO_URING_OP_SUPPORTED() {
        return 1;
    }

    // ---------------------------------------------------------------- functions

    private static class io_uring_queue_init_params {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_queue_init_params"), DESC);
    }

    /** {@code int io_uring_queue_init_params(unsigned entries, struct io_uring *ring, struct io_uring_params *p)}: 0 or -errno. */
    public static int io_uring_queue_init_params(int entries, MemorySegment ring, MemorySegment p) {
        try {
            return (int) io_uring_queue_init_params.HANDLE.invokeExact(entries, ring, p);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_queue_exit {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_queue_exit"), DESC);
    }

    /** {@code void io_uring_queue_exit(struct io_uring *ring)}: unmaps the rings and closes the ring fd. */
    public static void io_uring_queue_exit(MemorySegment ring) {
        try {
            io_uring_queue_exit.HANDLE.invokeExact(ring);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_submit {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER);
        static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_submit"), DESC);
    }

    /** {@code int io_uring_submit(struct io_uring *ring)}: number of SQEs submitted or -errno. */
    public static int io_uring_submit(MemorySegment ring) {
        try {
            return (int) io_uring_submit.HANDLE.invokeExact(ring);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_submit_and_wait_timeout {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_submit_and_wait_timeout"), DESC);
    }

    /**
     * {@code int io_uring_submit_and_wait_timeout(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
     * unsigned wait_nr, struct __kernel_timespec *ts, sigset_t *sigmask)}: flushes the SQ and waits for
     * {@code wait_nr} completions or the timeout; -ETIME on timeout, -EINTR on a signal.
     */
    public static int io_uring_submit_and_wait_timeout(
            MemorySegment ring, MemorySegment cqe_ptr, int wait_nr, MemorySegment ts, MemorySegment sigmask) {
        try {
            return (int) io_uring_submit_and_wait_timeout.HANDLE.invokeExact(ring, cqe_ptr, wait_nr, ts, sigmask);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_register_buffers_sparse {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_register_buffers_sparse"), DESC);
    }

    /** {@code int io_uring_register_buffers_sparse(struct io_uring *ring, unsigned nr)}: 0 or -errno. */
    public static int io_uring_register_buffers_sparse(MemorySegment ring, int nr) {
        try {
            return (int) io_uring_register_buffers_sparse.HANDLE.invokeExact(ring, nr);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_register_buffers_update_tag {
        static final FunctionDescriptor DESC =
                FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_POINTER, C_POINTER, C_INT);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_register_buffers_update_tag"), DESC);
    }

    /**
     * {@code int io_uring_register_buffers_update_tag(struct io_uring *ring, unsigned off,
     * const struct iovec *iovecs, const __u64 *tags, unsigned nr)}: number updated or -errno
     * (-ENOMEM when the pinned pages exceed RLIMIT_MEMLOCK).
     */
    public static int io_uring_register_buffers_update_tag(
            MemorySegment ring, int off, MemorySegment iovecs, MemorySegment tags, int nr) {
        try {
            return (int) io_uring_register_buffers_update_tag.HANDLE.invokeExact(ring, off, iovecs, tags, nr);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_register_files_sparse {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_register_files_sparse"), DESC);
    }

    /** {@code int io_uring_register_files_sparse(struct io_uring *ring, unsigned nr)}: 0 or -errno. */
    public static int io_uring_register_files_sparse(MemorySegment ring, int nr) {
        try {
            return (int) io_uring_register_files_sparse.HANDLE.invokeExact(ring, nr);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_register_files_update {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_POINTER, C_INT);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_register_files_update"), DESC);
    }

    /**
     * {@code int io_uring_register_files_update(struct io_uring *ring, unsigned off, const int *files,
     * unsigned nr_files)}: number updated or -errno; an fd of -1 clears a slot.
     */
    public static int io_uring_register_files_update(MemorySegment ring, int off, MemorySegment files, int nr_files) {
        try {
            return (int) io_uring_register_files_update.HANDLE.invokeExact(ring, off, files, nr_files);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_register_iowq_max_workers {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_register_iowq_max_workers"), DESC);
    }

    /**
     * {@code int io_uring_register_iowq_max_workers(struct io_uring *ring, unsigned int *values)}: values
     * is {bounded, unbounded}; on return it holds the previous limits. 0 or -errno.
     */
    public static int io_uring_register_iowq_max_workers(MemorySegment ring, MemorySegment values) {
        try {
            return (int) io_uring_register_iowq_max_workers.HANDLE.invokeExact(ring, values);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_get_probe_ring {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(C_POINTER, C_POINTER);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_get_probe_ring"), DESC);
    }

    /** {@code struct io_uring_probe *io_uring_get_probe_ring(struct io_uring *ring)}: malloc'd, or NULL. */
    public static MemorySegment io_uring_get_probe_ring(MemorySegment ring) {
        try {
            return (MemorySegment) io_uring_get_probe_ring.HANDLE.invokeExact(ring);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }

    private static class io_uring_free_probe {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(C_POINTER);
        static final MethodHandle HANDLE =
                Linker.nativeLinker().downcallHandle(findOrThrow("io_uring_free_probe"), DESC);
    }

    /** {@code void io_uring_free_probe(struct io_uring_probe *probe)}. */
    public static void io_uring_free_probe(MemorySegment probe) {
        try {
            io_uring_free_probe.HANDLE.invokeExact(probe);
        } catch (Throwable ex) {
            throw new AssertionError("should not reach here", ex);
        }
    }
}
