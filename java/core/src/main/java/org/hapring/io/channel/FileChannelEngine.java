package org.hapring.io.channel;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hapring.io.AbstractReadEngine;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineCapabilities;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;

/**
 * A pool of {@link EngineConfig#poolThreads()} threads doing FileChannel positional reads into the
 * requests' direct buffers (the path for non-Linux systems and where io_uring is blocked). {@link #submit()}
 * hands each queued slot to the pool (a task object made once per slot); workers publish finished slots
 * to a {@link CompletionQueue}; {@link #reap} delivers them. Optional O_DIRECT via
 * {@code ExtendedOpenOption.DIRECT}.
 *
 * <p>Owned by one thread (the I/O thread); the pool's worker threads ("hapring-io-pool-N") only run reads.
 */
public final class FileChannelEngine extends AbstractReadEngine {
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final FileChannel[] channels;
    private final IoEngineException[] errors;
    private final int[] transfers;
    private final Runnable[] tasks;
    private final CompletionQueue completions;
    private final ThreadPoolExecutor pool;

    public FileChannelEngine(EngineConfig config, String fallbackReason) {
        super(config, fallbackReason);
        int depth = config.queueDepth();
        channels = new FileChannel[config.maxFiles()];
        errors = new IoEngineException[depth];
        transfers = new int[depth];
        completions = new CompletionQueue(depth);
        tasks = new Runnable[depth];
        for (int i = 0; i < depth; i++) {
            int r = i;
            tasks[i] = () -> runRead(r);
        }
        int poolId = POOL_IDS.incrementAndGet();
        AtomicInteger threadIds = new AtomicInteger();
        ThreadFactory factory = run -> {
            Thread t = new Thread(run, "hapring-io-pool-" + poolId + "-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(
                config.poolThreads(),
                config.poolThreads(),
                0,
                TimeUnit.NANOSECONDS,
                new ArrayBlockingQueue<>(depth),
                factory);
    }

    @Override
    public String name() {
        return EngineKind.FILECHANNEL.cliName();
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(true, false, false, false, true, false, config.queueDepth());
    }

    /**
     * Worker thread: reads slot {@code r} and publishes it, always: an unchecked failure (for example a
     * WrongThreadException from a buffer of a confined arena) becomes the read's error instead of a lost
     * completion that the owner would wait for forever.
     */
    private void runRead(int r) {
        try {
            errors[r] = ChannelReads.readSlot(channels[requests.file(r).slot()], requests, r, transfers);
        } catch (RuntimeException | Error e) {
            errors[r] = new IoEngineException(
                    IoEngineException.Kind.OTHER,
                    "read",
                    0,
                    requests.file(r).path(),
                    requests.offsetBytes(r),
                    "the read failed on a pool thread: " + e
                            + (e instanceof WrongThreadException
                                    ? " (the buffer's arena must be shared, not confined)"
                                    : ""),
                    e);
        } finally {
            completions.publish(r);
        }
    }

    @Override
    protected Opened openFile(int slot, Path path, OpenOptions options) throws IoEngineException {
        ChannelReads.OpenChannel oc = ChannelReads.open(path, options, name(), config.notices());
        try {
            long size = oc.channel().size();
            channels[slot] = oc.channel();
            return new Opened(size, oc.direct());
        } catch (IOException e) {
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
            pool.execute(tasks[slots[i]]);
        }
        readsSubmitted += count;
        return count;
    }

    @Override
    protected int reapCompletions(int minEvents, int maxEvents, long timeoutNanos, CompletionHandler handler) {
        long deadline = System.nanoTime() + timeoutNanos;
        int delivered = 0;
        while (delivered < maxEvents) {
            long wait = delivered < minEvents ? deadline - System.nanoTime() : 0;
            int r = completions.await(wait);
            if (r < 0) {
                break;
            }
            delivered++;
            readsSubmitted += Math.max(0, transfers[r] - 1);
            shortReadsResubmitted += Math.max(0, transfers[r] - 1);
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
    protected void closeEngine() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(config.closeDrainTimeoutNanos(), TimeUnit.NANOSECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every pool thread has ended (after {@link #close()}). */
    public boolean isTerminated() {
        return pool.isTerminated();
    }
}
