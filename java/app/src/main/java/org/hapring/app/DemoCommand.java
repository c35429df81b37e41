package org.hapring.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.HapVariant;
import org.hapring.decode.MovieFrameReader;
import org.hapring.decode.TextureFrame;
import org.hapring.decode.reference.PngWriter;
import org.hapring.decode.reference.ReferenceDecoder;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hapring demo}: the main job on a built-in default, no files needed. Generates a 1080p HAP Q
 * clip once into a cache directory, describes it, decodes every frame's texture and checks the layer
 * and frame number stamped into it, and writes one decoded frame as a PNG.
 *
 * <p>Runs on the main thread.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates a 1080p HAP Q clip (once), describes it, decodes and verifies every frame.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where generated media are kept (default: $XDG_CACHE_HOME/hapring or ~/.cache/hapring).")
    Path cacheDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = (cacheDir != null ? cacheDir : CacheDir.defaultDir()).resolve("demo");
        Files.createDirectories(dir);
        Path clip = dir.resolve("layer1_1080p_hap_q.mov");
        if (!Files.exists(clip)) {
            err.println("hapring demo: generating " + clip + " (once)");
            ProgressLine line = new ProgressLine(err, System.console() != null);
            HapGenerator.Result r = HapGenerator.generate(new GenSpec(clip, HapVariant.HAP_Q, 1920, 1080,
                    FrameRate.parse("60"), 600, GenSpec.Content.PATTERN, 1, 1, HapEncoding.defaults(),
                    MovWriter.MoovPlacement.LAST, Math.max(1, Runtime.getRuntime().availableProcessors())), line::update);
            line.finish();
        }
        out.println("hapring demo: " + clip + " (" + Units.bytes(Files.size(clip)) + ")");
        out.flush();
        int status = Main.run(out, err, "info", clip.toString());
        if (status != 0) {
            return status;
        }
        int wrong = 0;
        long startNanos = System.nanoTime();
        Path png = dir.resolve("frame0120.png");
        try (MovieFrameReader reader = MovieFrameReader.open(clip); Arena arena = Arena.ofConfined()) {
            int frames = reader.table().frameCount();
            for (int f = 0; f < frames; f++) {
                TextureFrame texture = reader.decode(f);
                long stamp = FrameStamp.read(texture.plane(0), texture.format(0), 1920, 1080);
                if (stamp == FrameStamp.NONE || FrameStamp.layerId(stamp) != 1 || FrameStamp.frameNumber(stamp) != f) {
                    wrong++;
                }
                if (f == 120) {
                    MemorySegment rgba = arena.allocate(ReferenceDecoder.rgbaBytes(1920, 1080));
                    ReferenceDecoder.toRgba(texture, reader.variant(), rgba);
                    PngWriter.write(png, rgba, 1920, 1080);
                }
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            out.printf("  decoded      %d frames in %.2f s (%.0f frames/s, texture decode on one thread); wrong frames %d%n",
                    frames, seconds, frames / seconds, wrong);
            out.println("  frame 120    " + png);
        }
        out.flush();
        return wrong == 0 ? 0 : 1;
    }
}
