package org.hapring.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.hapring.decode.HapVariant;
import org.hapring.testing.TestPaths;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;

/**
 * Test media: small HAP movies whose frames carry the layer id and frame number (the writer's stamp), made
 * once per parameter set into the module's media cache.
 *
 * <p>Any test thread (files are written under a temporary name and moved).
 */
final class StampedMovies {
    private StampedMovies() {}

    /** A 64x48 pattern movie at 60 fps. */
    static Path movie(HapVariant variant, int frames, int layerId, HapEncoding.Compressor compressor) {
        String name = "stamped_" + variant.cliName() + "_" + frames + "f_layer" + layerId + "_"
                + compressor.name().toLowerCase(Locale.ROOT) + ".mov";
        Path out = TestPaths.mediaCache().resolve(name);
        if (Files.exists(out)) {
            return out;
        }
        Path tmp = out.resolveSibling(name + "." + ProcessHandle.current().pid() + ".tmp.mov");
        try {
            HapGenerator.generate(
                    new GenSpec(
                            tmp,
                            variant,
                            64,
                            48,
                            FrameRate.parse("60"),
                            frames,
                            GenSpec.Content.PATTERN,
                            layerId,
                            1,
                            HapEncoding.defaults().withCompressor(compressor),
                            MovWriter.MoovPlacement.FIRST,
                            1),
                    null);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A copy of {@code movie} in {@code dir} (for tests that truncate or delete it). */
    static Path copy(Path movie, Path dir, String name) throws IOException {
        return Files.copy(movie, dir.resolve(name));
    }
}
