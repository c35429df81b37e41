package org.hapring.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as text tables for the console: the machine, then per format, cache state and mode a table of
 * engines by layer count (unpaced: throughput with its range, fio beside it and the ratio, CPU cost, system
 * calls, tick latency; paced: drops, hit rate, acquire latency), then the capacity per engine, then the notes.
 *
 * <p>Stateless; any thread.
 */
public final class ConsoleReport {
    private ConsoleReport() {}

    public static String render(BenchReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("hapring bench")
                .append(r.quick() ? " --quick" : "")
                .append(", ")
                .append(r.startedAt())
                .append(String.format(Locale.ROOT, ", %.0f s%n", r.elapsedSeconds()));
        sb.append("machine: ")
                .append(r.machine().oneLine())
                .append("; load at end ")
                .append(r.loadAverageAtEnd())
                .append('\n');
        for (MachineInfo.Storage s : r.machine().storage()) {
            sb.append("storage: ").append(MachineInfo.describe(s)).append('\n');
        }
        sb.append("fio: ")
                .append(r.fio())
                .append('\n')
                .append("cold: ")
                .append(r.coldMethod())
                .append('\n');
        Map<String, List<RunRow>> groups = new LinkedHashMap<>();
        for (RunRow row : r.runs()) {
            groups.computeIfAbsent(row.media() + " | " + row.cache() + " | " + row.mode(), k -> new ArrayList<>())
                    .add(row);
        }
        groups.forEach((title, rows) -> {
            sb.append('\n').append(title).append('\n');
            if (rows.get(0).mode().equals(RunRow.PACED)) {
                pacedTable(sb, rows);
            } else {
                unpacedTable(sb, rows);
            }
        });
        if (!r.capacityDetail().isEmpty()) {
            sb.append("\ncapacity (most layers at the target rate; paced probes)\n");
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-12s %-18s %-7s %-6s %8s %10s  %s%n",
                    "engine",
                    "media",
                    "cache",
                    "fps",
                    "0 drops",
                    "< 1 % drops",
                    "probes (layers:dropped %)"));
            for (BenchReport.CapacityEntry c : r.capacityDetail()) {
                StringBuilder probes = new StringBuilder();
                for (double[] p : c.probes()) {
                    probes.append(String.format(Locale.ROOT, "%d:%.2f ", (int) p[0], p[1]));
                }
                sb.append(String.format(
                        Locale.ROOT,
                        "  %-12s %-18s %-7s %-6s %8s %10s  %s%n",
                        c.engine(),
                        c.media(),
                        c.cache(),
                        c.fps(),
                        (c.cappedAtMax() ? ">=" : "") + c.zeroDropLayers(),
                        (c.cappedAtMax() ? ">=" : "") + c.underOnePercentLayers(),
                        probes.toString().strip()));
                if (c.note() != null) {
                    sb.append("    note: ").append(c.note()).append('\n');
                }
            }
        }
        if (!r.notes().isEmpty()) {
            sb.append('\n');
            for (String n : r.notes()) {
                sb.append("note: ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    private static void unpacedTable(StringBuilder sb, List<RunRow> rows) {
        sb.append(String.format(
                Locale.ROOT,
                "  %6s %-12s %-20s %-32s %-20s %-18s %8s %9s %11s%n",
                "layers",
                "engine",
                "GB/s [min-max]",
                "fio counterpart",
                "fio GB/s [min-max]",
                "ratio [min-max]",
                "CPU s/GB",
                "sys/frame",
                "tick p99 us"));
        for (RunRow w : rows) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %6d %-12s %-20s %-32s %-20s %-18s %8s %9s %11s%n",
                    w.layers(),
                    w.engineRan().equals(w.engine()) ? w.engine() : w.engine() + "->" + w.engineRan(),
                    range(w.throughputGBps(), w.throughputGBpsMin(), w.throughputGBpsMax(), "%.2f"),
                    w.fioJob() == null ? "-" : w.fioJob(),
                    range(w.fioGBps(), w.fioGBpsMin(), w.fioGBpsMax(), "%.2f"),
                    range(w.ratioToFio(), w.ratioToFioMin(), w.ratioToFioMax(), "%.2f"),
                    num(w.cpuSecondsPerGB(), "%.3f"),
                    num(w.syscallsPerFrame(), "%.2f"),
                    num(w.tickMicrosP99(), "%.0f")));
        }
        notesOf(sb, rows);
    }

    private static void pacedTable(StringBuilder sb, List<RunRow> rows) {
        sb.append(String.format(
                Locale.ROOT,
                "  %6s %-12s %-22s %7s %-22s %8s%n",
                "layers",
                "engine",
                "dropped % [min-max]",
                "hit %",
                "acquire p50 / p99 us",
                "GB/s"));
        for (RunRow w : rows) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %6d %-12s %-22s %7s %-22s %8s%n",
                    w.layers(),
                    w.engine(),
                    range(w.droppedPct(), w.droppedPctMin(), w.droppedPctMax(), "%.2f"),
                    num(w.hitRatePct(), "%.1f"),
                    num(w.acquireMicrosP50(), "%.0f") + " / " + num(w.acquireMicrosP99(), "%.0f"),
                    num(w.throughputGBps(), "%.2f")));
        }
        notesOf(sb, rows);
    }

    private static void notesOf(StringBuilder sb, List<RunRow> rows) {
        for (RunRow w : rows) {
            if (w.notes() != null) {
                sb.append("    ")
                        .append(w.engine())
                        .append(" x")
                        .append(w.layers())
                        .append(": ")
                        .append(w.notes())
                        .append('\n');
            }
        }
    }

    static String range(Double median, Double min, Double max, String fmt) {
        if (median == null) {
            return "-";
        }
        return String.format(Locale.ROOT, fmt + " [" + fmt + "-" + fmt + "]", median, min, max);
    }

    static String num(Double v, String fmt) {
        return v == null ? "-" : String.format(Locale.ROOT, fmt, v);
    }
}
