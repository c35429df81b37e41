package org.hapring.prebuffer;

import java.util.Arrays;
import org.hapring.io.ReadEngine;

/**
 * The I/O thread's planning of one round: for each layer, the frames wanted (the one due now, a pending seek
 * target and its neighbours, then the lookahead the policy chose), recycling of READY slots no longer wanted,
 * then the reads of the missing frames queued nearest first across all planned layers. Allocation-free: the
 * scratch arrays are this object's.
 *
 * <pre>
 *   wanted = [ due now | seek target, +1, +2 (while the seek is pending) | lookahead ... ]
 *   queue order: wanted[0] of every layer, then wanted[1] of every layer, ...
 * </pre>
 *
 * <p>Used by the I/O thread only (it belongs to the {@link Prefetcher}).
 */
final class ReadPlanner {
    private final ReadEngine engine;
    private final BufferingPolicy policy;
    private final long tickPeriodNanos;
    private final int maxTicksAhead;
    private final int hintFrames;
    private final int[] upcomingFrames = new int[2 * LayerRing.MAX_SLOTS];
    private final long[] upcomingDue = new long[2 * LayerRing.MAX_SLOTS];
    private final PrefetchLayer[] planning;
    /** Read bytes in flight over all layers (the budget is {@link BufferingPolicy#maxReadBytesInFlight()}). */
    private long bytesInFlight;

    ReadPlanner(
            ReadEngine engine,
            BufferingPolicy policy,
            long tickPeriodNanos,
            int maxTicksAhead,
            int hintFrames,
            int maxLayers) {
        this.engine = engine;
        this.policy = policy;
        this.tickPeriodNanos = tickPeriodNanos;
        this.maxTicksAhead = maxTicksAhead;
        this.hintFrames = hintFrames;
        this.planning = new PrefetchLayer[maxLayers];
    }

    /** Puts a planned layer at position {@code i} of this round. */
    void add(int i, PrefetchLayer layer) {
        planning[i] = layer;
    }

    /**
     * Queues the missing frames of the planned layers, nearest first across layers: every layer's frame due now
     * (or seek target), then every layer's next one, and so on, so that one layer's read-ahead never delays
     * another layer's urgent frame inside the same submission. Returns whether anything was queued.
     */
    boolean queuePlanned(int planned, int maxIndex, boolean last) {
        boolean queued = false;
        boolean more = planned > 0;
        for (int i = 0; more && i < maxIndex; i++) {
            more = false;
            for (int l = 0; l < planned; l++) {
                PrefetchLayer layer = planning[l];
                if (layer == null || i >= layer.wantedCount) {
                    continue;
                }
                more = true;
                int r = queueWanted(layer, i);
                if (r > 0) {
                    queued = true;
                } else if (r < 0) {
                    planning[l] = null; // no slot, or the engine is full: this layer is done for now
                }
            }
        }
        if (last) {
            Arrays.fill(planning, 0, planned, null);
        }
        return queued;
    }

    /** Reads {@code layer.wanted[i]} if it is missing: 1 queued, 0 nothing to do, -1 cannot (no slot, engine full). */
    private int queueWanted(PrefetchLayer layer, int i) {
        LayerRing ring = layer.ring;
        int f = layer.wanted[i];
        if (ring.find(f) != null) {
            return 0;
        }
        FrameSlot slot = ring.firstFree();
        if (slot == null) {
            slot = evictFarthest(ring, layer.wanted, layer.wantedCount, i);
        }
        if (slot == null) {
            return -1;
        }
        boolean urgent = i == 0 || (i <= hintFrames && layer.hint() != PrefetchLayer.NO_HINT); // due now, seek targets
        if (!urgent && bytesInFlight > 0 && bytesInFlight + layer.table.size(f) > policy.maxReadBytesInFlight()) {
            layer.replan = true; // read-ahead waits for the budget: retry after completions
            return -1;
        }
        if (!queueRead(layer, slot, f, layer.schedule.generation())) {
            layer.replan = true; // the engine is full: retry after completions
            return -1;
        }
        return 1;
    }

