package org.hapring.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hapring.decode.HapVariant;
import org.hapring.playback.PlayerConfig;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.render.loop.LoopSettings;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hapring demo}: the README's main command, no files needed. Generates six layers of 1080p HAP Q (the
 * writer's scrolling test card, each stamped with its layer id; 240 frames that loop) once into a cache
 * directory, describes the first, then plays all six together at 60 fps for 20 s on the best engine this
 * machine allows, verifying every frame shown, composited as a labelled grid with the stats overlay in a window
 * when one can be opened (else offscreen, else not rendered; {@link DisplayOptions}), and prints the report (the
 * engine's and the renderer's).
 *
 * <p>Runs on the main thread.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generates 6 layers of 1080p HAP Q (once, cached), plays them together at 60 fps for 20 s on the",
            "best engine, verifying every frame, shows them as a labelled grid with the stats overlay (a window, else",
            "offscreen), and prints the report."
        })
final class DemoCommand implements Callable<Integer> {
    static final int LAYERS = 6;
    /** Clip length: 4 s at 60 fps, played in a loop. */
    static final int FRAMES = 240;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Where generated media are kept (default: $XDG_CACHE_HOME/hapring or ~/.cache/hapring).")
    Path cacheDir;

    @Mixin
    DisplayOptions display;

    @Option(
            names = "--seconds",
            defaultValue = "20",
            paramLabel = "S",
            description = "How long to play (default ${DEFAULT-VALUE}).")
    double seconds;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || seconds > 3600) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--seconds=" + seconds + ": must be > 0 and <= 3600");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = (cacheDir != null ? cacheDir : CacheDir.defaultDir()).resolve("demo");
        Files.createDirectories(dir);
        List<Path> files = make(dir, err);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        out.printf(
                Locale.ROOT,
                "hapring demo: %d layers of 1080p HAP Q in %s (%s); the first one:%n",
                LAYERS,
                dir,
                Units.bytes(bytes));
        out.flush();
        int status = Main.run(out, err, "info", files.get(0).toString());
        if (status != 0) {
            return status;
        }
        out.printf(
                Locale.ROOT,
                "hapring demo: playing all %d at 60 fps for %.0f s on the best engine, verifying every"
                        + " frame shown%n",
                LAYERS,
                seconds);
        out.flush();
        PlayerConfig config = PlayerConfig.defaults();
        display.layout = "grid";
        display.statsOverlay = true;
        LoopSettings settings = display.settings(spec, config.maxLayers(), "hapring demo");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            labels.add("layer " + (i + 1) + ": HAP Q 1920x1080  " + files.get(i).getFileName());
        }
        PlaySession.Display shown = settings == null
                ? null
                : new PlaySession.Display(settings, DisplayOptions.Layout.GRID, labels, display.auto());
        PlaySession.Result r = PlaySession.run(
                config,
                files,
                seconds,
                true,
                0,
                1,
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
        return r.stats().wrong() > 0 ? PlayCommand.EXIT_WRONG_FRAMES : 0;
    }

    /** True when {@code f} is a demo movie as this version makes it (an older or damaged one is made again). */
    private static boolean isCurrent(Path f) {
        if (!Files.exists(f)) {
            return false;
        }
        try {
            org.hapring.mov.SampleTable t = org.hapring.mov.MovReader.open(f).video();
            return t.frameCount() == FRAMES
                    && t.width() == 1920
                    && t.height() == 1080
                    && HapVariant.HAP_Q.fourcc().equals(t.fourcc());
        } catch (IOException e) {
            return false;
        }
    }

    /** The layers' movies, made where missing (a finished movie is renamed into place, so a half one never counts). */
    private static List<Path> make(Path dir, PrintWriter err) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int layer = 1; layer <= LAYERS; layer++) {
            Path f = dir.resolve("layer" + layer + "_1080p_hap_q.mov");
            files.add(f);
            if (isCurrent(f)) {
                continue;
            }
            err.println("hapring demo: generating " + f + " (" + FRAMES + " frames, once)");
            ProgressLine line = new ProgressLine(err, System.console() != null);
            Path tmp = dir.resolve(f.getFileName() + ".making.mov");
            HapGenerator.generate(
                    new GenSpec(
                            tmp,
                            HapVariant.HAP_Q,
                            1920,
                            1080,
                            FrameRate.parse("60"),
                            FRAMES,
                            GenSpec.Content.PATTERN,
                            layer,
                            layer,
                            HapEncoding.defaults(),
                            MovWriter.MoovPlacement.FIRST,
                            Math.max(1, Runtime.getRuntime().availableProcessors())),
                    line::update);
            line.finish();
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return files;
    }
}
