package org.hapring.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only {@link SeekableByteChannel} over a byte array, for parsing in-memory files. It can
 * return at most {@code maxBytesPerRead} bytes per read (to simulate short reads) and fail every read
 * that touches offset {@code failAtOffset} or beyond (to simulate an I/O error).
 *
 * <p>One thread at a time, like any channel with a position.
 */
public final class ByteArrayChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private final int maxBytesPerRead;
    private final long failAtOffset;
    private long position;
    private boolean open = true;

    public ByteArrayChannel(byte[] bytes) {
        this(bytes, Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    public ByteArrayChannel(byte[] bytes, int maxBytesPerRead, long failAtOffset) {
        if (maxBytesPerRead < 1) {
            throw new IllegalArgumentException("maxBytesPerRead=" + maxBytesPerRead);
        }
        this.bytes = bytes;
        this.maxBytesPerRead = maxBytesPerRead;
        this.failAtOffset = failAtOffset;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(Math.min(dst.remaining(), maxBytesPerRead), bytes.length - position);
        if (position + n > failAtOffset) {
            throw new IOException("simulated read error at offset " + Math.max(position, failAtOffset));
        }
        dst.put(bytes, (int) position, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
