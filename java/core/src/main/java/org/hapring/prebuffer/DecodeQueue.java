package org.hapring.prebuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded lock-free queue of slots waiting for a decode worker (Vyukov's bounded MPMC array queue: one
 * sequence number per cell, producers and consumers claim positions with a CAS). Allocation-free.
 *
 * <p>Offered by the I/O thread, polled by the decode workers.
 */
final class DecodeQueue {
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(DecodeQueue.class, "head", long.class);
            TAIL = MethodHandles.lookup().findVarHandle(DecodeQueue.class, "tail", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final FrameSlot[] cells;
    private final AtomicLongArray sequences;
    private final int mask;

    @SuppressWarnings("unused")
    private volatile long head;

    @SuppressWarnings("unused")
    private volatile long tail;

    DecodeQueue(int capacity) {
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity=" + capacity + ": must be a power of two >= 2");
        }
        cells = new FrameSlot[capacity];
        sequences = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            sequences.set(i, i);
        }
        mask = capacity - 1;
    }

    /** Adds a slot; false when the queue is full. */
    boolean offer(FrameSlot slot) {
        while (true) {
            long t = (long) TAIL.getVolatile(this);
            int i = (int) (t & mask);
            long seq = sequences.getAcquire(i);
            if (seq == t) {
                if (TAIL.compareAndSet(this, t, t + 1)) {
                    cells[i] = slot;
                    sequences.setRelease(i, t + 1);
                    return true;
                }
            } else if (seq < t) {
                return false;
            }
        }
    }

    /** Takes the oldest slot, or null when the queue is empty. */
    FrameSlot poll() {
        while (true) {
            long h = (long) HEAD.getVolatile(this);
            int i = (int) (h & mask);
            long seq = sequences.getAcquire(i);
            if (seq == h + 1) {
                if (HEAD.compareAndSet(this, h, h + 1)) {
                    FrameSlot s = cells[i];
                    cells[i] = null;
                    sequences.setRelease(i, h + mask + 1);
                    return s;
                }
            } else if (seq < h + 1) {
                return null;
            }
        }
    }

    boolean isEmpty() {
        return (long) HEAD.getVolatile(this) == (long) TAIL.getVolatile(this);
    }
}
