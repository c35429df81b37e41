package org.hapring.render;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Count, median, 99th percentile and maximum of a latency histogram, nanoseconds (2 significant digits).
 *
 * <p>Immutable; any thread.
 */
public record Latency(long count, long p50Nanos, long p99Nanos, long maxNanos) {
    public static final Latency EMPTY = new Latency(0, 0, 0, 0);
    /** Largest latency tracked (10 s); larger values are recorded as this. */
    static final long MAX_NANOS = 10_000_000_000L;

    static Recorder newRecorder() {
        return new Recorder(100, MAX_NANOS, 2);
    }

    static Histogram newHistogram() {
        return new Histogram(100, MAX_NANOS, 2);
    }

    static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        return new Latency(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue());
    }

    public double p99Micros() {
        return p99Nanos / 1e3;
    }

    public double p50Micros() {
        return p50Nanos / 1e3;
    }
}
