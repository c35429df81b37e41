package org.hapring.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.hapring.app.bench.BenchPlan;
import org.hapring.app.bench.BenchProgress;
import org.hapring.app.bench.BenchRunner;
import org.hapring.app.bench.CacheControl;
import org.hapring.app.bench.CacheState;
import org.hapring.app.bench.ConsoleReport;
import org.hapring.app.bench.Fio;
import org.hapring.app.bench.MediaFormat;
import org.hapring.app.bench.PacedRun;
import org.hapring.app.bench.PlayerPacedRun;
import org.hapring.app.bench.ReportCharts;
import org.hapring.app.bench.ReportFiles;
import org.hapring.io.EngineKind;
import org.hapring.playback.PlayerConfig;
import org.hapring.write.FrameRate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hapring bench}: compares the read engines with each other and with fio on the same files (unpaced:
 * maximum throughput, CPU and system calls per frame), finds each engine's capacity at the target rate
 * (paced), and writes a console table, JSON, CSV and charts. Options left out take the {@code --quick} or the
 * full defaults; every value is validated before anything runs.
 *
 * <p>Runs on the main thread, which becomes the benchmark's thread.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Benchmarks the read engines (uring, uring-noreg, filechannel, mmap, sync) on generated worst-case"
                        + " HAP media or your files, with fio side by side on the same files, in warm, cold and O_DIRECT cache"
                        + " states; finds how many layers each engine sustains at the target rate; prints tables and writes"
                        + " JSON, CSV and PNG/SVG charts.")
