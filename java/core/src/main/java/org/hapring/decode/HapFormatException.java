package org.hapring.decode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A HAP frame that cannot be decoded: names the file, the frame and the byte offset where the
 * problem is. Decoders see only the frame's bytes and throw with {@code frameOffset} relative to the
 * frame's first byte; whoever knows where the frame came from adds that with {@link #located}.
 *
 * <p>Immutable; any thread.
 */
public final class HapFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final Path file;
    private final long frameIndex;
    private final long frameOffsetBytes;
    private final long frameFileOffsetBytes;

    /** A problem at {@code frameOffsetBytes} bytes into a frame whose origin is not known yet. */
    public HapFormatException(String reason, long frameOffsetBytes) {
        this(reason, null, -1, frameOffsetBytes, -1, null);
    }

    public HapFormatException(String reason, long frameOffsetBytes, Throwable cause) {
        this(reason, null, -1, frameOffsetBytes, -1, cause);
    }

    private HapFormatException(
            String reason,
            Path file,
            long frameIndex,
            long frameOffsetBytes,
            long frameFileOffsetBytes,
            Throwable cause) {
        super(message(reason, file, frameIndex, frameOffsetBytes, frameFileOffsetBytes), cause);
        this.reason = reason;
        this.file = file;
        this.frameIndex = frameIndex;
        this.frameOffsetBytes = frameOffsetBytes;
        this.frameFileOffsetBytes = frameFileOffsetBytes;
    }

    /** The same problem, placed in {@code file} as frame {@code frameIndex} starting at byte {@code frameFileOffsetBytes}. */
    public HapFormatException located(Path file, long frameIndex, long frameFileOffsetBytes) {
        return new HapFormatException(reason, file, frameIndex, frameOffsetBytes, frameFileOffsetBytes, getCause());
    }

    private static String message(
            String reason, Path file, long frameIndex, long frameOffsetBytes, long frameFileOffsetBytes) {
        StringBuilder sb = new StringBuilder("bad HAP frame: ").append(reason);
        if (file != null) {
            sb.append(" (file=").append(file);
            sb.append(" frame=").append(frameIndex);
            sb.append(" offset=").append(frameFileOffsetBytes + frameOffsetBytes);
            sb.append(" frameOffset=").append(frameOffsetBytes).append(')');
        } else {
            sb.append(" (frameOffset=").append(frameOffsetBytes).append(')');
        }
        return sb.toString();
    }

    public String reason() {
        return reason;
    }

    /** The file, or {@code null} when not located yet. */
    public Path file() {
        return file;
    }

    /** The frame index, or -1 when not located yet. */
    public long frameIndex() {
        return frameIndex;
    }

    /** Offset of the problem from the frame's first byte. */
    public long frameOffsetBytes() {
        return frameOffsetBytes;
    }

    /** Absolute file offset of the problem, or -1 when not located yet. */
    public long fileOffsetBytes() {
        return frameFileOffsetBytes < 0 ? -1 : frameFileOffsetBytes + frameOffsetBytes;
    }
}
