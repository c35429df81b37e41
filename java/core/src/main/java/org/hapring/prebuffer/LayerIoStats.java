package org.hapring.prebuffer;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The I/O side's counters and latency recorders of one layer. Each counter has one writer thread (the I/O
 * thread, or for the decode counters the decode workers through atomic adds); readers take snapshots from any
 * thread. Recording is wait-free and allocation-free; values beyond {@link #MAX_NANOS} are clamped.
 *
 * <p>Written by the I/O thread and the decode workers; read by any thread.
 */
public final class LayerIoStats {
    /** The largest latency tracked (10 s); larger values are recorded as this. */
    public static final long MAX_NANOS = 10_000_000_000L;

    static final int READS = 0;
    static final int BYTES_READ = 1;
    static final int STALE_DROPPED = 2;
    static final int ZERO_COPY_FRAMES = 3;
    static final int DECODED_FRAMES = 4;
    static final int READ_ERRORS = 5;
    static final int DECODE_ERRORS = 6;
    static final int BUSY_REJECTIONS = 7;
    private static final int COUNT = 8;

    private final AtomicLongArray counters = new AtomicLongArray(COUNT);
    /** Smallest latency told apart: 100 ns (acquires take about a microsecond). */
    public static final long LOWEST_NANOS = 100;
    /** Significant digits kept: 2 (1 % resolution), which keeps each histogram around 20 KB. */
    public static final int DIGITS = 2;

    private final Recorder readNanos = newRecorder();
    private final Recorder decodeNanos = newRecorder();
    private final Histogram readTotal = newHistogram();
    private final Histogram decodeTotal = newHistogram();
    private Histogram readInterval;
    private Histogram decodeInterval;

    /** A wait-free recorder for latencies in nanoseconds (any number of writer threads). */
    public static Recorder newRecorder() {
        return new Recorder(LOWEST_NANOS, MAX_NANOS, DIGITS);
    }

    /** A histogram for latencies in nanoseconds, compatible with {@link #newRecorder()}'s. */
    public static Histogram newHistogram() {
        return new Histogram(LOWEST_NANOS, MAX_NANOS, DIGITS);
    }

    /** Adds {@code delta} to counter {@code i} (single writer: a plain read and a release store). */
    void add(int i, long delta) {
        counters.setRelease(i, counters.getPlain(i) + delta);
    }

    /** Adds {@code delta} to counter {@code i} from one of several writer threads. */
    void addShared(int i, long delta) {
        counters.getAndAdd(i, delta);
    }

    void recordRead(long nanos) {
        readNanos.recordValue(Math.max(0, Math.min(MAX_NANOS, nanos)));
    }

    void recordDecode(long nanos) {
        decodeNanos.recordValue(Math.max(0, Math.min(MAX_NANOS, nanos)));
    }

    public long reads() {
        return counters.get(READS);
    }

    public long bytesRead() {
        return counters.get(BYTES_READ);
    }

    /** Completions that arrived after a seek made them useless, dropped without decoding. */
    public long staleDropped() {
        return counters.get(STALE_DROPPED);
    }

    /** Frames stored uncompressed, shown straight from the read buffer. */
    public long zeroCopyFrames() {
        return counters.get(ZERO_COPY_FRAMES);
    }

    public long decodedFrames() {
        return counters.get(DECODED_FRAMES);
    }

    public long readErrors() {
        return counters.get(READ_ERRORS);
    }

    public long decodeErrors() {
        return counters.get(DECODE_ERRORS);
    }

    /** Reads the engine refused for now (queue full); they are retried on the next plan. */
    public long busyRejections() {
        return counters.get(BUSY_REJECTIONS);
    }

    /** Every read latency recorded so far (submit to completion). Any thread; allocation-free after the first. */
    public synchronized LatencySummary readLatency() {
        readInterval = readNanos.getIntervalHistogram(readInterval);
        readTotal.add(readInterval);
        return LatencySummary.of(readTotal);
    }

    /** Every decode latency recorded so far (hand-off to a worker to ready). */
    public synchronized LatencySummary decodeLatency() {
        decodeInterval = decodeNanos.getIntervalHistogram(decodeInterval);
        decodeTotal.add(decodeInterval);
        return LatencySummary.of(decodeTotal);
    }
}
