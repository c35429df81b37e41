package org.hapring.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hapring.playback.PlayerConfig;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.render.loop.LoopSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hapring play FILE...}: plays every file as a layer for a while, composited in a window or offscreen
 * ({@link DisplayOptions}; or not rendered with {@code --output none}), with a live status line and a final
 * report (and JSON with {@code --stats-json}, the renderer's numbers under {@code render}). Settings come from {@code --config FILE} (Java
 * properties, keys as in {@link PlayerConfig#KEYS}) with the flags overriding it; a bad value is one error
 * naming the key. Exit status 3 when {@code --verify} found a wrong frame.
 *
 * <p>Runs on the main thread (the control thread of the run).
 */
@Command(
        name = "play",
        mixinStandardHelpOptions = true,
        description = {
            "Plays HAP movies as layers on a real-time clock, composited in a window or offscreen (or not"
                    + " rendered), and reports drops, latencies and memory."
        })
final class PlayCommand implements Callable<Integer> {
    static final int EXIT_WRONG_FRAMES = 3;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "HAP movies, one layer each.")
    List<Path> files;

    @Mixin
    DisplayOptions display;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            paramLabel = "S",
            description = "How long to play (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(
            names = "--fps",
            paramLabel = "RATE",
            description = "Clock rate: 60 (default), 59.94, 50, 60000/1001, 120, ...")
    String fps;

    @Option(names = "--engine", paramLabel = "E", description = "auto, uring, uring-noreg, filechannel, mmap or sync.")
    String engine;

    @Option(names = "--direct", description = "Read with O_DIRECT (bypass the page cache).")
    boolean direct;

    @Option(
            names = "--prebuffer-frames",
            paramLabel = "K",
            description = "Frames read ahead at least (hapPreBufferFrames, default 5).")
    Integer prebufferFrames;

    @Option(
            names = "--verify",
            description = "Check every shown frame's stamp (movies from 'hapring gen'); exit 3 on a wrong one.")
    boolean verify;

    @Option(
            names = "--random-seek-every-ms",
            paramLabel = "M",
            defaultValue = "0",
            description = "Seek every layer to a random frame every M milliseconds (0: never).")
    long seekEveryMillis;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "N",
            description = "Seed of the random seeks (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--stats-json", paramLabel = "OUT.json", description = "Write the report as JSON.")
    Path statsJson;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Settings file (Java properties); flags override it.")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Any setting (see --config), e.g. --set memoryCapBytes=300M.")
    List<String> sets;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || seconds > 86_400) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--seconds=" + seconds + ": must be > 0 and <= 86400");
        }
        if (seekEveryMillis < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--random-seek-every-ms=" + seekEveryMillis + ": must be >= 0");
        }
        PlayerConfig config = config();
        LoopSettings settings = display.settings(spec, config.maxLayers(), "hapring play");
        List<String> labels = new ArrayList<>();
        for (Path f : files) {
            labels.add(f.getFileName().toString());
        }
        PlaySession.Display shown =
                settings == null ? null : new PlaySession.Display(settings, display.layout(), labels, display.auto());
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        PlaySession.Result r = PlaySession.run(
                config,
                files,
                seconds,
                verify,
                seekEveryMillis,
                seed,
                FrameDecoders.hap(),
                err,
                System.console() != null && System.console().isTerminal(),
                shown);
        for (String line : StatsReport.summary(r.stats(), r.seconds())) {
            out.println(line);
        }
        if (r.render() != null) {
            for (String line : RenderReportLines.summary(r.render())) {
                out.println(line);
            }
        }
        out.flush();
        if (statsJson != null) {
            Map<String, Object> json = StatsReport.json(r.stats(), r.seconds(), config.values());
            if (r.render() != null) {
                json.put("render", RenderReportLines.json(r.render()));
            }
            StatsReport.write(statsJson, json);
        }
        return verify && r.stats().wrong() > 0 ? EXIT_WRONG_FRAMES : 0;
    }

    private PlayerConfig config() throws IOException {
        PlayerConfig.Builder b = PlayerConfig.builder();
        if (configFile != null) {
            b.load(configFile);
        }
        if (fps != null) {
            b.set("fps", fps);
        }
        if (engine != null) {
            b.set("engine", engine);
        }
        if (direct) {
            b.set("direct", "true");
        }
        if (prebufferFrames != null) {
            b.set("hapPreBufferFrames", prebufferFrames);
        }
        if (sets != null) {
            for (String kv : sets) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--set " + kv + ": expected KEY=VALUE");
                }
                b.set(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        return b.build();
    }
}
