package org.hapring.playback;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.hapring.prebuffer.LayerIoStats;

/**
 * Latency recorders and histograms with the pre-buffer's range (1 ns .. {@link LayerIoStats#MAX_NANOS}, 3
 * significant digits), so that tick-side and I/O-side latencies merge.
 *
 * <p>Stateless; any thread.
 */
final class LayerIoStatsAccess {
    private LayerIoStatsAccess() {}

    static Recorder recorder() {
        return new Recorder(LayerIoStats.MAX_NANOS, 3);
    }

    static Histogram histogram() {
        return new Histogram(LayerIoStats.MAX_NANOS, 3);
    }
}
