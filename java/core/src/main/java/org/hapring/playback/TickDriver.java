package org.hapring.playback;

import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link Player} from a {@link FrameClock} in real time on its own thread, which becomes the tick
 * thread: sleeps until each tick is due, runs it, and when it wakes more than a whole tick late, skips the
 * ticks it missed (counted as dropped on every layer) rather than running them in a burst.
 *
 * <p>{@link #start} and {@link #stop} from a control thread; the loop runs on the driver's thread.
 */
public final class TickDriver implements AutoCloseable {
    private final Player player;
    private final FrameClock clock;
    private final long endTick;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    /** Runs ticks {@code 0 .. endTick - 1} of {@code clock} ({@code endTick = Long.MAX_VALUE}: until stopped). */
    public TickDriver(Player player, FrameClock clock, long endTick) {
        this.player = player;
        this.clock = clock;
        this.endTick = endTick;
        this.thread = new Thread(this::run, "hapring-tick");
        this.thread.setDaemon(true);
    }

    public TickDriver start() {
        thread.start();
        return this;
    }

    private void run() {
        try {
            long tick = 0;
            while (running && tick < endTick) {
                long due = clock.tickDueNanos(tick);
                long now;
                while ((now = System.nanoTime()) < due && running) {
                    LockSupport.parkNanos(due - now);
                }
                long reached = clock.tickAt(now);
                if (reached > tick) {
                    long skip = Math.min(reached, endTick) - tick;
                    player.skipTicks(skip);
                    tick += skip;
                    if (tick >= endTick) {
                        break;
                    }
                }
                player.tick(tick);
                tick++;
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /** What stopped the tick thread early, or null. */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits for the last tick (or {@code timeoutMillis}); true when the driver finished. */
    public boolean join(long timeoutMillis) throws InterruptedException {
        thread.join(timeoutMillis);
        return !thread.isAlive();
    }

    /** Stops after the tick in progress and waits for the thread. */
    public void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
