package org.hapring.app;

import java.util.Locale;

/**
 * Human-readable sizes for console output (decimal units, as disk and network people quote them).
 *
 * <p>Stateless; any thread.
 */
final class Units {
    private Units() {}

    static String bytes(long bytes) {
        if (bytes < 1_000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1_000 && u < units.length - 1) {
            v /= 1_000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
