package org.hapring.agent;

import java.util.concurrent.locks.LockSupport;

/**
 * Spins {@code maxSpins} times, yields {@code maxYields} times, then parks for a period that doubles from
 * {@code minParkNanos} to {@code maxParkNanos}. Allocation-free. On a machine with few cores keep the spins
 * low: spinning steals the CPU from the threads that would produce the work.
 *
 * <p>One instance per thread.
 */
public final class BackoffIdleStrategy implements IdleStrategy {
    private final int maxSpins;
    private final int maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;
    private int spins;
    private int yields;
    private long parkNanos;

    public BackoffIdleStrategy(int maxSpins, int maxYields, long minParkNanos, long maxParkNanos) {
        if (maxSpins < 0 || maxYields < 0 || minParkNanos < 1 || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException("maxSpins=" + maxSpins + " maxYields=" + maxYields + " minParkNanos="
                    + minParkNanos + " maxParkNanos=" + maxParkNanos + ": need spins, yields >= 0 and 1 <= min <= max");
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        reset();
    }

    @Override
    public void idle(int workCount) {
        if (workCount > 0) {
            reset();
            return;
        }
        if (spins < maxSpins) {
            spins++;
            Thread.onSpinWait();
        } else if (yields < maxYields) {
            yields++;
            Thread.yield();
        } else {
            LockSupport.parkNanos(parkNanos);
            parkNanos = Math.min(maxParkNanos, parkNanos << 1);
        }
    }

    @Override
    public void reset() {
        spins = 0;
        yields = 0;
        parkNanos = minParkNanos;
    }
}
