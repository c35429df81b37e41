package org.hapring.playback;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.hapring.mov.SampleTable;
import org.hapring.prebuffer.LatencySummary;
import org.hapring.prebuffer.LayerIoStats;
import org.hapring.prebuffer.ReadyFrame;

/**
 * One layer on the tick side: its schedule, the frame on screen (held), the miss policy and the tick-side
 * counters. {@link #tick} is allocation-free: a scan of the ring for the due frame, a release of the previous
 * one, a histogram record (wait-free) and the sink's call.
 *
 * <p>Threads: {@link #tick} and the commands run on the tick thread; the counters and histograms are read by
 * any thread ({@link #stats}).
 */
final class Layer {
    static final int TICKS = 0;
    static final int SHOWN = 1;
    static final int DROPPED = 2;
    static final int HITS = 3;
    static final int MISSES = 4;

    final int id;
    final Path file;
    final SampleTable table;
    final FrameSource source;
    final LayerIoStats ioStats;
    final double nativeFramesPerTick;
    private final MissPolicy missPolicy;
    private final long missDeadlineNanos;
    private final AtomicLongArray counters = new AtomicLongArray(5);
    private final Recorder acquireNanos = LayerIoStats.newRecorder();
    private final Recorder seekNanos = LayerIoStats.newRecorder();
    private final Histogram acquireTotal = LayerIoStats.newHistogram();
    private final Histogram seekTotal = LayerIoStats.newHistogram();
    private Histogram acquireInterval;
    private Histogram seekInterval;

    /** Written by the tick thread; read by control threads to build seek hints. */
    volatile LayerSchedule schedule;

    private ReadyFrame current;
    private long seekPostedNanos = -1;
    private long seekGeneration;
    volatile boolean removed;

    Layer(
            int id,
            SampleTable table,
            FrameSource source,
            LayerIoStats ioStats,
            LayerSchedule schedule,
            double nativeFramesPerTick,
            MissPolicy missPolicy,
            long missDeadlineNanos) {
        this.id = id;
        this.file = table.file();
        this.table = table;
        this.source = source;
        this.ioStats = ioStats;
        this.schedule = schedule;
        this.nativeFramesPerTick = nativeFramesPerTick;
        this.missPolicy = missPolicy;
        this.missDeadlineNanos = missDeadlineNanos;
    }

    /** Applies a new schedule (tick thread); {@code seekPostedNanos >= 0} starts a seek-to-ready measurement. */
    void apply(LayerSchedule s, long postedNanos) {
        schedule = s;
        source.schedule(s);
        if (postedNanos >= 0) {
            seekPostedNanos = postedNanos;
            seekGeneration = s.generation();
        }
    }

    /** Shows the frame due at {@code tick} (tick thread). */
    void tick(long tick, FrameSink sink) {
        LayerSchedule s = schedule;
        int due = s.frameAt(tick);
        add(TICKS);
        if (current == null || current.frameIndex() != due) {
            long start = System.nanoTime();
            ReadyFrame f = source.acquire(due);
            if (f == null && missPolicy == MissPolicy.WAIT_WITHIN_DEADLINE && source.error() == null) {
                f = waitFor(due, start + missDeadlineNanos);
                add(MISSES);
            } else {
                add(f != null ? HITS : MISSES);
            }
            acquireNanos.recordValue(Math.min(LayerIoStats.MAX_NANOS, System.nanoTime() - start));
            if (f != null) {
                if (current != null) {
                    current.release();
                }
                current = f;
                if (seekPostedNanos >= 0 && s.generation() == seekGeneration) {
                    seekNanos.recordValue(
                            Math.max(0, Math.min(LayerIoStats.MAX_NANOS, f.readyNanos() - seekPostedNanos)));
                    seekPostedNanos = -1;
                }
            }
        }
        add(current != null && current.frameIndex() == due ? SHOWN : DROPPED);
        sink.show(id, tick, due, current);
    }

    private ReadyFrame waitFor(int due, long deadlineNanos) {
        source.urgent();
        ReadyFrame f = null;
        while (f == null && System.nanoTime() < deadlineNanos && source.error() == null) {
            Thread.onSpinWait();
            f = source.acquire(due);
        }
        return f;
    }

    /** Ticks the clock passed without running: dropped for this layer (tick thread). */
    void skipped(long ticks) {
        counters.setRelease(TICKS, counters.getPlain(TICKS) + ticks);
        counters.setRelease(DROPPED, counters.getPlain(DROPPED) + ticks);
    }

    /** Lets go of the frame on screen (tick thread, when the layer is removed). */
    void releaseCurrent() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    private void add(int i) {
        counters.setRelease(i, counters.getPlain(i) + 1);
    }

    long counter(int i) {
        return counters.get(i);
    }

    /** This layer's stats (any thread). */
    synchronized LayerStats stats(long wrong, int slots, int lookahead, long offHeapBytes) {
        collect();
        var error = source.error();
        return new LayerStats(
                id,
                file.toString(),
                counter(TICKS),
                counter(SHOWN),
                counter(DROPPED),
                wrong,
                counter(HITS),
                counter(MISSES),
                LatencySummary.of(acquireTotal),
                LatencySummary.of(seekTotal),
                ioStats.readLatency(),
                ioStats.decodeLatency(),
                ioStats.reads(),
                ioStats.bytesRead(),
                ioStats.staleDropped(),
                lookahead,
                slots,
                offHeapBytes,
                error == null ? null : error.getMessage());
    }

    private void collect() {
        acquireInterval = acquireNanos.getIntervalHistogram(acquireInterval);
        acquireTotal.add(acquireInterval);
        seekInterval = seekNanos.getIntervalHistogram(seekInterval);
        seekTotal.add(seekInterval);
    }

    synchronized void addLatencies(Histogram acquire, Histogram seek) {
        collect();
        acquire.add(acquireTotal);
        seek.add(seekTotal);
    }
}
