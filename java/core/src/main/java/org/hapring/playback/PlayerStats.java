package org.hapring.playback;

import java.util.List;
import org.hapring.prebuffer.LatencySummary;

/**
 * The whole player at the moment of a {@link Player#snapshot()}: engine, clock, every layer and the totals
 * (for the status line, OSC, the JSON report and benchmarks).
 *
 * @param engine the engine running ({@code uring}, {@code filechannel}, ...)
 * @param fallbackReason why it is not the one asked for, or null
 * @param fps the clock's rate, e.g. {@code 60} or {@code 60000/1001}
 * @param ticks ticks run
 * @param skippedTicks ticks the clock passed while the tick thread was late (dropped on every layer)
 * @param layers per layer, open and closed ones
 * @param acquire every layer's acquire latencies together
 * @param seekToReady every layer's seek-to-ready latencies together
 * @param ioEnterCalls io_uring_enter calls (0 for engines without one)
 * @param offHeapBytes native memory of the rings plus the JVM's direct buffers
 * @param rssBytes the process's resident set (VmRSS)
 *
 * <p>Immutable; any thread.
 */
public record PlayerStats(
        String engine,
        String fallbackReason,
        String fps,
        long ticks,
        long skippedTicks,
        List<LayerStats> layers,
        LatencySummary acquire,
        LatencySummary seekToReady,
        long ioEnterCalls,
        long offHeapBytes,
        long rssBytes) {

    public long shown() {
        return layers.stream().mapToLong(LayerStats::shown).sum();
    }

    public long dropped() {
        return layers.stream().mapToLong(LayerStats::dropped).sum();
    }

    public long wrong() {
        return layers.stream().mapToLong(LayerStats::wrong).sum();
    }

    public long hits() {
        return layers.stream().mapToLong(LayerStats::hits).sum();
    }

    public long misses() {
        return layers.stream().mapToLong(LayerStats::misses).sum();
    }

    /** hits / (hits + misses), 1 when nothing was acquired. */
    public double hitRate() {
        long n = hits() + misses();
        return n == 0 ? 1.0 : (double) hits() / n;
    }

    public double ioEnterPerTick() {
        return ticks == 0 ? 0 : (double) ioEnterCalls / ticks;
    }

    public long bytesRead() {
        return layers.stream().mapToLong(LayerStats::bytesRead).sum();
    }
}
