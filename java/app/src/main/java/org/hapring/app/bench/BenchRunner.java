package org.hapring.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hapring.app.bench.BenchMedia.MediaSet;
import org.hapring.io.EngineKind;
import org.hapring.mov.SampleTable;

/**
 * Runs a {@link BenchPlan}: makes or opens the media, describes the machine, warms the JIT on every engine,
 * runs the unpaced matrix (per format, cache state and layer count, {@code repetitions} rounds in which every
 * engine runs once next to its fio counterpart, the engine order rotating from round to round and fio going
 * first or second alternately, so that drift and order favour no one), then the paced capacity search per
 * engine, and assembles the {@link BenchReport} with the latency traces for the charts.
 *
 * <p>Runs on the calling thread (the command's main thread); the engines it creates belong to it.
 */
public final class BenchRunner {
    /** Where progress goes (a progress bar on stderr, or nothing in tests). */
    public interface Progress {
        void step(String what, int done, int total);

        void log(String line);
    }

    /** The report and the traces behind the latency charts (chart title to engine to trace). */
    public record Outcome(
            BenchReport report,
            Map<String, Map<String, LatencyTrace>> tickTraces,
            Map<String, Map<String, LatencyTrace>> acquireTraces) {}

    /** Estimated paced probes per capacity search (for the progress bar only). */
    static final int PROBES_ESTIMATE = 7;

    private static final long FIO_TIMEOUT_NANOS = 600_000_000_000L;
    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private final BenchPlan plan;
    private final PacedRun paced;
    private final Fio fio;
    private final CacheControl cache;
    private final Path procSelf;
    private final Progress progress;
    private final String commandLine;
    private final List<RunRow> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, LatencyTrace>> tickTraces = new LinkedHashMap<>();
    private final Map<String, Map<String, LatencyTrace>> acquireTraces = new LinkedHashMap<>();
    private final List<BenchReport.CapacityEntry> capacity = new ArrayList<>();
    private int done;
    /** The most hugetlb memory a fio job wanted for buffers like hapring's and did not find free (0: none short). */
    private long fioHugetlbShortBytes;

    private int total;

    public BenchRunner(
            BenchPlan plan,
            PacedRun paced,
            Fio fio,
            CacheControl cache,
            Path procSelf,
            Progress progress,
            String commandLine) {
        this.plan = plan;
        this.paced = paced;
        this.fio = fio;
        this.cache = cache;
        this.procSelf = procSelf;
        this.progress = progress;
        this.commandLine = commandLine;
    }

