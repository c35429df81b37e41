package org.hapring.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hapring.playback.LayerStats;
import org.hapring.playback.PlayerStats;
import org.hapring.prebuffer.LatencySummary;

/**
 * The play report: the JSON document ({@code --stats-json}) and the human summary printed at the end, both
 * from one {@link PlayerStats}. JSON keys: {@code engine}, {@code fallbackReason}, {@code fps}, {@code ticks},
 * {@code layers[]} (file, shown, dropped, wrong, hits, misses, latencies, bytes) and {@code totals}
 * ({@code shown}, {@code dropped}, {@code wrong}, {@code hitRate}, {@code acquireMicros}, {@code seekMillis},
 * {@code ioEnterPerTick}, {@code offHeapBytes}, {@code rssBytes}, ...).
 *
 * <p>Stateless; called on the main thread.
 */
final class StatsReport {
    private StatsReport() {}

    static Map<String, Object> json(PlayerStats s, double seconds, Map<String, String> config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("engine", s.engine());
        root.put("fallbackReason", s.fallbackReason());
        root.put("fps", s.fps());
        root.put("ticks", s.ticks());
        root.put("skippedTicks", s.skippedTicks());
        root.put("seconds", round(seconds, 3));
        root.put("config", config);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (LayerStats l : s.layers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", l.file());
            m.put("shown", l.shown());
            m.put("dropped", l.dropped());
            m.put("wrong", l.wrong());
            m.put("hits", l.hits());
            m.put("misses", l.misses());
            m.put("acquireMicros", micros(l.acquire()));
            m.put("seekMillis", millis(l.seekToReady()));
            m.put("readMicros", micros(l.read()));
            m.put("decodeMicros", micros(l.decode()));
            m.put("reads", l.reads());
            m.put("bytesRead", l.bytesRead());
            m.put("staleDropped", l.staleDropped());
            m.put("lookaheadFrames", l.lookaheadFrames());
            m.put("slots", l.slots());
            m.put("offHeapBytes", l.offHeapBytes());
            m.put("error", l.error());
            layers.add(m);
        }
        root.put("layers", layers);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("shown", s.shown());
        t.put("dropped", s.dropped());
        t.put("wrong", s.wrong());
        t.put("hits", s.hits());
        t.put("misses", s.misses());
        t.put("hitRate", round(s.hitRate(), 6));
        t.put("acquireMicros", micros(s.acquire()));
        t.put("seekMillis", millis(s.seekToReady()));
        t.put("ioEnterCalls", s.ioEnterCalls());
        t.put("ioEnterPerTick", round(s.ioEnterPerTick(), 4));
        t.put("bytesRead", s.bytesRead());
        t.put("readMBps", round(seconds > 0 ? s.bytesRead() / 1e6 / seconds : 0, 1));
        t.put("offHeapBytes", s.offHeapBytes());
        t.put("rssBytes", s.rssBytes());
        root.put("totals", t);
        return root;
    }

    static void write(Path out, Map<String, Object> json) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(out, mapper.writeValueAsString(json) + "\n");
    }

    /** The lines printed at the end of a run. */
    static List<String> summary(PlayerStats s, double seconds) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "engine=%s%s fps=%s ticks=%d (%.1f s) skippedTicks=%d",
                s.engine(),
                s.fallbackReason() == null ? "" : " (fallback: " + s.fallbackReason() + ")",
                s.fps(),
                s.ticks(),
                seconds,
                s.skippedTicks()));
        for (LayerStats l : s.layers()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "  layer %d %s: shown=%d dropped=%d wrong=%d hits=%d misses=%d acquire p99=%.1f us read p99=%.2f ms"
                            + " lookahead=%d slots=%d%s",
                    l.layerId(),
                    Path.of(l.file()).getFileName(),
                    l.shown(),
                    l.dropped(),
                    l.wrong(),
                    l.hits(),
                    l.misses(),
                    l.acquire().p99Micros(),
                    l.read().p99Nanos() / 1e6,
                    l.lookaheadFrames(),
                    l.slots(),
                    l.error() == null ? "" : " ERROR " + l.error()));
        }
        lines.add(String.format(
                Locale.ROOT,
                "totals: shown=%d dropped=%d wrong=%d hitRate=%.4f%% acquire p50/p99/max=%.1f/%.1f/%.1f us"
                        + " seeks=%d seek-to-ready p50/p99/max=%.2f/%.2f/%.2f ms",
                s.shown(),
                s.dropped(),
                s.wrong(),
                s.hitRate() * 100,
                s.acquire().p50Micros(),
                s.acquire().p99Micros(),
                s.acquire().maxMicros(),
                s.seekToReady().count(),
                s.seekToReady().p50Nanos() / 1e6,
                s.seekToReady().p99Nanos() / 1e6,
                s.seekToReady().maxNanos() / 1e6));
        lines.add(String.format(
                Locale.ROOT,
                "        io_uring_enter/tick=%.3f read=%.1f MB/s offHeap=%.1f MB rss=%.1f MB",
                s.ioEnterPerTick(),
                seconds > 0 ? s.bytesRead() / 1e6 / seconds : 0,
                s.offHeapBytes() / 1e6,
                s.rssBytes() / 1e6));
        return lines;
    }

    /** The live status line. */
    static String status(PlayerStats s, double seconds, double totalSeconds) {
        return String.format(
                Locale.ROOT,
                "%5.1f/%.0f s  %s  shown=%d dropped=%d wrong=%d hit=%.2f%% acquire p99=%.0f us"
                        + " enter/tick=%.2f rss=%.0f MB",
                seconds,
                totalSeconds,
                s.engine(),
                s.shown(),
                s.dropped(),
                s.wrong(),
                s.hitRate() * 100,
                s.acquire().p99Micros(),
                s.ioEnterPerTick(),
                s.rssBytes() / 1e6);
    }

    private static Map<String, Object> micros(LatencySummary l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("p50", round(l.p50Nanos() / 1e3, 2));
        m.put("p99", round(l.p99Nanos() / 1e3, 2));
        m.put("max", round(l.maxNanos() / 1e3, 2));
        return m;
    }

    private static Map<String, Object> millis(LatencySummary l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("p50", round(l.p50Nanos() / 1e6, 3));
        m.put("p99", round(l.p99Nanos() / 1e6, 3));
        m.put("max", round(l.maxNanos() / 1e6, 3));
        return m;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
