package org.hapring.app;

import java.nio.file.Path;

/**
 * Where hapring keeps generated media between runs: {@code $XDG_CACHE_HOME/hapring}, else
 * {@code ~/.cache/hapring}.
 *
 * <p>Stateless; any thread.
 */
final class CacheDir {
    private CacheDir() {}

    static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "hapring");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "hapring");
    }
}
