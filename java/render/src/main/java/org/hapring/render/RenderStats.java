package org.hapring.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.hapring.prebuffer.LatencySummary;
import org.hapring.prebuffer.LayerIoStats;

/**
 * The renderer's counters and latencies: per layer the uploads and their CPU time on the render thread; per
 * frame the draw time, the time waited for the GPU to finish an earlier frame, the time in the swap (or flush),
 * and the presentation intervals. A refresh interval in which no new frame was presented
 * counts as a dropped frame: each present that comes {@code n} intervals after the previous one adds
 * {@code n - 1} (the interval is the display's refresh period with vsync, else the frame clock's tick).
 * Recording is wait-free and allocation-free (HdrHistogram recorders, atomic counters); {@link #snapshot} may
 * run on any thread.
 *
 * <p>Written by the render thread; read by any thread.
 */
public final class RenderStats {
    private static final int PRESENTED = 0;
    private static final int DROPPED = 1;
    private static final int LATE_PRESENTS = 2;
    /** Frame intervals kept for the overlay's graph. */
    public static final int GRAPH_FRAMES = 240;

    private final AtomicLongArray counters = new AtomicLongArray(3);
    private final Recorder drawNanos = LayerIoStats.newRecorder();
    private final Histogram drawTotal = LayerIoStats.newHistogram();
    private Histogram drawInterval;
    private final Recorder gpuWaitNanos = LayerIoStats.newRecorder();
    private final Histogram gpuWaitTotal = LayerIoStats.newHistogram();
    private Histogram gpuWaitInterval;
    private final Recorder presentNanos = LayerIoStats.newRecorder();
    private final Histogram presentTotal = LayerIoStats.newHistogram();
    private Histogram presentInterval;
    private final Recorder presentIntervalNanos = LayerIoStats.newRecorder();
    private final Histogram presentIntervalTotal = LayerIoStats.newHistogram();
    private Histogram presentIntervalInterval;
    private LayerUploads[] layers = new LayerUploads[8];
    private final float[] frameMillis = new float[GRAPH_FRAMES];
    private int frameCursor;
    private long lastPresentNanos;

    /** One layer's uploads (render thread writes, snapshot reads). */
    private static final class LayerUploads {
        final Recorder nanos = LayerIoStats.newRecorder();
        final Histogram total = LayerIoStats.newHistogram();
        Histogram interval;
        volatile long uploads;
        volatile long bytes;
    }

    /** Records an upload of {@code textureBytes} taking {@code nanos} on layer {@code layerId} (render thread). */
    public void upload(int layerId, long nanos, long textureBytes) {
        LayerUploads l = layer(layerId);
        l.nanos.recordValue(Math.max(0, Math.min(LayerIoStats.MAX_NANOS, nanos)));
        l.uploads = l.uploads + 1;
        l.bytes = l.bytes + textureBytes;
    }

    /** Records a frame drawn in {@code nanos} (render thread). */
    public void drawn(long nanos) {
        drawNanos.recordValue(Math.max(0, Math.min(LayerIoStats.MAX_NANOS, nanos)));
    }

    /** Records {@code nanos} spent waiting for the GPU to finish an earlier frame (render thread). */
    public void gpuWaited(long nanos) {
        gpuWaitNanos.recordValue(Math.max(0, Math.min(LayerIoStats.MAX_NANOS, nanos)));
    }

    /**
     * Records a present that ended at {@code nowNanos} after {@code presentNanos} in the swap (or flush);
     * {@code refreshNanos} is the interval a frame should last (0: unknown, no drop accounting). Render thread.
     */
    public void presented(long nowNanos, long refreshNanos, long presentNanos) {
        counters.setRelease(PRESENTED, counters.getPlain(PRESENTED) + 1);
        this.presentNanos.recordValue(Math.max(0, Math.min(LayerIoStats.MAX_NANOS, presentNanos)));
        if (lastPresentNanos != 0) {
            long interval = nowNanos - lastPresentNanos;
            presentIntervalNanos.recordValue(Math.max(0, Math.min(LayerIoStats.MAX_NANOS, interval)));
            frameMillis[frameCursor] = interval / 1e6f;
            frameCursor = (frameCursor + 1) % GRAPH_FRAMES;
            if (refreshNanos > 0) {
                long intervals = (interval + refreshNanos / 2) / refreshNanos;
                if (intervals > 1) {
                    counters.setRelease(DROPPED, counters.getPlain(DROPPED) + intervals - 1);
                    counters.setRelease(LATE_PRESENTS, counters.getPlain(LATE_PRESENTS) + 1);
                }
            }
        }
        lastPresentNanos = nowNanos;
    }

    /** Forgets the previous present (after a pause in presenting that is not a drop, e.g. pre-roll). */
    public void restartIntervals() {
        lastPresentNanos = 0;
    }

    /** The frame intervals (ms) of the last {@link #GRAPH_FRAMES} presents, oldest first, into {@code out}. */
    public void frameMillis(float[] out) {
        for (int i = 0; i < GRAPH_FRAMES; i++) {
            out[i] = frameMillis[(frameCursor + i) % GRAPH_FRAMES];
        }
    }

    public long presented() {
        return counters.get(PRESENTED);
    }

    /** Refresh intervals that passed with no new frame presented. */
    public long droppedIntervals() {
        return counters.get(DROPPED);
    }

    private LayerUploads layer(int layerId) {
        LayerUploads[] ls = layers;
        if (layerId >= ls.length) {
            synchronized (this) {
                ls = java.util.Arrays.copyOf(layers, Math.max(layerId + 1, layers.length * 2));
                layers = ls;
            }
        }
        LayerUploads l = ls[layerId];
        if (l == null) {
            synchronized (this) {
                l = new LayerUploads();
                ls[layerId] = l;
            }
        }
        return l;
    }

    /** The counters and latencies now (any thread). */
    public synchronized RenderReport snapshot(String output, String driver, String uploadPath, long ringBusyFallbacks) {
        drawInterval = drawNanos.getIntervalHistogram(drawInterval);
        drawTotal.add(drawInterval);
        gpuWaitInterval = gpuWaitNanos.getIntervalHistogram(gpuWaitInterval);
        gpuWaitTotal.add(gpuWaitInterval);
        presentInterval = presentNanos.getIntervalHistogram(presentInterval);
        presentTotal.add(presentInterval);
        presentIntervalInterval = presentIntervalNanos.getIntervalHistogram(presentIntervalInterval);
        presentIntervalTotal.add(presentIntervalInterval);
        List<RenderReport.LayerUpload> out = new ArrayList<>();
        LayerUploads[] ls = layers;
        for (int i = 0; i < ls.length; i++) {
            LayerUploads l = ls[i];
            if (l == null) {
                continue;
            }
            l.interval = l.nanos.getIntervalHistogram(l.interval);
            l.total.add(l.interval);
            out.add(new RenderReport.LayerUpload(i, l.uploads, l.bytes, LatencySummary.of(l.total)));
        }
        return new RenderReport(
                output,
                driver,
                uploadPath,
                counters.get(PRESENTED),
                counters.get(DROPPED),
                counters.get(LATE_PRESENTS),
                ringBusyFallbacks,
                LatencySummary.of(drawTotal),
                LatencySummary.of(gpuWaitTotal),
                LatencySummary.of(presentTotal),
                LatencySummary.of(presentIntervalTotal),
                out);
    }
}
