package org.hapring.io.channel;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.hapring.io.AbstractReadEngine;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineCapabilities;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;

/**
 * The original "before" baseline: {@link #submit()} performs every queued read right there, on the
 * caller's thread, with FileChannel positional reads (pread); {@link #reap} then only hands out the results.
 *
 * <p>Owned by one thread (the I/O thread, or the render thread when measuring the baseline).
 */
public final class SyncEngine extends AbstractReadEngine {
    private final FileChannel[] channels;
    private final IoEngineException[] errors;
    private final int[] transfers;
    private final int[] done;
    private int doneHead;
    private int doneCount;

    public SyncEngine(EngineConfig config, String fallbackReason) {
        super(config, fallbackReason);
        channels = new FileChannel[config.maxFiles()];
        errors = new IoEngineException[config.queueDepth()];
        transfers = new int[config.queueDepth()];
        done = new int[config.queueDepth()];
    }

    @Override
    public String name() {
        return EngineKind.SYNC.cliName();
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(false, false, false, false, true, false, config.queueDepth());
    }

    @Override
    protected Opened openFile(int slot, Path path, OpenOptions options) throws IoEngineException {
        ChannelReads.OpenChannel oc = ChannelReads.open(path, options, name(), config.notices());
        try {
            long size = oc.channel().size();
            channels[slot] = oc.channel();
            return new Opened(size, oc.direct());
        } catch (java.io.IOException e) {
            ChannelReads.closeQuietly(oc.channel());
            throw ChannelReads.toEngineException("open", path, -1, e);
        }
    }

    @Override
    protected void closeFileSlot(int slot) {
        ChannelReads.closeQuietly(channels[slot]);
        channels[slot] = null;
    }

    @Override
    protected int submitRequests(int[] slots, int count) {
        for (int i = 0; i < count; i++) {
            int r = slots[i];
            errors[r] = ChannelReads.readSlot(channels[requests.file(r).slot()], requests, r, transfers);
            readsSubmitted += transfers[r];
            shortReadsResubmitted += Math.max(0, transfers[r] - 1);
            done[(doneHead + doneCount++) % done.length] = r;
        }
        return count;
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
                fail(r, e, handler);
            }
        }
        return delivered;
    }

    @Override
    protected void closeEngine() {}
}
