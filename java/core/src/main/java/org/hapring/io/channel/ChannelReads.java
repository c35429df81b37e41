package org.hapring.io.channel;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.RequestTable;

/**
 * FileChannel plumbing shared by the filechannel and sync engines: opening (O_DIRECT through
 * {@link ExtendedOpenOption#DIRECT}, buffered with one notice where the filesystem refuses it) and reading
 * one request slot completely (short transfers continued, EOF typed).
 *
 * <p>Stateless; {@link #readSlot} runs on whichever thread performs the read (a pool worker or the owner).
 */
final class ChannelReads {
    private ChannelReads() {}

    /** An open channel and whether O_DIRECT was granted. */
    record OpenChannel(FileChannel channel, boolean direct) {}

    static OpenChannel open(Path path, OpenOptions options, String engineName, Consumer<String> notices)
            throws IoEngineException {
        if (options.direct()) {
            try {
                return new OpenChannel(
                        FileChannel.open(path, StandardOpenOption.READ, ExtendedOpenOption.DIRECT), true);
            } catch (UnsupportedOperationException | IOException e) {
                if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
                    throw toEngineException("open", path, -1, (IOException) e);
                }
                notices.accept(engineName + ": O_DIRECT refused for " + path + " (" + e.getMessage()
                        + "): reading this file through the page cache; fix: put the media on a filesystem that"
                        + " supports O_DIRECT (ext4, xfs), not tmpfs");
            }
        }
        try {
            return new OpenChannel(FileChannel.open(path, StandardOpenOption.READ), false);
        } catch (IOException e) {
            throw toEngineException("open", path, -1, e);
        }
    }

    /**
     * Reads slot {@code r} of {@code t} completely from {@code ch}. Returns null on success or the error;
     * {@code transfers[r]} receives the number of positional reads it took (1 when nothing was short).
     */
    static IoEngineException readSlot(FileChannel ch, RequestTable t, int r, int[] transfers) {
        int n = 0;
        try {
            while (true) {
                MemorySegment dst = t.buffer(r).asSlice(t.doneBytes(r), t.nextReadLengthBytes(r));
                int got = ch.read(dst.asByteBuffer(), t.nextReadOffsetBytes(r));
                n++;
                int status = t.advance(r, Math.max(got, 0));
                if (status == RequestTable.DONE) {
                    return null;
                }
                if (status == RequestTable.EOF) {
                    return IoEngineException.unexpectedEof(
                            t.file(r).path(),
                            t.offsetBytes(r),
                            t.lengthBytes(r),
                            Math.max(t.offsetBytes(r), t.endOffsetBytes(r)));
                }
            }
        } catch (IOException e) {
            return toEngineException("read", t.file(r).path(), t.offsetBytes(r), e);
        } finally {
            transfers[r] = n;
        }
    }

    static IoEngineException toEngineException(String op, Path path, long offsetBytes, IOException e) {
        IoEngineException.Kind kind;
        if (e instanceof NoSuchFileException) {
            kind = IoEngineException.Kind.NOT_FOUND;
        } else if (e instanceof AccessDeniedException) {
            kind = IoEngineException.Kind.PERMISSION;
        } else if (e instanceof ClosedChannelException) {
            kind = IoEngineException.Kind.CLOSED;
        } else if (String.valueOf(e.getMessage()).contains("Input/output error")) {
            kind = IoEngineException.Kind.IO_ERROR;
        } else if (String.valueOf(e.getMessage()).contains("Invalid argument")) {
            kind = IoEngineException.Kind.INVALID;
        } else {
            kind = IoEngineException.Kind.OTHER;
        }
        return new IoEngineException(kind, op, 0, path, offsetBytes, e.toString(), e);
    }

    static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // closing a read-only channel only fails when the fd is already gone
        }
    }
}
