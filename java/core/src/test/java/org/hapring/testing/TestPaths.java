package org.hapring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where test inputs and generated media live: the repository's {@code testdata/} and a per-module
 * cache under {@code target/test-media} (kept between runs of one build, gone with {@code mvn clean}).
 *
 * <p>Any thread.
 */
public final class TestPaths {
    private TestPaths() {}

    /** The repository root (surefire sets {@code hapring.repoRoot}; otherwise found by walking up). */
    public static Path repoRoot() {
        String prop = System.getProperty("hapring.repoRoot");
        if (prop != null && Files.isDirectory(Path.of(prop, "testdata"))) {
            return Path.of(prop).toAbsolutePath();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("testdata")) && Files.exists(p.resolve("hapring"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (no testdata/ above "
                + Path.of("").toAbsolutePath() + ")");
    }

    public static Path testdata() {
        return repoRoot().resolve("testdata");
    }

    /** A cache directory for generated media, created on demand: {@code <module>/target/test-media}. */
    public static Path mediaCache() {
        Path dir = Path.of("target", "test-media").toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
