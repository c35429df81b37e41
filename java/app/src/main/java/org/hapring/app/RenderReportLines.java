package org.hapring.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hapring.prebuffer.LatencySummary;
import org.hapring.render.RenderReport;

/**
 * The renderer's part of the play report: the {@code render} object of {@code --stats-json} (output, driver,
 * upload path, presented frames, dropped refresh intervals, draw and present-interval latencies, per-layer
 * uploads) and the lines of the printed summary.
 *
 * <p>Stateless; called on the main thread.
 */
final class RenderReportLines {
    private RenderReportLines() {}

    static Map<String, Object> json(RenderReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", r.output());
        m.put("driver", r.driver());
        m.put("uploadPath", r.uploadPath());
        m.put("presented", r.presented());
        m.put("droppedIntervals", r.droppedIntervals());
        m.put("latePresents", r.latePresents());
        m.put("ringBusyFallbacks", r.ringBusyFallbacks());
        m.put("drawMicros", micros(r.draw()));
        m.put("gpuWaitMicros", micros(r.gpuWait()));
        m.put("presentMicros", micros(r.present()));
        m.put("presentIntervalMicros", micros(r.presentInterval()));
        List<Map<String, Object>> layers = new ArrayList<>();
        for (RenderReport.LayerUpload u : r.layers()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("layerId", u.layerId());
            l.put("uploads", u.uploads());
            l.put("bytes", u.bytes());
            l.put("uploadMicros", micros(u.upload()));
            layers.add(l);
        }
        m.put("layers", layers);
        return m;
    }

    static List<String> summary(RenderReport r) {
        List<String> lines = new ArrayList<>();
        lines.add("render: " + r.output() + "; " + r.driver() + "; upload=" + r.uploadPath());
        lines.add(String.format(
                Locale.ROOT,
                "        presented=%d droppedIntervals=%d draw p50/p99=%.2f/%.2f ms gpu wait p50/p99=%.2f/%.2f ms"
                        + " present p50/p99=%.2f/%.2f ms present interval p50/p99=%.2f/%.2f ms%s",
                r.presented(),
                r.droppedIntervals(),
                r.draw().p50Nanos() / 1e6,
                r.draw().p99Nanos() / 1e6,
                r.gpuWait().p50Nanos() / 1e6,
                r.gpuWait().p99Nanos() / 1e6,
                r.present().p50Nanos() / 1e6,
                r.present().p99Nanos() / 1e6,
                r.presentInterval().p50Nanos() / 1e6,
                r.presentInterval().p99Nanos() / 1e6,
                r.ringBusyFallbacks() == 0 ? "" : " ringBusyFallbacks=" + r.ringBusyFallbacks()));
        StringBuilder uploads = new StringBuilder("        upload p50/p99 per layer:");
        for (RenderReport.LayerUpload u : r.layers()) {
            uploads.append(String.format(
                    Locale.ROOT,
                    " %d=%.0f/%.0f us",
                    u.layerId(),
                    u.upload().p50Nanos() / 1e3,
                    u.upload().p99Nanos() / 1e3));
        }
        lines.add(uploads.toString());
        return lines;
    }

    private static Map<String, Object> micros(LatencySummary l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("p50", Math.round(l.p50Nanos() / 10.0) / 100.0);
        m.put("p99", Math.round(l.p99Nanos() / 10.0) / 100.0);
        m.put("max", Math.round(l.maxNanos() / 10.0) / 100.0);
        return m;
    }
}
