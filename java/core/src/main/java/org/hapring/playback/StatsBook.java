package org.hapring.playback;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.hapring.prebuffer.LatencySummary;
import org.hapring.prebuffer.LayerIoStats;
import org.hapring.prebuffer.OnDemandReader;

/**
 * The player's record of its layers for {@link Player#snapshot()}: the live layers, and for closed ones their
 * last stats and their latencies merged (the layer objects themselves are let go, so a long show that opens
 * and closes layers keeps a bounded heap). A layer moves from live to closed atomically, so a snapshot counts
 * it exactly once.
 *
 * <p>Control threads register and retire layers; any thread collects.
 */
final class StatsBook {
    /** Every layer's stats and the merged latencies, at one moment. */
    record Collected(List<LayerStats> layers, LatencySummary acquire, LatencySummary seekToReady, long ringBytes) {}

    private final FrameSink sink;
    private final List<Layer> live = new ArrayList<>();
    private final List<LayerStats> closed = new ArrayList<>();
    private final Histogram closedAcquire = LayerIoStats.newHistogram();
    private final Histogram closedSeek = LayerIoStats.newHistogram();

    StatsBook(FrameSink sink) {
        this.sink = sink;
    }

    synchronized void register(Layer l) {
        live.add(l);
    }

    synchronized List<Layer> live() {
        return List.copyOf(live);
    }

    /** Keeps a closed layer's last stats and latencies, and lets the layer go. */
    void retire(Layer l) {
        LayerStats last = stats(l);
        synchronized (this) {
            closed.add(last);
            l.addLatencies(closedAcquire, closedSeek);
            live.remove(l);
        }
    }

    Collected collect() {
        List<Layer> all;
        List<LayerStats> out;
        Histogram acquire = LayerIoStats.newHistogram();
        Histogram seek = LayerIoStats.newHistogram();
        synchronized (this) {
            all = List.copyOf(live);
            out = new ArrayList<>(closed);
            acquire.add(closedAcquire);
            seek.add(closedSeek);
        }
        long ringBytes = 0;
        for (Layer l : all) {
            LayerStats ls = stats(l);
            if (!l.removed) {
                ringBytes += ls.offHeapBytes();
            }
            out.add(ls);
            l.addLatencies(acquire, seek);
        }
        return new Collected(out, LatencySummary.of(acquire), LatencySummary.of(seek), ringBytes);
    }

    private LayerStats stats(Layer l) {
        long wrong = sink instanceof FrameVerifier v ? v.wrongFrames(l.id) : 0;
        if (l.source instanceof FrameSource.Prefetched p) {
            return l.stats(
                    wrong,
                    p.layer().ring().slotCount(),
                    p.layer().lookaheadFrames(),
                    p.layer().ring().offHeapBytes());
        }
        OnDemandReader r = ((FrameSource.OnDemand) l.source).reader();
        return l.stats(wrong, r.ring().slotCount(), 0, r.ring().offHeapBytes());
    }
}
