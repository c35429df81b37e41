package org.hapring.io;

import java.io.IOException;
import java.nio.file.Path;
import org.hapring.ffi.Errno;

/**
 * A failed engine operation, typed by {@link Kind} and naming the operation, the errno (0 when none),
 * the file and the byte offset (-1 when not about a file position). Message: {@code name=value} pairs.
 *
 * <p>Immutable; any thread.
 */
public final class IoEngineException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (fallback, layer error, retry). */
    public enum Kind {
        /** The file ended before the requested range (res == 0 or EOF inside the range). */
        UNEXPECTED_EOF,
        /** EIO: the device or filesystem reported an I/O error. */
        IO_ERROR,
        /** EPERM/EACCES: refused by permissions, a seccomp profile or kernel.io_uring_disabled. */
        PERMISSION,
        /** ENOSYS/EOPNOTSUPP or a missing kernel feature. */
        UNSUPPORTED,
        /** ENOMEM: out of memory or over RLIMIT_MEMLOCK. */
        NO_MEMORY,
        /** EINVAL: refused arguments (for example O_DIRECT on tmpfs). */
        INVALID,
        /** ENOENT: the file does not exist. */
        NOT_FOUND,
        /** The native library (liburing.so.2) cannot be loaded. */
        LIBRARY_MISSING,
        /** The engine or file was closed. */
        CLOSED,
        /** Anything else. */
        OTHER;

        static Kind of(int errno) {
            return switch (Math.abs(errno)) {
                case Errno.EIO -> IO_ERROR;
                case Errno.EPERM, Errno.EACCES -> PERMISSION;
                case Errno.ENOSYS, Errno.EOPNOTSUPP -> UNSUPPORTED;
                case Errno.ENOMEM -> NO_MEMORY;
                case Errno.EINVAL -> INVALID;
                case Errno.ENOENT -> NOT_FOUND;
                default -> OTHER;
            };
        }
    }

    private final Kind kind;
    private final String op;
    private final int errno;
    private final Path file;
    private final long offsetBytes;

    public IoEngineException(
            Kind kind, String op, int errno, Path file, long offsetBytes, String detail, Throwable cause) {
        super(message(kind, op, errno, file, offsetBytes, detail), cause);
        this.kind = kind;
        this.op = op;
        this.errno = Math.abs(errno);
        this.file = file;
        this.offsetBytes = offsetBytes;
    }

    /** A failure reported as an errno (positive or negative); the kind follows from the errno. */
    public static IoEngineException ofErrno(String op, int errno, Path file, long offsetBytes, String detail) {
        return new IoEngineException(Kind.of(errno), op, errno, file, offsetBytes, detail, null);
    }

    /** The file ended at {@code endOffsetBytes}, before the end of the requested range. */
    public static IoEngineException unexpectedEof(Path file, long offsetBytes, long lengthBytes, long endOffsetBytes) {
        return new IoEngineException(
                Kind.UNEXPECTED_EOF,
                "read",
                0,
                file,
                offsetBytes,
                "unexpected end of file: the data ends at " + endOffsetBytes + " but the read needs " + offsetBytes
                        + ".." + (offsetBytes + lengthBytes) + " (lengthBytes=" + lengthBytes + ")",
                null);
    }

    private static String message(Kind kind, String op, int errno, Path file, long offsetBytes, String detail) {
        StringBuilder sb = new StringBuilder(op).append(" failed: kind=").append(kind);
        if (errno != 0) {
            sb.append(" errno=")
                    .append(Errno.name(errno))
                    .append('(')
                    .append(Math.abs(errno))
                    .append(')');
        }
        if (file != null) {
            sb.append(" file=").append(file);
        }
        if (offsetBytes >= 0) {
            sb.append(" offset=").append(offsetBytes);
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** The operation that failed ({@code open}, {@code read}, {@code io_uring_setup}, ...). */
    public String op() {
        return op;
    }

    /** The positive errno, or 0 when the failure is not an errno. */
    public int errno() {
        return errno;
    }

    /** The file concerned, or {@code null}. */
    public Path file() {
        return file;
    }

    /** The byte offset concerned, or -1. */
    public long offsetBytes() {
        return offsetBytes;
    }
}
