package org.hapring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real HAP movies from other encoders in {@code testdata/real}, with FFmpeg's reference decode
 * ({@code <name>.rgba.framemd5}) where FFmpeg can decode them.
 *
 * <p>Any thread.
 */
public final class RealMedia {
    private RealMedia() {}

    public static Path dir() {
        return TestPaths.testdata().resolve("real");
    }

    /** Every .mov in testdata/real, sorted by name. */
    public static List<Path> movies() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".mov"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path movie(String fileName) {
        return dir().resolve(fileName);
    }

    /**
     * FFmpeg's framemd5 of a movie as its CLI makes it (display matrix applied), or {@code null} when
     * FFmpeg cannot decode it.
     */
    public static Path referenceFramemd5(Path movie) {
        String name = movie.getFileName().toString();
        Path ref = movie.resolveSibling(name.substring(0, name.length() - 4) + ".rgba.framemd5");
        return Files.exists(ref) ? ref : null;
    }

    /**
     * FFmpeg's framemd5 of the picture as decoded ({@code -noautorotate}): differs from
     * {@link #referenceFramemd5} only for movies with a display rotation.
     */
    public static Path unrotatedFramemd5(Path movie) {
        String name = movie.getFileName().toString();
        Path ref = movie.resolveSibling(name.substring(0, name.length() - 4) + ".noautorotate.rgba.framemd5");
        return Files.exists(ref) ? ref : referenceFramemd5(movie);
    }
}
