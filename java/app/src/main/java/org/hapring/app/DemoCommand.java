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
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hapring demo}: the README's main command. Makes six layers of 1080p HAP Q (the writer's scrolling test
 * card, each stamped with its layer id) once into a cache directory ({@code $HAPRING_CACHE_DIR}, else
 * {@code $XDG_CACHE_HOME/hapring/demo}, else {@code ~/.cache/hapring/demo}), then plays them together at 60 fps
 * for 20 s on the best engine this machine allows, verifying every frame, and prints the report.
 *
 * <p>Runs on the main thread.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {"Makes 6 layers of 1080p HAP Q once (cached), plays them at 60 fps for 20 s with verification,"
                + " and prints the report."})
final class DemoCommand implements Callable<Integer> {
    static final int LAYERS = 6;
    /** Clip length: 4 s at 60 fps, played in a loop. */
    static final int FRAMES = 240;
    static final double PLAY_SECONDS = 20;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = cacheDir();
        Files.createDirectories(dir);
        List<Path> files = make(dir, out);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        out.printf(Locale.ROOT, "hapring demo: %d layers of 1080p HAP Q in %s (%.0f MB); playing at 60 fps for %.0f s"
                + " on the best engine, verifying every frame%n", LAYERS, dir, bytes / 1e6, PLAY_SECONDS);
        out.flush();
        PlayerConfig config = PlayerConfig.builder().build();
        PlaySession.Result r = PlaySession.run(config, files, PLAY_SECONDS, true, 0, 1, FrameDecoders.hap(), err,
                System.console() != null && System.console().isTerminal());
        for (String line : StatsReport.summary(r.stats(), r.seconds())) {
            out.println(line);
        }
        out.flush();
        return r.stats().wrong() > 0 ? PlayCommand.EXIT_WRONG_FRAMES : 0;
    }

    static Path cacheDir() {
        String own = System.getenv("HAPRING_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hapring").resolve("demo");
    }

    /** The layers' movies, made where missing (a finished movie is renamed into place, so a half one never counts). */
    private static List<Path> make(Path dir, PrintWriter out) throws IOException {
        List<Path> files = new ArrayList<>();
        long start = System.nanoTime();
        boolean made = false;
        for (int i = 0; i < LAYERS; i++) {
            Path f = dir.resolve("demo-hapq-1080p-layer" + i + ".mov");
            files.add(f);
            if (Files.exists(f)) {
                continue;
            }
            if (!made) {
                out.println("hapring demo: making " + LAYERS + " layers of 1080p HAP Q (" + FRAMES
                        + " frames each, once) in " + dir + " ...");
                out.flush();
                made = true;
            }
            Path tmp = dir.resolve(f.getFileName() + ".making.mov");
            HapGenerator.generate(new GenSpec(tmp, HapVariant.HAP_Q, 1920, 1080, FrameRate.parse("60"), FRAMES,
                    GenSpec.Content.PATTERN, i, i, HapEncoding.defaults(), MovWriter.MoovPlacement.FIRST,
                    Math.max(1, Runtime.getRuntime().availableProcessors())), null);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        if (made) {
            out.printf(Locale.ROOT, "hapring demo: made in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        return files;
    }
}
