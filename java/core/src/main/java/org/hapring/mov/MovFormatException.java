package org.hapring.mov;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A QuickTime file that cannot be indexed: names the file, the box path (e.g. {@code moov/trak[1]/mdia/minf/stbl/stsz})
 * and the absolute byte offset of the problem.
 *
 * <p>Immutable; any thread.
 */
public final class MovFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final String boxPath;
    private final long offsetBytes;
    private final String reason;

    public MovFormatException(Path file, String boxPath, long offsetBytes, String reason) {
        super("bad QuickTime file: " + reason + " (file=" + file + " box=" + boxPath + " offset=" + offsetBytes + ")");
        this.file = file;
        this.boxPath = boxPath;
        this.offsetBytes = offsetBytes;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String boxPath() {
        return boxPath;
    }

    public long offsetBytes() {
        return offsetBytes;
    }

    public String reason() {
        return reason;
    }
}
