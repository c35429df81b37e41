package org.hapring.io.mmap;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hapring.io.AbstractReadEngine;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineCapabilities;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;

/**
 * The original design's {@code hapMemoryMap} option: each file is mapped once (FileChannel.map into a
 * shared Arena per file) and a "read" completes with a slice of the mapping, without copying
 * ({@link EngineCapabilities#zeroCopy()}; no destination buffer is needed: pass
 * {@link org.hapring.io.ReadEngine#NO_BUFFER}). At submit the engine checks the range against the file's
 * current size (a file truncated under a mapping would fault on access) and touches the pages
 * ({@link MemorySegment#load()}) so that page faults happen on the I/O thread, not on the thread that
 * later reads the slice. Slices stay valid until the file is closed; if the file is truncated after that,
 * reading a slice beyond the new end raises {@link InternalError} (the JVM's translation of SIGBUS), never
 * a crash.
 *
 * <p>Owned by one thread (the I/O thread); the slices it delivers may be read by any thread.
 */
public final class MmapEngine extends AbstractReadEngine {
    private final FileChannel[] channels;
    private final Arena[] arenas;
    private final MemorySegment[] mappings;
    private final MemorySegment[] data;
    private final IoEngineException[] errors;
    private final int[] done;
    private int doneHead;
    private int doneCount;

    public MmapEngine(EngineConfig config, String fallbackReason) {
        super(config, fallbackReason);
        channels = new FileChannel[config.maxFiles()];
        arenas = new Arena[config.maxFiles()];
        mappings = new MemorySegment[config.maxFiles()];
        data = new MemorySegment[config.queueDepth()];
        errors = new IoEngineException[config.queueDepth()];
        done = new int[config.queueDepth()];
    }

    @Override
    public String name() {
        return EngineKind.MMAP.cliName();
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(false, false, false, false, false, true, config.queueDepth());
    }

    @Override
    protected boolean requiresBuffer() {
        return false;
    }

    @Override
    protected Opened openFile(int slot, Path path, OpenOptions options) throws IoEngineException {
        if (options.direct()) {
            notice("mmap: O_DIRECT does not apply to a mapped file; " + path + " is read through the page cache;"
                    + " fix: use --engine uring or filechannel for O_DIRECT");
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new IoEngineException(IoEngineException.Kind.NOT_FOUND, "open", 0, path, -1, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new IoEngineException(IoEngineException.Kind.PERMISSION, "open", 0, path, -1, "access denied", e);
        } catch (IOException e) {
            throw new IoEngineException(IoEngineException.Kind.OTHER, "open", 0, path, -1, e.toString(), e);
        }
        Arena arena = Arena.ofShared();
        try {
            long size = ch.size();
            mappings[slot] = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
            channels[slot] = ch;
            arenas[slot] = arena;
            return new Opened(size, false);
        } catch (IOException | RuntimeException e) {
            arena.close();
            try {
                ch.close();
            } catch (IOException ignored) {
                // the channel was only used to map
            }
            throw new IoEngineException(IoEngineException.Kind.OTHER, "mmap", 0, path, -1, e.toString(), e);
        }
    }

    @Override
    protected void closeFileSlot(int slot) {
        mappings[slot] = null;
        arenas[slot].close();
        arenas[slot] = null;
        try {
            channels[slot].close();
        } catch (IOException ignored) {
            // read-only channel
        }
        channels[slot] = null;
    }

    @Override
    protected int submitRequests(int[] slots, int count) {
        for (int i = 0; i < count; i++) {
            int r = slots[i];
            int f = requests.file(r).slot();
            long off = requests.offsetBytes(r);
            int len = requests.lengthBytes(r);
            try {
                long sizeNow = channels[f].size();
                long end = Math.min(sizeNow, mappings[f].byteSize());
                if (off + len > end) {
                    errors[r] = IoEngineException.unexpectedEof(requests.file(r).path(), off, len, Math.max(off, end));
                } else {
                    MemorySegment slice = mappings[f].asSlice(off, len);
                    slice.load();
                    data[r] = slice;
                }
            } catch (IOException e) {
                errors[r] = new IoEngineException(
                        IoEngineException.Kind.OTHER,
                        "read",
                        0,
                        requests.file(r).path(),
                        off,
                        e.toString(),
                        e);
            } catch (InternalError e) {
                // the JVM turns SIGBUS on a mapped page beyond a shrunken file into this
                errors[r] = new IoEngineException(
                        IoEngineException.Kind.UNEXPECTED_EOF,
                        "read",
                        0,
                        requests.file(r).path(),
                        off,
                        "the file shrank under its mapping while the pages were loaded",
                        e);
            }
            done[(doneHead + doneCount++) % done.length] = r;
        }
        readsSubmitted += count;
        return count;
    }

    @Override
    protected MemorySegment dataOf(int r) {
        MemorySegment d = data[r];
        data[r] = null;
        return d;
    }

    @Override
    protected int reapCompletions(int minEvents, int maxEvents, long timeoutNanos, CompletionHandler handler) {
        int delivered = 0;
        while (doneCount > 0 && delivered < maxEvents) {
            int r = done[doneHead];
            doneHead = (doneHead + 1) % done.length;
            doneCount--;
            delivered++;
            IoEngineException e = errors[r];
            errors[r] = null;
            if (e == null) {
                complete(r, handler);
            } else {
                data[r] = null;
                fail(r, e, handler);
            }
        }
        return delivered;
    }

    @Override
    protected void closeEngine() {}
}