    /** A read queued by this planner finished (completed, failed or dropped): its bytes leave the budget. */
    void readDone(FrameSlot slot) {
        bytesInFlight -= slot.readBytesInFlight;
        slot.readBytesInFlight = 0;
    }

    /**
     * Plans one layer from {@code tick}: reports failed slots, works out the frames wanted (due now, a seek
     * target, then the lookahead) and recycles READY slots no longer wanted. Returns whether the layer may read.
     * Allocation-free.
     */
    boolean plan(PrefetchLayer layer, long tick) {
        LayerRing ring = layer.ring;
        for (FrameSlot s : ring.slots) {
            if (s.state() == FrameSlot.FAILED) {
                layer.fail(
                        s.error instanceof PrebufferException p
                                ? p
                                : new PrebufferException(String.valueOf(s.error.getMessage()), s.error));
                s.free();
            }
        }
        if (layer.error() != null) {
            return false;
        }
        FrameSchedule schedule = layer.schedule;
        int k = policy.lookaheadFrames(ring.slotCount(), tickPeriodNanos, layer.latencyEstimateNanos);
        layer.lookaheadFrames = k;
        int n = schedule.upcoming(tick, upcomingFrames, upcomingDue, k + 1, maxTicksAhead);
        int[] wanted = layer.wanted;
        int m = 0;
        if (n > 0) {
            wanted[m++] = upcomingFrames[0];
        }
        long hint = layer.hint();
        if (hint != PrefetchLayer.NO_HINT) {
            if ((hint & Prefetcher.GENERATION_MASK) == (schedule.generation() & Prefetcher.GENERATION_MASK)) {
                int target = (int) (hint >>> 32);
                for (int j = 0; j < hintFrames; j++) {
                    int f = target + j * schedule.direction();
                    if (f >= 0 && f < layer.table.frameCount() && !contains(wanted, m, f)) {
                        wanted[m++] = f;
                    }
                }
            } else {
                layer.clearHint(hint);
            }
        }
        for (int i = 1; i < n; i++) {
            if (!contains(wanted, m, upcomingFrames[i])) {
                wanted[m++] = upcomingFrames[i];
            }
        }
        layer.wantedCount = m;
        for (FrameSlot s : ring.slots) {
            if (s.state() == 0 && !contains(wanted, m, s.frameIndex())) {
                s.tryFree();
            }
        }
        return m > 0;
    }

    /** Frees the READY, unheld slot whose frame is needed last (after position {@code i}); null when none. */
    private static FrameSlot evictFarthest(LayerRing ring, int[] wanted, int m, int i) {
        for (int j = m - 1; j > i; j--) {
            FrameSlot s = ring.find(wanted[j]);
            if (s != null && s.tryFree()) {
                return s;
            }
        }
        return null;
    }

    private boolean queueRead(PrefetchLayer layer, FrameSlot slot, int frame, long generation) {
        slot.claim(frame, generation, System.nanoTime());
        int buffer = layer.ring.buffers() == null
                ? ReadEngine.NO_BUFFER
                : layer.ring.buffers().index(slot.index);
        long userData = ((long) layer.id << 48) | ((long) slot.index << 32) | (generation & Prefetcher.GENERATION_MASK);
        int rc = engine.queue(layer.file, layer.table.offset(frame), layer.table.size(frame), buffer, userData);
        if (rc == ReadEngine.BUSY) {
            slot.free();
            layer.ring.stats.add(LayerIoStats.BUSY_REJECTIONS, 1);
            return false;
        }
        layer.inFlight++;
        slot.readBytesInFlight = layer.table.size(frame);
        bytesInFlight += slot.readBytesInFlight;
        layer.ring.stats.add(LayerIoStats.READS, 1);
        return true;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
