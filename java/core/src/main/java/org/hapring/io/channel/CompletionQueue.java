package org.hapring.io.channel;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded multi-producer, single-consumer queue of finished request slots, allocation-free: producers
 * claim a sequence number, then publish {@code slot + 1} into its cell with a release store; the consumer
 * reads cells in sequence order with acquire loads. A semaphore counts published cells so the consumer can
 * wait with a timeout. Capacity is the engine's queue depth: no more completions can be outstanding.
 *
 * <p>{@link #publish} is called by pool workers; {@link #poll} and {@link #await} by the engine's owner only.
 */
final class CompletionQueue {
    private final AtomicIntegerArray cells;
    private final AtomicLong tail = new AtomicLong();
    private final Semaphore published = new Semaphore(0);
    private long head;

    CompletionQueue(int capacity) {
        cells = new AtomicIntegerArray(capacity);
    }

    /** Pool worker: makes slot {@code r} available to the owner. */
    void publish(int r) {
        long seq = tail.getAndIncrement();
        cells.setRelease((int) (seq % cells.length()), r + 1);
        published.release();
    }

    /**
     * Owner: waits up to {@code timeoutNanos} for one published slot (0: do not wait) and takes it; -1 when
     * none came in time or the thread was interrupted (its flag is then set again).
     */
    int await(long timeoutNanos) {
        try {
            boolean got = timeoutNanos <= 0
                    ? published.tryAcquire()
                    : published.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
            return got ? poll() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Owner, holding a permit: takes the next cell; its producer may still be between claim and publish. */
    private int poll() {
        int i = (int) (head % cells.length());
        int v;
        while ((v = cells.getAcquire(i)) == 0) {
            Thread.onSpinWait();
        }
        cells.set(i, 0);
        head++;
        return v - 1;
    }
}
