package org.hapring.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.hapring.app.bench.BenchMedia.MediaSet;
import org.hapring.io.EngineKind;
import org.hapring.mov.SampleTable;

/**
 * The capacity search of one engine on one format: paced probes of growing and shrinking layer counts
 * ({@link CapacitySearch}), starting from the unpaced throughput divided by one layer's data rate. Layers take
 * the files in turn (layer {@code i} plays file {@code i mod N}), starting apart. Warm and direct probes may
 * share files (a shared file is cached once either way, or never). mmap cannot use O_DIRECT, so its "direct"
 * search runs cold: the pages are dropped before each probe and layers sharing a file play disjoint stretches
 * of it, which caps the layer count at files x (clip frames / probe frames), said in the entry's note.
 *
 * <p>Called by the benchmark's main thread; the paced runs start and stop their own threads.
 */
final class CapacityRuns {
    /** One search's result, its paced rows, and the acquire trace of its probe at the answer. */
    record Search(BenchReport.CapacityEntry entry, List<RunRow> rows, LatencyTrace trace, int traceLayers) {}

    /** Frames a layer may read beyond the probe's own (pre-roll and read-ahead). */
    static final int MARGIN_FRAMES = 16;

    /** Frames one layer reads in a probe, margin included. */
    static int probeFrames(BenchPlan plan) {
        return (int) Math.ceil(plan.probeSeconds() * plan.fps().fps()) + MARGIN_FRAMES;
    }

    /**
     * Frames each of {@code files} generated files needs so that a cold capacity search (asked for, or mmap's
     * "direct") can reach the ceiling with every layer on a stretch of its own; 0 when no search runs cold.
     */
    static int clipFramesNeeded(BenchPlan plan, int files) {
        boolean cold = plan.capacityCaches().contains(CacheState.COLD)
                || plan.engines().contains(EngineKind.MMAP)
                        && plan.capacityCaches().contains(CacheState.DIRECT);
        if (!cold) {
            return 0;
        }
        int stretches = (plan.capacityMaxLayers() + files - 1) / files;
        return stretches * probeFrames(plan);
    }

    private final BenchPlan plan;
    private final PacedRun paced;
    private final CacheControl cache;
    private final List<RunRow> unpacedRows;
    private final Consumer<String> step;

    CapacityRuns(BenchPlan plan, PacedRun paced, CacheControl cache, List<RunRow> unpacedRows, Consumer<String> step) {
        this.plan = plan;
        this.paced = paced;
        this.cache = cache;
        this.unpacedRows = unpacedRows;
        this.step = step;
    }

    Search search(MediaSet m, CacheState asked, EngineKind k) throws IOException {
        CacheState c = k == EngineKind.MMAP && asked == CacheState.DIRECT ? CacheState.COLD : asked;
        int files = m.files().size();
        int probeFrames = probeFrames(plan);
        int ceiling = plan.capacityMaxLayers();
        String note = null;
        if (c == CacheState.COLD) {
            int regions = Math.max(1, m.minFrameCount() / probeFrames);
            if (files * regions < ceiling) {
                ceiling = files * regions;
                note = "ceiling " + ceiling + " = " + files + " file(s) x " + regions + " disjoint stretch(es) of "
                        + probeFrames
                        + " frames (cold probes never read a page twice; more files or --clip-seconds raise it)";
            }
        }
        if (c != asked) {
            note = "mmap cannot use O_DIRECT: searched cold (pages dropped before each probe)"
                    + (note == null ? "" : "; " + note);
        }
        double layerBytesPerSecond = m.meanFrameBytes() * plan.fps().fps();
        int guess = guess(m.label(), k, c, layerBytesPerSecond);
        Map<Integer, List<PacedRun.Result>> probes = new LinkedHashMap<>();
        int cap = ceiling;
        CapacitySearch.Result r = new CapacitySearch(cap).run(guess, layers -> {
            List<PacedRun.Result> reps = new ArrayList<>();
            for (int rep = 0; rep < plan.probeRepetitions(); rep++) {
                step.accept(String.format(
                        Locale.ROOT,
                        "capacity %s %s %s: %d layers, probe %d/%d",
                        m.label(),
                        c.cliName(),
                        k.cliName(),
                        layers,
                        rep + 1,
                        plan.probeRepetitions()));
                reps.add(probe(m, c, k, layers, probeFrames));
            }
            probes.put(layers, reps);
            return Summary.of(reps.stream()
                            .mapToDouble(PacedRun.Result::droppedPercent)
                            .toArray())
                    .median();
        });
        List<RunRow> rows = new ArrayList<>();
        probes.forEach((layers, reps) -> rows.add(Rows.paced(
                m.label(),
                k.cliName(),
                c,
                layers,
                reps,
                List.of("capacity probe, " + plan.probeSeconds() + " s at " + plan.fps() + " fps"))));
        int traceLayers = r.zeroDropLayers() > 0
                ? r.zeroDropLayers()
                : r.underOnePercentLayers() > 0
                        ? r.underOnePercentLayers()
                        : probes.keySet().iterator().next();
        LatencyTrace trace = probes.get(traceLayers).get(0).acquireTrace();
        BenchReport.CapacityEntry entry = new BenchReport.CapacityEntry(
                k.cliName(),
                m.label(),
                asked.cliName(),
                c.cliName(),
                plan.fps().toString(),
                plan.probeSeconds(),
                r.zeroDropLayers(),
                r.underOnePercentLayers(),
                r.cappedAtMax(),
                cap,
                r.probes(),
                note);
        return new Search(entry, rows, trace, traceLayers);
    }

    private PacedRun.Result probe(MediaSet m, CacheState c, EngineKind k, int layers, int probeFrames)
            throws IOException {
        int n = m.files().size();
        List<Path> files = new ArrayList<>();
        int[] starts = new int[layers];
        for (int i = 0; i < layers; i++) {
            SampleTable t = m.files().get(i % n);
            files.add(t.file());
            starts[i] = c == CacheState.COLD ? (i / n) * probeFrames : ((i / n) * 37) % t.frameCount();
        }
        List<Path> distinct = files.stream().distinct().toList();
        if (c != CacheState.WARM || CacheControl.residentFraction(distinct) < 0.999) {
            cache.prepare(c, distinct);
        }
        return paced.run(new PacedRun.Spec(k, c, files, starts, plan.fps(), plan.probeSeconds()));
    }

    /** The unpaced throughput of the most layers measured, in layers' worth of data rate; 4 when unknown. */
    private int guess(String media, EngineKind k, CacheState c, double layerBytesPerSecond) {
        RunRow best = null;
        for (RunRow w : unpacedRows) {
            if (w.mode().equals(RunRow.UNPACED)
                    && w.media().equals(media)
                    && w.engine().equals(k.cliName())
                    && w.cache().equals(c.cliName())
                    && w.throughputGBps() != null
                    && (best == null || w.layers() > best.layers())) {
                best = w;
            }
        }
        return best == null ? 4 : (int) Math.max(1, Math.floor(best.throughputGBps() * 1e9 / layerBytesPerSecond));
    }
}
