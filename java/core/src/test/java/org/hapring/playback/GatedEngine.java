package org.hapring.playback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import org.hapring.io.AbstractReadEngine;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineCapabilities;
import org.hapring.io.EngineConfig;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;

/**
 * A test engine whose reads complete only while its gate is open: the test decides when data arrives (a slow
 * disk, a stalled read) and everything stays deterministic. Reads are real positional reads of the file, done
 * when delivered; a range past the end completes with the same UNEXPECTED_EOF as the real engines.
 *
 * <p>Owned by one thread (the I/O thread, or the test thread driving a manual player); {@link #gate} may be
 * called from any thread.
 */
final class GatedEngine extends AbstractReadEngine {
    private final FileChannel[] channels;
    private final ArrayDeque<Integer> submitted = new ArrayDeque<>();
    private boolean open = true;

    GatedEngine(EngineConfig config) {
        super(config, null);
        channels = new FileChannel[config.maxFiles()];
    }

    /**
     * Lets reads complete (true) or holds them back (false). Synchronized with delivery: once
     * {@code gate(false)} returns, no completion is being delivered and none will be until the gate opens.
     */
    synchronized void gate(boolean open) {
        this.open = open;
    }

    synchronized int pending() {
        return submitted.size();
    }

    @Override
    public String name() {
        return "gated";
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(true, true, false, false, false, false, config.queueDepth());
    }

    @Override
    protected Opened openFile(int slot, Path path, OpenOptions options) throws IoEngineException {
        try {
            channels[slot] = FileChannel.open(path, StandardOpenOption.READ);
            return new Opened(channels[slot].size(), false);
        } catch (IOException e) {
            throw new IoEngineException(IoEngineException.Kind.OTHER, "open", 0, path, -1, e.toString(), e);
        }
    }

    @Override
    protected void closeFileSlot(int slot) {
        try {
            channels[slot].close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        channels[slot] = null;
    }

    @Override
    protected synchronized int submitRequests(int[] slots, int count) {
        for (int i = 0; i < count; i++) {
            submitted.add(slots[i]);
        }
        readsSubmitted += count;
        return count;
    }

    @Override
    protected synchronized int reapCompletions(
            int minEvents, int maxEvents, long timeoutNanos, CompletionHandler handler) {
        int n = 0;
        while (open && n < maxEvents && !submitted.isEmpty()) {
            int r = submitted.poll();
            n++;
            ByteBuffer dst = requests.buffer(r)
                    .asSlice(requests.dataOffsetBytes(r), requests.lengthBytes(r))
                    .asByteBuffer();
            try {
                FileChannel ch = channels[requests.file(r).slot()];
                while (dst.hasRemaining()) {
                    if (ch.read(dst, requests.offsetBytes(r) + dst.position()) <= 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                fail(
                        r,
                        new IoEngineException(
                                IoEngineException.Kind.IO_ERROR,
                                "read",
                                0,
                                requests.file(r).path(),
                                requests.offsetBytes(r),
                                e.toString(),
                                e),
                        handler);
                continue;
            }
            if (dst.hasRemaining()) {
                fail(r, eofError(r), handler);
            } else {
                complete(r, handler);
            }
        }
        return n;
    }

    @Override
    protected void closeEngine() {}
}