final class BenchCommand implements Callable<Integer> {
    static final String QUICK_FORMATS = "hap_q@1920x1080";
    /** Three frame sizes (1, 2 and 8 MB): the engines see bytes, so other variants follow from their frame size. */
    static final String FULL_FORMATS = "hap@1920x1080,hap_q@1920x1080,hap_q@3840x2160";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--quick",
            description = "A short run (under 3 minutes here) that still compares every engine with fio.")
    boolean quick;

    @Option(
            names = "--engines",
            split = ",",
            paramLabel = "E",
            description = "Engines (default: uring,uring-noreg,filechannel,mmap,sync).")
    List<String> engines;

    @Option(
            names = "--cache",
            split = ",",
            paramLabel = "C",
            description = "Cache states of the unpaced matrix: warm, cold, direct (default: all).")
    List<String> caches;

    @Option(
            names = "--layers",
            split = ",",
            paramLabel = "N",
            description = "Layer counts (default: 1,4 quick; 1,2,4,8 full).")
    List<Integer> layers;

    @Option(
            names = "--formats",
            split = ",",
            paramLabel = "F",
            description =
                    "Generated media, VARIANT@WxH (default: " + QUICK_FORMATS + " quick; " + FULL_FORMATS + " full).")
    List<String> formats;

    @Option(
            names = "--files",
            split = ",",
            paramLabel = "FILE",
            description = "Your own movies, one per layer (measured beside or instead of --formats).")
    List<Path> files;

    @Option(
            names = "--fps",
            defaultValue = "60",
            paramLabel = "RATE",
            description = "Target rate and generated media's rate (default ${DEFAULT-VALUE}).")
    String fps;

    @Option(names = "--clip-seconds", paramLabel = "S", description = "Length of each generated file (default 2).")
    Double clipSeconds;

    @Option(
            names = "--media-gigabytes",
            paramLabel = "GB",
            description =
                    "Most generated media per format; bounds the longer files a cold capacity search wants (default 4 quick, 6 full).")
    Double mediaGigabytes;

    @Option(names = "--repetitions", paramLabel = "N", description = "Repetitions per point, at least 3 (default 3).")
    Integer repetitions;

    @Option(
            names = "--run-megabytes",
            paramLabel = "MB",
            description = "Data per cold/direct unpaced run (default 300 quick, 1000 full).")
    Integer runMegabytes;

    @Option(
            names = "--warm-seconds",
            paramLabel = "S",
            description = "Length of a warm unpaced run (default 0.2 quick, 1 full).")
    Double warmSeconds;

    @Option(
            names = "--mode",
            defaultValue = "both",
            paramLabel = "M",
            description = "unpaced (engine matrix with fio), paced (capacity search), or both (default).")
    String mode;

    @Option(
            names = "--capacity-cache",
            split = ",",
            paramLabel = "C",
            description = "Cache states of the capacity search, the first being the headline (default: direct).")
    List<String> capacityCaches;

    @Option(
            names = "--capacity-max-layers",
            paramLabel = "N",
            description = "Most layers the capacity search tries (default 24 quick, 48 full).")
    Integer capacityMaxLayers;

    @Option(
            names = "--probe-seconds",
            paramLabel = "S",
            description = "Length of one paced probe (default 1 quick, 2 full).")
    Double probeSeconds;

    @Option(
            names = "--probe-repetitions",
            paramLabel = "N",
            description = "Repetitions per probe, median decides (default 1 quick, 3 full).")
    Integer probeRepetitions;

    @Option(
            names = "--cold",
            defaultValue = "fadvise",
            paramLabel = "HOW",
            description =
                    "How cold is made: fadvise (drop the files' pages, default) or drop-caches (whole machine, root).")
    String cold;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Where generated media are kept (default: the hapring cache/bench).")
    Path cacheDir;

    @Option(
            names = "--fio",
            defaultValue = "fio",
            paramLabel = "PATH",
            description = "fio to run side by side (default ${DEFAULT-VALUE}).")
    String fioPath;

    @Option(names = "--no-fio", description = "Do not run fio.")
    boolean noFio;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the report as JSON.")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT", description = "Write one CSV row per point.")
    Path csv;

    @Option(names = "--charts", paramLabel = "DIR", description = "Write the charts (PNG and SVG) into DIR.")
    Path charts;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "A player setting for the paced runs (as play's --set), e.g. maxReadBytesInFlight=32MiB;"
                    + " repeatable.")
    Map<String, String> playerSettings = new LinkedHashMap<>();

    /** The paced runs (the player); tests may replace it. */
    Function<BenchPlan, PacedRun> pacedFactory = plan -> new PlayerPacedRun(playerSettings);

    @Override
    public Integer call() throws Exception {
        BenchPlan plan = toPlan();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Fio fio = noFio ? null : Fio.find(fioPath);
        if (!noFio && fio == null) {
            err.println("hapring bench: " + Fio.INSTALL_HINT);
        }
        BenchProgress progress = new BenchProgress(
                err, System.console() != null && System.console().isTerminal());
        BenchRunner.Outcome o;
        try {
            o = new BenchRunner(
                            plan,
                            pacedFactory.apply(plan),
                            fio,
                            new CacheControl(plan.coldMethod()),
                            Path.of("/proc/self"),
                            progress,
                            "hapring "
                                    + String.join(
                                            " ",
                                            spec.commandLine().getParseResult().originalArgs()))
                    .run();
        } finally {
            progress.finish();
        }
        out.print(ConsoleReport.render(o.report()));
        if (json != null) {
            ReportFiles.writeJson(o.report(), json);
            err.println("hapring bench: wrote " + json);
        }
        if (csv != null) {
            ReportFiles.writeCsv(o.report(), csv);
            err.println("hapring bench: wrote " + csv);
        }
        if (charts != null) {
            err.println(
                    "hapring bench: wrote " + ReportCharts.writeAll(o, charts).size() + " chart files into " + charts);
        }
        out.flush();
        err.flush();
        return 0;
    }

    /** The options as a validated plan; errors name the option. */
    BenchPlan toPlan() {
        try {
            PlayerConfig.Builder settings = PlayerConfig.builder();
            playerSettings.forEach(settings::set);
            settings.build();
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--set " + ex.getMessage(), ex);
        }
        try {
            List<EngineKind> e = engines == null
                    ? BenchPlan.ALL_ENGINES
                    : engines.stream().map(EngineKind::parse).toList();
            List<CacheState> c = caches == null
                    ? List.of(CacheState.values())
                    : caches.stream().map(CacheState::parse).toList();
            List<Integer> l = layers != null ? layers : quick ? List.of(1, 4) : List.of(1, 2, 4, 8);
            List<MediaFormat> f = new ArrayList<>();
            String fmts = formats != null
                    ? String.join(",", formats)
                    : files != null ? "" : quick ? QUICK_FORMATS : FULL_FORMATS;
            for (String s : fmts.split(",")) {
                if (!s.isBlank()) {
                    f.add(MediaFormat.parse(s));
                }
            }
            FrameRate rate = FrameRate.parse(fps);
            double clip = clipSeconds != null ? clipSeconds : 2.0;
            if (!(clip > 0 && clip <= 3600)) {
                throw new IllegalArgumentException("--clip-seconds " + clip + ": must be 0..3600");
            }
            boolean unpaced = switch (mode.toLowerCase(Locale.ROOT)) {
                case "both", "unpaced" -> true;
                case "paced" -> false;
                default -> throw new IllegalArgumentException("--mode " + mode + ": expected unpaced, paced or both");
            };
            List<CacheState> cap = mode.equalsIgnoreCase("unpaced")
                    ? List.of()
                    : capacityCaches == null
                            ? List.of(CacheState.DIRECT)
                            : capacityCaches.size() == 1
                                            && capacityCaches.get(0).equals("none")
                                    ? List.of()
                                    : capacityCaches.stream()
                                            .map(CacheState::parse)
                                            .toList();
            Path dir = cacheDir != null ? cacheDir : CacheDir.defaultDir().resolve("bench");
            if (files != null) {
                for (Path p : files) {
                    if (!Files.isRegularFile(p)) {
                        throw new IllegalArgumentException("--files " + p + ": no such file");
                    }
                }
            }
            double mediaGb = mediaGigabytes != null ? mediaGigabytes : quick ? 4 : 6;
            return new BenchPlan(
                    e,
                    c,
                    l,
                    f,
                    files == null ? List.of() : files,
                    rate,
                    (int) Math.max(1, rate.framesIn(clip)),
                    (long) (mediaGb * 1e9),
                    repetitions != null ? repetitions : 3,
                    (runMegabytes != null ? runMegabytes : quick ? 300 : 1000) * 1_000_000L,
                    (long) ((warmSeconds != null ? warmSeconds : quick ? 0.2 : 1.0) * 1e9),
                    unpaced,
                    cap,
                    capacityMaxLayers != null ? capacityMaxLayers : quick ? 24 : 48,
                    probeSeconds != null ? probeSeconds : quick ? 1.0 : 2.0,
                    probeRepetitions != null ? probeRepetitions : quick ? 1 : 3,
                    CacheControl.ColdMethod.parse(cold),
                    dir,
                    noFio ? null : fioPath,
                    quick);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage(), ex);
        }
    }
}
