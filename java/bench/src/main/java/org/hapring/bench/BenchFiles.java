package org.hapring.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hapring.decode.HapVariant;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;

/**
 * The benchmark's media: {@code count} files of {@code framesPerFile} frames of {@code frameBytes}
 * pseudo-random bytes (incompressible like HAP Q noise), made once into a cache directory and reused (so
 * fio can read the very same files), plus warming them into the page cache.
 *
 * <p>Called by the benchmark's setup thread.
 */
public final class BenchFiles {
    /** One 1080p HAP Q frame of noise: 1920x1080 BC3 (2,073,600 bytes) + the 8-byte section header. */
    public static final int HAPQ_1080P_FRAME_BYTES = 2_073_608;

    private BenchFiles() {}

    public static Path defaultDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "hapring-bench-io");
    }

    /** The files, created when missing or of the wrong size. */
    public static List<Path> ensure(Path dir, int count, int framesPerFile, int frameBytes) throws IOException {
        Files.createDirectories(dir);
        long sizeBytes = (long) framesPerFile * frameBytes;
        List<Path> files = new ArrayList<>();
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < count; i++) {
            Path f = dir.resolve("layer" + i + ".bin");
            if (!Files.exists(f) || Files.size(f) != sizeBytes) {
                SplittableRandom rnd = new SplittableRandom(1000 + i);
                try (OutputStream out = Files.newOutputStream(
                        f, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                    for (long left = sizeBytes; left > 0; left -= chunk.length) {
                        for (int j = 0; j < chunk.length; j += 8) {
                            long v = rnd.nextLong();
                            for (int k = 0; k < 8; k++) {
                                chunk[j + k] = (byte) (v >>> (8 * k));
                            }
                        }
                        out.write(chunk, 0, (int) Math.min(left, chunk.length));
                    }
                }
            }
            files.add(f);
        }
        return files;
    }

    /**
     * A HAP movie of {@code frames} noise frames (stored raw: every frame the same size) at {@code fps}, made once
     * into {@code dir} and reused.
     */
    public static Path hapMovie(Path dir, HapVariant variant, int widthPixels, int heightPixels, int frames)
            throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(
                "noise-" + variant.cliName() + "-" + widthPixels + "x" + heightPixels + "-" + frames + ".mov");
        if (!Files.exists(f)) {
            Path tmp = dir.resolve(f.getFileName() + ".making.mov");
            HapGenerator.generate(
                    new GenSpec(
                            tmp,
                            variant,
                            widthPixels,
                            heightPixels,
                            FrameRate.parse("60"),
                            frames,
                            GenSpec.Content.NOISE,
                            0,
                            1,
                            HapEncoding.defaults(),
                            MovWriter.MoovPlacement.FIRST,
                            Math.max(1, Runtime.getRuntime().availableProcessors())),
                    null);
            Files.move(tmp, f);
        }
        return f;
    }

    /** Reads every file once so that a warm-cache run starts warm. */
    public static void warm(List<Path> files) throws IOException {
        byte[] buf = new byte[1 << 20];
        for (Path f : files) {
            try (var in = Files.newInputStream(f)) {
                while (in.read(buf) > 0) {
                    // only the page cache matters
                }
            }
        }
    }
}
