package org.hapring.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hapring info FILE... [--json]}: what a HAP movie is (variant, size, exact frame rate, frames,
 * duration), how its frames are stored (sizes, header forms, compressors, chunks, compressibility) and
 * the data rate it needs at its native frame rate. A file that cannot be read is one line on stderr;
 * the others are still reported and the exit status is 1.
 *
 * <p>Runs on the main thread.
 */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Describes HAP movies: variant, size, fps, frames, frame sizes, section layout, data rate.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "HAP QuickTime movies.")
    List<Path> files;

    @Option(names = "--json", description = "JSON instead of text: one object for one file, an array for several.")
    boolean json;

    @Option(
            names = "--inspect-frames",
            defaultValue = "1000",
            paramLabel = "N",
            description =
                    "Read the section headers of at most N frames, spread evenly (0 = every frame; default ${DEFAULT-VALUE}).")
    int inspectFrames;

    @Override
    public Integer call() throws IOException {
        if (inspectFrames < 0) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--inspect-frames must be >= 0: " + inspectFrames);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MovieInfo> infos = new ArrayList<>();
        int failed = 0;
        for (Path file : files) {
            try {
                MovieInfo info = MovieInfo.of(file, inspectFrames);
                infos.add(info);
                if (!json) {
                    printText(out, info);
                }
            } catch (IOException e) {
                failed++;
                err.println("hapring: " + ErrorHandler.describe(e));
            }
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(files.size() == 1 && infos.size() == 1 ? infos.get(0) : infos));
        }
        out.flush();
        return failed == 0 ? 0 : ErrorHandler.EXIT_BAD_INPUT;
    }

    private static void printText(PrintWriter out, MovieInfo i) {
        MovieInfo.Sections s = i.sections();
        out.println(i.file());
        out.printf(Locale.ROOT, "  codec        %s (%s: %s)%n", i.codec(), i.variant(), i.textureFormats());
        out.printf(Locale.ROOT, "  picture      %dx%d%n", i.width(), i.height());
        out.printf(
                Locale.ROOT,
                "  fps          %s (%.3f, %s, timescale %d)%n",
                i.fps(),
                i.fpsValue(),
                i.constantFrameRate() ? "constant" : "variable",
                i.timescale());
        out.printf(Locale.ROOT, "  frames       %d, %.3f s%n", i.frames(), i.durationSeconds());
        out.printf(
                Locale.ROOT,
                "  frame bytes  min %,d  avg %,d  max %,d  (total %s)%n",
                i.frameBytes().min(),
                i.frameBytes().avg(),
                i.frameBytes().max(),
                Units.bytes(i.frameBytes().total()));
        out.printf(
                Locale.ROOT,
                "  texture      %,d bytes per frame; stored/texture %.3f (%s)%n",
                i.textureBytesPerFrame(),
                i.storedToTextureRatio(),
                i.storedToTextureRatio() >= 0.97
                        ? "incompressible: worst-case data rate"
                        : String.format(Locale.ROOT, "Snappy saves %.0f %%", 100 * (1 - i.storedToTextureRatio())));
        out.printf(
                Locale.ROOT,
                "  sections     top level %s; headers %s bytes; compressors %s; chunks per plane %s"
                        + "; offset tables %d; chunks stored %d / snappy %d (%d of %d frames inspected)%n",
                String.join(",", s.topLevelTypes()),
                s.headerBytes(),
                s.compressors(),
                s.chunkCounts(),
                s.offsetTables(),
                s.storedChunks(),
                s.snappyChunks(),
                i.framesInspected(),
                i.frames());
        out.printf(
                Locale.ROOT,
                "  data rate    %s/s at %s fps (largest frame: %s/s)%n",
                Units.bytes((long) i.dataRateBytesPerSecond()),
                i.fps(),
                Units.bytes((long) i.peakDataRateBytesPerSecond()));
        out.printf(
                Locale.ROOT,
                "  container    %s, moov %s mdat; tracks %s%n",
                Units.bytes(i.fileBytes()),
                i.moovFirst() ? "before" : "after",
                String.join(" ", i.tracks()));
    }
}
