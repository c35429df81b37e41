package org.hapring.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hapring.decode.HapVariant;
import org.hapring.testing.TestPaths;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;

/**
 * Small generated movies (the writer's test card) for render tests, made once per build into the module's
 * test-media cache.
 *
 * <p>Any thread (one writer per file: tests run sequentially).
 */
public final class TestMovies {
    private TestMovies() {}

    /** A {@code width x height} movie of {@code variant} with {@code frames} frames at 60 fps, stamped {@code layerId}. */
    public static Path generated(HapVariant variant, int width, int height, int frames, int layerId) {
        Path out = TestPaths.mediaCache()
                .resolve("render-" + variant.cliName() + "-" + width + "x" + height + "-" + frames + "f-layer" + layerId
                        + ".mov");
        if (Files.exists(out)) {
            return out;
        }
        try {
            Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
            HapGenerator.generate(
                    new GenSpec(
                            tmp,
                            variant,
                            width,
                            height,
                            FrameRate.parse("60"),
                            frames,
                            GenSpec.Content.PATTERN,
                            layerId,
                            1,
                            HapEncoding.defaults(),
                            MovWriter.MoovPlacement.FIRST,
                            1),
                    null);
            Files.move(tmp, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
