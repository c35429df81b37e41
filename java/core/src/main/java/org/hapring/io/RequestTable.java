package org.hapring.io;

import java.lang.foreign.MemorySegment;

/**
 * The engine's request slots (fio's io_u array): for each slot the file, the range asked for, the range
 * actually read (the aligned cover under O_DIRECT), the destination buffer, the caller's user data and the
 * progress of short transfers. Slots are allocated once; a free stack hands them out.
 *
 * <pre>
 *   file:   ....[readOffset ........ offset ======= offset+length ........ readOffset+readLength)....
 *   buffer: [0 ........ dataOffset ======= dataOffset+length ........ readLength)
 * </pre>
 *
 * <p>Owned by the engine's owner thread. Pool workers of the filechannel engine read a slot's fields after
 * it was handed to them (executor hand-off) and write only through their own completion queue.
 */
public final class RequestTable {
    /** {@link #advance}: the request's bytes are all there. */
    public static final int DONE = 0;
    /** {@link #advance}: continue at {@link #nextReadOffsetBytes}. */
    public static final int MORE = 1;
    /** {@link #advance}: the file ended before the requested range did. */
    public static final int EOF = 2;

    private final FileHandle[] file;
    private final long[] offsetBytes;
    private final int[] lengthBytes;
    private final int[] bufferIndex;
    private final MemorySegment[] buffer;
    private final long[] userData;
    private final long[] readOffsetBytes;
    private final int[] readLengthBytes;
    private final int[] dataOffsetBytes;
    private final int[] doneBytes;
    private final int[] retries;
    private final int[] free;
    private int freeCount;
    private final int alignmentBytes;

    public RequestTable(int slots, int alignmentBytes) {
        file = new FileHandle[slots];
        offsetBytes = new long[slots];
        lengthBytes = new int[slots];
        bufferIndex = new int[slots];
        buffer = new MemorySegment[slots];
        userData = new long[slots];
        readOffsetBytes = new long[slots];
        readLengthBytes = new int[slots];
        dataOffsetBytes = new int[slots];
        doneBytes = new int[slots];
        retries = new int[slots];
        free = new int[slots];
        for (int i = 0; i < slots; i++) {
            free[i] = slots - 1 - i;
        }
        freeCount = slots;
        this.alignmentBytes = alignmentBytes;
    }

    public int capacity() {
        return free.length;
    }

    /** Slots in use (queued or in flight). */
    public int used() {
        return free.length - freeCount;
    }

    /** Bytes the read of {@code lengthBytes} at {@code offsetBytes} transfers (the aligned cover when direct). */
    public long readLengthFor(long offsetBytes, int lengthBytes, boolean direct) {
        if (!direct) {
            return lengthBytes;
        }
        long a = alignmentBytes;
        long start = offsetBytes & -a;
        long end = (offsetBytes + lengthBytes + a - 1) & -a;
        return end - start;
    }

    /** Takes a free slot and fills it, or returns -1 when none is free. */
    int acquire(FileHandle f, long offset, int length, int bufIndex, MemorySegment buf, long ud) {
        if (freeCount == 0) {
            return -1;
        }
        int r = free[--freeCount];
        file[r] = f;
        offsetBytes[r] = offset;
        lengthBytes[r] = length;
        bufferIndex[r] = bufIndex;
        buffer[r] = buf;
        userData[r] = ud;
        if (f.direct()) {
            long a = alignmentBytes;
            readOffsetBytes[r] = offset & -a;
            readLengthBytes[r] = (int) readLengthFor(offset, length, true);
            dataOffsetBytes[r] = (int) (offset - readOffsetBytes[r]);
        } else {
            readOffsetBytes[r] = offset;
            readLengthBytes[r] = length;
            dataOffsetBytes[r] = 0;
        }
        doneBytes[r] = 0;
        retries[r] = 0;
        return r;
    }

    void release(int r) {
        file[r] = null;
        buffer[r] = null;
        free[freeCount++] = r;
    }

    /**
     * Accounts a transfer of {@code n >= 0} bytes: DONE when the requested bytes are all there, MORE when
     * the rest must be read (at {@link #nextReadOffsetBytes}), EOF when the file ended first (n == 0, or an
     * O_DIRECT transfer that stopped off a block boundary).
     */
    public int advance(int r, int n) {
        if (n <= 0) {
            return EOF;
        }
        int done = doneBytes[r] + n;
        doneBytes[r] = done;
        if (done >= dataOffsetBytes[r] + lengthBytes[r]) {
            return DONE;
        }
        if (file[r].direct() && (done & (alignmentBytes - 1)) != 0) {
            return EOF;
        }
        return MORE;
    }

    /** Counts one retry (EINTR/EAGAIN) of slot {@code r} and returns how many it has had. */
    public int countRetry(int r) {
        return ++retries[r];
    }

    /** Whether any slot in use reads {@code f}. */
    boolean uses(FileHandle f) {
        for (FileHandle h : file) {
            if (h == f) {
                return true;
            }
        }
        return false;
    }

    /** Whether any slot in use reads into buffer indices {@code first .. first+count-1}. */
    boolean usesBuffers(int first, int count) {
        for (int r = 0; r < file.length; r++) {
            if (file[r] != null && bufferIndex[r] >= first && bufferIndex[r] < first + count) {
                return true;
            }
        }
        return false;
    }

    public FileHandle file(int r) {
        return file[r];
    }

    public long offsetBytes(int r) {
        return offsetBytes[r];
    }

    public int lengthBytes(int r) {
        return lengthBytes[r];
    }

    public int bufferIndex(int r) {
        return bufferIndex[r];
    }

    /** The destination buffer (null for zero-copy reads without one). */
    public MemorySegment buffer(int r) {
        return buffer[r];
    }

    public long userData(int r) {
        return userData[r];
    }

    public int dataOffsetBytes(int r) {
        return dataOffsetBytes[r];
    }

    public int doneBytes(int r) {
        return doneBytes[r];
    }

    /** File offset of the next transfer of slot {@code r}. */
    public long nextReadOffsetBytes(int r) {
        return readOffsetBytes[r] + doneBytes[r];
    }

    /** Length of the next transfer of slot {@code r}. */
    public int nextReadLengthBytes(int r) {
        return readLengthBytes[r] - doneBytes[r];
    }

    /** File offset where the data of slot {@code r} ended (for EOF messages). */
    public long endOffsetBytes(int r) {
        return readOffsetBytes[r] + doneBytes[r];
    }
}
