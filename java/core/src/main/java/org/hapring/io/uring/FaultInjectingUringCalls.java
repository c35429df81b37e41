package org.hapring.io.uring;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.hapring.ffi.Errno;
import org.hapring.ffi.NativeLibraryException;

/**
 * Failure injection at the binding seam: wraps the real calls and makes chosen operations fail with a
 * chosen errno, a chosen number of times (default: always). Spec, comma-separated {@code op=VALUE[*count]}:
 * <ul>
 *   <li>{@code library=missing} - liburing.so.2 cannot be loaded</li>
 *   <li>{@code setup=EPERM|ENOSYS|ENOMEM|...} - io_uring_queue_init_params</li>
 *   <li>{@code probe=unsupported} - the kernel lacks IORING_OP_READ</li>
 *   <li>{@code register_buffers=ENOMEM}, {@code register_files=EINVAL}, {@code iowq=EINVAL}</li>
 *   <li>{@code open=ENOENT}, {@code open_direct=EINVAL} (only opens asking for O_DIRECT)</li>
 *   <li>{@code submit=EAGAIN}, {@code wait=EINTR}</li>
 *   <li>{@code read=EIO} (a completion's result becomes -EIO), {@code read=short} (a completion reports
 *       half of its bytes, rounded down to 4 KiB when possible so O_DIRECT stays aligned, so the
 *       engine must read the rest again)</li>
 * </ul>
 * The system property {@value #PROPERTY}, read once, applies a spec to every engine that
 * {@code ReadEngines} builds (for example in a child JVM or the CLI); tests may also wrap explicitly.
 *
 * <p>Called by the ring's owner thread only.
 */
public final class FaultInjectingUringCalls implements UringCalls {
    public static final String PROPERTY = "hapring.io.uring.inject";
    private static final String SPEC_FROM_PROPERTY = System.getProperty(PROPERTY);
    private static final int SHORT = -1000;
    private static final int MISSING = -1001;
    private static final int UNSUPPORTED = -1002;

    private final UringCalls delegate;
    private final Map<String, int[]> faults = new HashMap<>();

    /** Wraps {@code delegate} with the faults of {@code spec}; IllegalArgumentException names a bad entry. */
    public FaultInjectingUringCalls(UringCalls delegate, String spec) {
        this.delegate = delegate;
        for (String entry : spec.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(PROPERTY + " entry '" + e + "': expected op=VALUE[*count]");
            }
            String op = e.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = e.substring(eq + 1).trim();
            int count = Integer.MAX_VALUE;
            int star = value.indexOf('*');
            if (star >= 0) {
                count = Integer.parseInt(value.substring(star + 1).trim());
                value = value.substring(0, star).trim();
            }
            int code = switch (value.toLowerCase(Locale.ROOT)) {
                case "short" -> SHORT;
                case "missing" -> MISSING;
                case "unsupported" -> UNSUPPORTED;
                default -> Errno.valueOf(value.toUpperCase(Locale.ROOT));
            };
            faults.put(op, new int[] {code, count});
        }
    }

    /** {@code delegate} wrapped with the spec of the system property {@value #PROPERTY}, or itself when unset. */
    public static UringCalls wrapIfRequested(UringCalls delegate) {
        return SPEC_FROM_PROPERTY == null || SPEC_FROM_PROPERTY.isBlank()
                ? delegate
                : new FaultInjectingUringCalls(delegate, SPEC_FROM_PROPERTY);
    }

    /** The injected code for {@code op} if one is due now (consuming one use), else 0. */
    private int take(String op) {
        int[] f = faults.get(op);
        if (f == null || f[1] <= 0) {
            return 0;
        }
        f[1]--;
        return f[0];
    }

    @Override
    public void requireLibrary() throws NativeLibraryException {
        if (take("library") == MISSING) {
            throw new NativeLibraryException(
                    "liburing.so.2",
                    "injected by " + PROPERTY,
                    "install liburing 2.x (Debian/Ubuntu: apt-get install liburing2)",
                    null);
        }
        delegate.requireLibrary();
    }

    @Override
    public int queueInit(int entries, MemorySegment ring, MemorySegment params) {
        int f = take("setup");
        return f > 0 ? -f : delegate.queueInit(entries, ring, params);
    }

    @Override
    public void queueExit(MemorySegment ring) {
        delegate.queueExit(ring);
    }

    @Override
    public boolean supportsOp(MemorySegment ring, int op) {
        return take("probe") != UNSUPPORTED && delegate.supportsOp(ring, op);
    }

    @Override
    public int submit(MemorySegment ring) {
        int f = take("submit");
        return f > 0 ? -f : delegate.submit(ring);
    }

    @Override
    public int submitAndWaitTimeout(MemorySegment ring, MemorySegment cqePtr, int waitNr, MemorySegment timespec) {
        int f = take("wait");
        return f > 0 ? -f : delegate.submitAndWaitTimeout(ring, cqePtr, waitNr, timespec);
    }

    @Override
    public int registerBuffersSparse(MemorySegment ring, int nr) {
        return delegate.registerBuffersSparse(ring, nr);
    }

    @Override
    public int registerBuffersUpdate(MemorySegment ring, int offset, MemorySegment iovecs, int nr) {
        int f = take("register_buffers");
        return f > 0 ? -f : delegate.registerBuffersUpdate(ring, offset, iovecs, nr);
    }

    @Override
    public int registerFilesSparse(MemorySegment ring, int nr) {
        int f = take("register_files");
        return f > 0 ? -f : delegate.registerFilesSparse(ring, nr);
    }

    @Override
    public int registerFilesUpdate(MemorySegment ring, int offset, MemorySegment fds, int nr) {
        return delegate.registerFilesUpdate(ring, offset, fds, nr);
    }

    @Override
    public int registerIowqMaxWorkers(MemorySegment ring, MemorySegment values) {
        int f = take("iowq");
        return f > 0 ? -f : delegate.registerIowqMaxWorkers(ring, values);
    }

    @Override
    public int open(MemorySegment cPath, int extraFlags) {
        int f = extraFlags != 0 ? take("open_direct") : 0;
        if (f == 0) {
            f = take("open");
        }
        return f > 0 ? -f : delegate.open(cPath, extraFlags);
    }

    @Override
    public int close(int fd) {
        return delegate.close(fd);
    }

    @Override
    public long sizeBytes(int fd) {
        return delegate.sizeBytes(fd);
    }

    @Override
    public long memlockLimitBytes() {
        return delegate.memlockLimitBytes();
    }

    @Override
    public int completionResult(int res) {
        int real = delegate.completionResult(res);
        if (real <= 0) {
            return real;
        }
        int f = take("read");
        if (f == SHORT) {
            int half = real / 2;
            int blockAligned = half & -4096;
            return blockAligned > 0 ? blockAligned : Math.max(1, half);
        }
        return f > 0 ? -f : real;
    }
}
