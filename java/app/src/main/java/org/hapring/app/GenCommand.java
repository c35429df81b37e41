package org.hapring.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.HapVariant;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapFrameEncoder;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hapring gen}: writes a HAP movie of any variant for tests, demos and benchmarks, with the
 * layer id and frame number stamped into every frame. Options are validated before anything is
 * written; each error names its option.
 *
 * <p>Runs on the main thread, which becomes the movie's writer thread.
 */
@Command(
        name = "gen",
        mixinStandardHelpOptions = true,
        description = "Writes a HAP movie: a scrolling test card or incompressible noise, every frame stamped with"
                + " the layer id and frame number (a black/white block strip at the top left and large digits).")
final class GenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT.mov", description = "The movie to write (replaced if it exists).")
    Path output;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "FORMAT",
            description = "hap, hap_alpha, hap_q, hap_q_alpha, hap_alpha_only, hap_r or hap_hdr.")
    String format;

    @Option(
            names = "--size",
            defaultValue = "1920x1080",
            paramLabel = "WxH",
            description = "Picture size in pixels (default ${DEFAULT-VALUE}); at least 64 4x4 blocks, e.g. 32x32.")
    String size;

    @Option(
            names = "--fps",
            defaultValue = "60",
            paramLabel = "RATE",
            description = "Frame rate: 60, 59.94, 29.97, 30000/1001, ... (default ${DEFAULT-VALUE}).")
    String fps;

    @Option(
            names = "--seconds",
            defaultValue = "10",
            paramLabel = "S",
            description = "Length in seconds, rounded to whole frames (default ${DEFAULT-VALUE}).")
    String seconds;

    @Option(
            names = "--content",
            defaultValue = "pattern",
            paramLabel = "KIND",
            description =
                    "pattern (scrolling test card) or noise (incompressible, worst-case data rate); default ${DEFAULT-VALUE}.")
    String content;

    @Option(
            names = "--layer-id",
            defaultValue = "0",
            paramLabel = "N",
            description = "Layer id stamped into every frame, 0-65535 (default ${DEFAULT-VALUE}).")
    int layerId;

    @Option(
            names = "--chunks",
            defaultValue = "1",
            paramLabel = "N",
            description = "Chunks per texture (1-" + HapEncoding.MAX_CHUNKS
                    + "); more than 1 writes chunked 0xC? frames (default ${DEFAULT-VALUE}).")
    int chunks;

    @Option(
            names = "--compressor",
            defaultValue = "snappy",
            paramLabel = "C",
            description = "snappy or none (default ${DEFAULT-VALUE}).")
    String compressor;

    @Option(
            names = "--header",
            defaultValue = "auto",
            paramLabel = "H",
            description = "Section header bytes: 4, 8, or auto (4 below 16 MiB); default ${DEFAULT-VALUE}.")
    String header;

    @Option(names = "--offset-table", description = "Write the optional chunk offset table in chunked frames.")
    boolean offsetTable;

    @Option(
            names = "--moov",
            defaultValue = "first",
            paramLabel = "WHERE",
            description = "first (faststart) or last (default ${DEFAULT-VALUE}).")
    String moov;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "N",
            description = "Noise seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Frame encoding threads (default: the number of processors).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        GenSpec genSpec = toSpec();
        PrintWriter err = spec.commandLine().getErr();
        if (genSpec.variant() == HapVariant.HAP_Q_ALPHA
                && genSpec.encoding().header() == HapEncoding.HeaderSize.EIGHT) {
            err.println("hapring gen: note: FFmpeg decodes HAP Q Alpha only with 4-byte section headers");
        }
        if (Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "OUT.mov: " + output + " is a directory");
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "OUT.mov: directory " + parent + " does not exist");
        }
        ProgressLine line = new ProgressLine(
                err, System.console() != null && System.console().isTerminal());
        // Ctrl-C ends the JVM without unwinding this thread: remove the half-written file on the way out.
        Path partial = MovWriter.partialPath(output);
        Thread cleanup = new Thread(
                () -> {
                    try {
                        Files.deleteIfExists(partial);
                    } catch (IOException e) {
                        System.err.println("hapring gen: could not remove " + partial + ": " + e.getMessage());
                    }
                },
                "hapring-gen-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        HapGenerator.Result r;
        try {
            r = HapGenerator.generate(genSpec, line::update);
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        line.finish();
        err.printf(
                Locale.ROOT,
                "hapring gen: wrote %s: %d frames %dx%d %s (%s) at %s fps, %.1f MB in %.2f s"
                        + " = %.1f frames/s, %.1f MB/s (setup %.2f s)%n",
                output,
                r.frames(),
                genSpec.widthPixels(),
                genSpec.heightPixels(),
                genSpec.variant().cliName(),
                genSpec.variant().fourcc(),
                genSpec.rate(),
                r.fileBytes() / 1e6,
                r.elapsedNanos() / 1e9,
                r.framesPerSecond(),
                r.megabytesPerSecond(),
                r.prepareNanos() / 1e9);
        err.flush();
        return 0;
    }

    /** Turns the options into a validated {@link GenSpec}; errors name the option. */
    GenSpec toSpec() {
        HapVariant variant = HapVariant.fromCliName(format)
                .orElseThrow(() -> bad(
                        "--format",
                        format,
                        "is not one of "
                                + Arrays.stream(HapVariant.values())
                                        .map(HapVariant::cliName)
                                        .collect(Collectors.joining(", "))));
        int[] wh = parseSize();
        FrameRate rate;
        try {
            rate = FrameRate.parse(fps);
        } catch (IllegalArgumentException e) {
            throw bad("--fps", fps, e.getMessage());
        }
        double secs;
        try {
            secs = Double.parseDouble(seconds);
        } catch (NumberFormatException e) {
            throw bad("--seconds", seconds, "is not a number");
        }
        if (!(secs > 0) || Double.isInfinite(secs)) {
            throw bad("--seconds", seconds, "must be a positive number");
        }
        long frames = rate.framesIn(secs);
        if (frames < 1) {
            throw bad("--seconds", seconds, "is shorter than one frame at " + rate + " fps");
        }
        if (frames > GenSpec.MAX_FRAMES) {
            throw bad("--seconds", seconds, "gives " + frames + " frames, more than " + GenSpec.MAX_FRAMES);
        }
        GenSpec.Content kind = switch (content) {
            case "pattern" -> GenSpec.Content.PATTERN;
            case "noise" -> GenSpec.Content.NOISE;
            default -> throw bad("--content", content, "is not pattern or noise");
        };
        if (layerId < 0 || layerId > 0xFFFF) {
            throw bad("--layer-id", Integer.toString(layerId), "is outside 0-65535");
        }
        if (chunks < 1 || chunks > HapEncoding.MAX_CHUNKS) {
            throw bad("--chunks", Integer.toString(chunks), "is outside 1-" + HapEncoding.MAX_CHUNKS);
        }
        HapEncoding.Compressor comp = switch (compressor) {
            case "snappy" -> HapEncoding.Compressor.SNAPPY;
            case "none" -> HapEncoding.Compressor.NONE;
            default -> throw bad("--compressor", compressor, "is not snappy or none");
        };
        HapEncoding.HeaderSize headerSize = switch (header) {
            case "4" -> HapEncoding.HeaderSize.FOUR;
            case "8" -> HapEncoding.HeaderSize.EIGHT;
            case "auto" -> HapEncoding.HeaderSize.AUTO;
            default -> throw bad("--header", header, "is not 4, 8 or auto");
        };
        MovWriter.MoovPlacement placement = switch (moov) {
            case "first" -> MovWriter.MoovPlacement.FIRST;
            case "last" -> MovWriter.MoovPlacement.LAST;
            default -> throw bad("--moov", moov, "is not first or last");
        };
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || workers > 256) {
            throw bad("--threads", Integer.toString(workers), "is outside 1-256");
        }
        HapEncoding encoding = new HapEncoding(comp, chunks, headerSize, offsetTable);
        GenSpec genSpec;
        try {
            genSpec = new GenSpec(
                    output, variant, wh[0], wh[1], rate, frames, kind, layerId, seed, encoding, placement, workers);
            // Plans the frame layout now, so that chunk and header limits fail before any file is touched.
            new HapFrameEncoder(variant, wh[0], wh[1], encoding);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return genSpec;
    }

    private int[] parseSize() {
        String[] parts = size.toLowerCase(Locale.ROOT).split("x", -1);
        if (parts.length != 2) {
            throw bad("--size", size, "is not WIDTHxHEIGHT, e.g. 1920x1080");
        }
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            if (w < 1 || h < 1 || w > GenSpec.MAX_SIZE_PIXELS || h > GenSpec.MAX_SIZE_PIXELS) {
                throw bad("--size", size, "is outside 1-" + GenSpec.MAX_SIZE_PIXELS + " in each direction");
            }
            if (!FrameStamp.fits(w, h)) {
                throw bad(
                        "--size",
                        size,
                        "holds fewer than 64 4x4 blocks, the frame stamp's minimum (e.g. 32x32, 64x16, 256x4)");
            }
            return new int[] {w, h};
        } catch (NumberFormatException e) {
            throw bad("--size", size, "is not WIDTHxHEIGHT, e.g. 1920x1080");
        }
    }

    private CommandLine.ParameterException bad(String option, String value, String why) {
        return new CommandLine.ParameterException(spec.commandLine(), option + " " + value + ": " + why);
    }
}
