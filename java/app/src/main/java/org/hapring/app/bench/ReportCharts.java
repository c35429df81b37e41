package org.hapring.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every chart of one report, as PNG and SVG into a directory: per format and cache state the unpaced
 * throughput beside fio ({@code throughput-FORMAT-CACHE}) and the tick latency over time at the most layers
 * ({@code tick-latency-...}); per capacity search set the frame-acquire time over time of each engine's probe
 * at its answer ({@code acquire-latency-...}) and the capacity bars ({@code capacity-FORMAT-CACHE}).
 *
 * <p>Stateless; called by the command's thread after the run.
 */
public final class ReportCharts {
    private ReportCharts() {}

    /** Writes the charts; returns every file written. */
    public static List<Path> writeAll(BenchRunner.Outcome o, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        BenchReport r = o.report();
        Map<String, List<RunRow>> byGroup = new LinkedHashMap<>();
        for (RunRow w : r.runs()) {
            if (w.mode().equals(RunRow.UNPACED)) {
                byGroup.computeIfAbsent(w.media() + ", " + w.cache(), k -> new ArrayList<>())
                        .add(w);
            }
        }
        for (var e : byGroup.entrySet()) {
            List<RunRow> rows = new ArrayList<>(e.getValue());
            rows.sort((a, b) -> a.layers() != b.layers() ? Integer.compare(a.layers(), b.layers()) : 0);
            out.addAll(Charts.write(
                    Charts.throughputVsFio("Unpaced throughput beside fio, " + e.getKey(), rows),
                    dir,
                    "throughput-" + Charts.slug(e.getKey())));
        }
        for (var e : o.tickTraces().entrySet()) {
            out.addAll(Charts.write(
                    Charts.latencyOverTime(cap(e.getKey()), "tick latency, us (worst per window)", e.getValue()),
                    dir,
                    "tick-latency-" + Charts.slug(e.getKey().replace("unpaced tick latency, ", ""))));
        }
        for (var e : o.acquireTraces().entrySet()) {
            out.addAll(Charts.write(
                    Charts.latencyOverTime(
                            cap(e.getKey()), "frame-acquire time per tick, us (worst per window)", e.getValue()),
                    dir,
                    "acquire-latency-"
                            + Charts.slug(e.getKey().substring(e.getKey().indexOf(", ") + 2))));
        }
        Map<String, List<BenchReport.CapacityEntry>> caps = new LinkedHashMap<>();
        for (BenchReport.CapacityEntry c : r.capacityDetail()) {
            caps.computeIfAbsent(c.media() + ", " + c.askedCache() + ", " + c.fps() + " fps", k -> new ArrayList<>())
                    .add(c);
        }
        for (var e : caps.entrySet()) {
            out.addAll(Charts.write(
                    Charts.capacity("Layers sustained, " + e.getKey(), e.getValue()),
                    dir,
                    "capacity-" + Charts.slug(e.getKey())));
        }
        return out;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
