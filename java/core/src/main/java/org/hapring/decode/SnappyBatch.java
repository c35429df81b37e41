package org.hapring.decode;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Snappy chunks of one frame, as absolute source and destination addresses, that any number
 * of threads decompress together: each thread {@link #drain}s, claiming entries one at a time
 * from a shared counter, until none is left or one has failed. The arrays grow to the largest
 * chunk count seen and are then reused: nothing is allocated per frame.
 *
 * <p>Filled by the decoder's thread; drained by it and by {@link ChunkDecodeWorkers}' tasks
 * between {@code start} and {@code finish} (the hand-off is a volatile write/read pair there).
 * Read again by the decoder's thread once every drainer is done.
 */
final class SnappyBatch {
    private static final int INITIAL_ENTRIES = 16;

    private long[] sourceAddress = new long[INITIAL_ENTRIES];
    private long[] sourceBytes = new long[INITIAL_ENTRIES];
    private long[] destinationAddress = new long[INITIAL_ENTRIES];
    private long[] destinationBytes = new long[INITIAL_ENTRIES];
    private int[] planChunk = new int[INITIAL_ENTRIES];
    private int count;

    private final AtomicInteger nextEntry = new AtomicInteger();
    private final AtomicInteger failedEntry = new AtomicInteger(-1);
    private volatile Throwable failure;

    void clear() {
        count = 0;
        nextEntry.set(0);
        failedEntry.set(-1);
        failure = null;
    }

    /** Adds chunk {@code chunkIndex} of the plan; the addresses were checked by the caller. */
    void add(int chunkIndex, long sourceAddr, long sourceByteCount, long destinationAddr, long destinationByteCount) {
        if (count == planChunk.length) {
            int capacity = count * 2;
            sourceAddress = Arrays.copyOf(sourceAddress, capacity);
            sourceBytes = Arrays.copyOf(sourceBytes, capacity);
            destinationAddress = Arrays.copyOf(destinationAddress, capacity);
            destinationBytes = Arrays.copyOf(destinationBytes, capacity);
            planChunk = Arrays.copyOf(planChunk, capacity);
        }
        sourceAddress[count] = sourceAddr;
        sourceBytes[count] = sourceByteCount;
        destinationAddress[count] = destinationAddr;
        destinationBytes[count] = destinationByteCount;
        planChunk[count] = chunkIndex;
        count++;
    }

    int count() {
        return count;
    }

    /** Claims and decompresses entries until none is left or one has failed; any thread. */
    void drain() {
        while (failedEntry.get() < 0) {
            int i = nextEntry.getAndIncrement();
            if (i >= count) {
                return;
            }
            try {
                SnappyChunks.uncompress(sourceAddress[i], sourceBytes[i], destinationAddress[i], destinationBytes[i]);
            } catch (Throwable t) {
                // recorded, not thrown: the decoder's thread rethrows it once every drainer is done
                if (failedEntry.compareAndSet(-1, i)) {
                    failure = t;
                }
            }
        }
    }

    /** The plan's chunk index of the entry that failed, or -1 when all succeeded. */
    int failedChunk() {
        int i = failedEntry.get();
        return i < 0 ? -1 : planChunk[i];
    }

    /** Why the failed entry failed, or {@code null}. */
    Throwable failure() {
        return failure;
    }
}