    public Outcome run() throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<MediaSet> media = media();
        List<Path> all = media.stream().flatMap(m -> m.paths().stream()).toList();
        MachineInfo machine = MachineProbe.system().describe(all);
        int sets = media.size();
        int capacitySearches = paced == null
                ? 0
                : sets * plan.capacityCaches().size() * plan.engines().size();
        total = (plan.unpaced()
                        ? sets
                                * plan.caches().size()
                                * plan.layers().size()
                                * plan.repetitions()
                                * plan.engines().size()
                        : 0)
                + capacitySearches * PROBES_ESTIMATE * plan.probeRepetitions();
        warmUpJit(media.get(0));
        if (plan.unpaced()) {
            for (MediaSet m : media) {
                for (CacheState c : plan.caches()) {
                    for (int layers : plan.layers()) {
                        unpacedPoint(m, c, layers);
                    }
                }
            }
        }
        if (fio == null) {
            notes.add(plan.fio() == null ? "fio was not run (--no-fio)" : Fio.INSTALL_HINT);
        } else if (fioHugetlbShortBytes > 0) {
            notes.add(String.format(Locale.ROOT, Fio.HUGETLB_HINT, fioHugetlbShortBytes / (2L << 20)));
        }
        if (!plan.capacityCaches().isEmpty()) {
            if (paced == null) {
                notes.add("no paced mode in this build: the capacity search was skipped");
            } else {
                CapacityRuns cap = new CapacityRuns(plan, paced, cache, rows, this::step);
                for (MediaSet m : media) {
                    for (CacheState c : plan.capacityCaches()) {
                        for (EngineKind k : plan.engines()) {
                            CapacityRuns.Search s = cap.search(m, c, k);
                            capacity.add(s.entry());
                            rows.addAll(s.rows());
                            acquireTraces
                                    .computeIfAbsent(
                                            "frame-acquire time per tick at each engine's capacity, " + m.label() + ", "
                                                    + c.cliName(),
                                            t -> new LinkedHashMap<>())
                                    .put(
                                            k.cliName() + " x" + s.traceLayers()
                                                    + (s.entry().cache().equals(c.cliName())
                                                            ? ""
                                                            : " (" + s.entry().cache() + ")"),
                                            s.trace());
                        }
                    }
                }
            }
        }
        Map<String, Integer> zero = new LinkedHashMap<>();
        Map<String, Integer> under = new LinkedHashMap<>();
        for (BenchReport.CapacityEntry e : capacity) {
            if (e.media().equals(media.get(0).label())
                    && e.askedCache().equals(plan.capacityCaches().get(0).cliName())) {
                zero.putIfAbsent(e.engine(), e.zeroDropLayers());
                under.putIfAbsent(e.engine(), e.underOnePercentLayers());
            }
        }
        String fioState = fio != null ? fio.version() : plan.fio() == null ? "not run (--no-fio)" : "not installed";
        BenchReport report = new BenchReport(
                "hapring bench",
                commandLine,
                started.toString(),
                Instant.now().toString(),
                (System.nanoTime() - t0) / 1e9,
                machine,
                MachineProbe.system().loadAverage(),
                fioState,
                cache.coldMethod().description(),
                plan.quick(),
                rows,
                zero,
                under,
                capacity,
                notes);
        return new Outcome(report, tickTraces, acquireTraces);
    }

    private List<MediaSet> media() throws IOException {
        List<MediaSet> out = new ArrayList<>();
        int count = plan.maxLayers();
        for (MediaFormat f : plan.formats()) {
            long frameBytes = f.textureBytes() + 16 * f.variant().planes().size();
            int budgetFrames =
                    (int) Math.min(Integer.MAX_VALUE, plan.mediaBytesPerFormat() / ((long) count * frameBytes));
            int frames =
                    Math.max(plan.clipFrames(), Math.min(budgetFrames, CapacityRuns.clipFramesNeeded(plan, count)));
            progress.log(
                    "media: " + f.label() + ", " + count + " file(s) of " + frames + " frames in " + plan.cacheDir());
            out.add(BenchMedia.generated(
                    plan.cacheDir(),
                    f,
                    plan.fps(),
                    frames,
                    count,
                    (file, r) -> progress.log(String.format(
                            Locale.ROOT,
                            "  generated %s: %.0f MB in %.1f s",
                            file.getFileName(),
                            r.fileBytes() / 1e6,
                            r.elapsedNanos() / 1e9))));
        }
        if (!plan.files().isEmpty()) {
            out.add(BenchMedia.files(plan.files()));
        }
        return out;
    }

    /** A short warm run per engine so that the first measured repetition does not pay for compilation. */
    private void warmUpJit(MediaSet m) throws IOException {
        List<SampleTable> files = m.files().subList(0, Math.min(2, m.files().size()));
        cache.prepare(CacheState.WARM, files.stream().map(SampleTable::file).toList());
        for (EngineKind k : plan.engines()) {
            progress.step("warming up " + k.cliName(), done, total);
            UnpacedRun.run(new UnpacedRun.Spec(k, CacheState.WARM, files, 1, 150_000_000L), procSelf);
        }
    }

    private void unpacedPoint(MediaSet m, CacheState c, int layers) throws IOException {
        List<SampleTable> files = m.files().subList(0, layers);
        List<Path> paths = files.stream().map(SampleTable::file).toList();
        int frames = (int)
                Math.max(1, Math.min(m.minFrameCount(), plan.coldBytesPerRun() / ((long) layers * m.maxFrameBytes())));
        Map<EngineKind, List<Rows.UnpacedSample>> samples = new LinkedHashMap<>();
        Map<EngineKind, FioJob> jobs = new LinkedHashMap<>();
        List<EngineKind> engines = new ArrayList<>(plan.engines());
        if (c == CacheState.DIRECT && engines.remove(EngineKind.MMAP)) {
            note(
                    "mmap has no direct rows: O_DIRECT does not apply to a mapping (its cold rows show it reading from storage)");
        }
        long hugetlbNeeded = FioJob.hugetlbBytesNeeded(layers, m.maxFrameBytes());
        boolean fioHugetlb = fio != null && Fio.hugetlbFreeBytes(MEMINFO) >= hugetlbNeeded;
        if (fio != null && !fioHugetlb) {
            fioHugetlbShortBytes = Math.max(fioHugetlbShortBytes, hugetlbNeeded);
        }
        for (EngineKind k : engines) {
            samples.put(k, new ArrayList<>());
            jobs.put(k, FioJob.of(k, c, files, frames, plan.warmNanosPerRun(), poolThreads(), fioHugetlb));
        }
        if (c == CacheState.WARM) {
            cache.prepare(CacheState.WARM, paths);
        }
        for (int rep = 0; rep < plan.repetitions(); rep++) {
            for (int i = 0; i < engines.size(); i++) {
                EngineKind k = engines.get((i + rep) % engines.size());
                step(String.format(
                        Locale.ROOT,
                        "%s %s x%d %s rep %d/%d",
                        m.label(),
                        c.cliName(),
                        layers,
                        k.cliName(),
                        rep + 1,
                        plan.repetitions()));
                boolean fioFirst = (rep + i) % 2 == 0;
                FioResult f = null;
                if (fio != null && fioFirst) {
                    f = runFio(c, paths, jobs.get(k));
                }
                prepare(c, paths);
                double resident = CacheControl.residentFraction(paths);
                UnpacedRun.Result r =
                        UnpacedRun.run(new UnpacedRun.Spec(k, c, files, frames, plan.warmNanosPerRun()), procSelf);
                if (fio != null && !fioFirst) {
                    f = runFio(c, paths, jobs.get(k));
                }
                samples.get(k).add(new Rows.UnpacedSample(r, f, resident));
                if (rep == 0 && layers == plan.maxLayers()) {
                    tickTraces
                            .computeIfAbsent(
                                    "unpaced tick latency, " + m.label() + ", " + c.cliName() + ", " + layers
                                            + " layers",
                                    t -> new LinkedHashMap<>())
                            .put(k.cliName(), r.ticksTrace());
                }
            }
        }
        List<String> extra = c == CacheState.WARM ? List.of() : List.of(frames + " frames per layer per run");
        samples.forEach((k, s) ->
                rows.add(Rows.unpaced(m.label(), k.cliName(), c, layers, s, fio == null ? null : jobs.get(k), extra)));
    }

    private FioResult runFio(CacheState c, List<Path> paths, FioJob job) throws IOException {
        prepare(c, paths);
        return fio.run(job, plan.cacheDir().resolve("fio-jobs"), FIO_TIMEOUT_NANOS);
    }

    /** Cold and direct: drop the pages before every run; warm: reload only what was pushed out. */
    private void prepare(CacheState c, List<Path> paths) throws IOException {
        if (c != CacheState.WARM || CacheControl.residentFraction(paths) < 0.999) {
            cache.prepare(c, paths);
        }
    }

    private void step(String what) {
        progress.step(what, done++, Math.max(total, done));
    }

    private void note(String n) {
        if (!notes.contains(n)) {
            notes.add(n);
        }
    }

    static int poolThreads() {
        return org.hapring.io.EngineConfig.defaults().poolThreads();
    }
}
