package org.hapring.prebuffer;

import org.HdrHistogram.Histogram;

/**
 * Count, median, 99th percentile and maximum of a latency histogram, in nanoseconds (HdrHistogram with
 * {@link LayerIoStats#DIGITS} significant digits: values are exact to about 1 %).
 *
 * <p>Immutable; any thread.
 */
public record LatencySummary(long count, long p50Nanos, long p99Nanos, long maxNanos) {
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);

    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(
                h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
    }

    public double p50Micros() {
        return p50Nanos / 1e3;
    }

    public double p99Micros() {
        return p99Nanos / 1e3;
    }

    public double maxMicros() {
        return maxNanos / 1e3;
    }
}
