package org.hapring.io;

import java.nio.file.Path;

/**
 * A file opened by one engine ({@link ReadEngine#open}); pass it to {@link ReadEngine#queue} and close it
 * with {@link ReadEngine#closeFile} once no read on it is in flight.
 *
 * <p>Owned by the engine's owner thread; {@link #path()}, {@link #sizeBytes()} and {@link #direct()} are
 * immutable and may be read by any thread.
 */
public final class FileHandle {
    private final ReadEngine owner;
    private final int slot;
    private final Path path;
    private final long sizeBytes;
    private final boolean direct;
    private boolean open = true;

    FileHandle(ReadEngine owner, int slot, Path path, long sizeBytes, boolean direct) {
        this.owner = owner;
        this.slot = slot;
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.direct = direct;
    }

    public Path path() {
        return path;
    }

    /** The file's size when it was opened. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Whether reads bypass the page cache (O_DIRECT was asked for and granted). */
    public boolean direct() {
        return direct;
    }

    /** The engine's index for this file (the registered-file index for uring). */
    public int slot() {
        return slot;
    }

    public boolean isOpen() {
        return open;
    }

    public ReadEngine owner() {
        return owner;
    }

    void markClosed() {
        open = false;
    }

    @Override
    public String toString() {
        return "FileHandle[path=" + path + " slot=" + slot + " sizeBytes=" + sizeBytes + " direct=" + direct
                + (open ? "" : " closed") + "]";
    }
}
