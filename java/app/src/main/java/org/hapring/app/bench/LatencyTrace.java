package org.hapring.app.bench;

import java.util.Arrays;

/**
 * Latencies over time within one run: for each event (an unpaced tick, a paced acquire) when it happened,
 * relative to the run's start, and how long it took. Growable primitive arrays (a doubling copy now and then,
 * nothing per event); percentiles are exact (a sorted copy).
 *
 * <p>Filled by one thread (the measuring thread); read after the run by any thread.
 */
public final class LatencyTrace {
    private long[] atNanos = new long[1024];
    private long[] latencyNanos = new long[1024];
    private int count;

    public void add(long atNanosSinceStart, long latencyNanosValue) {
        if (count == atNanos.length) {
            atNanos = Arrays.copyOf(atNanos, count * 2);
            latencyNanos = Arrays.copyOf(latencyNanos, count * 2);
        }
        atNanos[count] = atNanosSinceStart;
        latencyNanos[count] = latencyNanosValue;
        count++;
    }

    public int count() {
        return count;
    }

    public long atNanos(int i) {
        return atNanos[i];
    }

    public long latencyNanos(int i) {
        return latencyNanos[i];
    }

    /**
     * The {@code p}-th percentile (0..100, nearest rank) of the latencies in microseconds; NaN without events.
     */
    public double percentileMicros(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(latencyNanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e3;
    }

    /**
     * At most {@code buckets} points for a chart: the events split into equal time windows, each giving its
     * window's end (milliseconds since the start) and its largest latency (microseconds), so that spikes stay
     * visible after thinning. Empty windows are left out.
     */
    public double[][] maxPerWindow(int buckets) {
        if (count == 0 || buckets < 1) {
            return new double[2][0];
        }
        long end = atNanos[count - 1] + 1;
        double[] t = new double[buckets];
        double[] v = new double[buckets];
        boolean[] seen = new boolean[buckets];
        for (int i = 0; i < count; i++) {
            int b = (int) Math.min(buckets - 1, atNanos[i] * buckets / end);
            v[b] = Math.max(v[b], latencyNanos[i] / 1e3);
            seen[b] = true;
        }
        int n = 0;
        for (int b = 0; b < buckets; b++) {
            if (seen[b]) {
                t[n] = (double) end * (b + 1) / buckets / 1e6;
                v[n] = v[b];
                n++;
            }
        }
        return new double[][] {Arrays.copyOf(t, n), Arrays.copyOf(v, n)};
    }
}
