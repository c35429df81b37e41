package org.hapring.app.bench;

import java.util.Locale;

/**
 * The page-cache state a measurement runs in.
 *
 * <p>Immutable; any thread.
 */
public enum CacheState {
    /** Every frame already in the page cache (the files were read just before): memory-copy bound. */
    WARM("warm"),
    /** None of the files' pages cached (dropped just before; runs never read a frame twice): storage bound. */
    COLD("cold"),
    /** O_DIRECT: the page cache is bypassed altogether (aligned reads straight into the buffers). */
    DIRECT("direct");

    private final String cliName;

    CacheState(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static CacheState parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (CacheState c : values()) {
            if (c.cliName.equals(n)) {
                return c;
            }
        }
        throw new IllegalArgumentException("cache=" + name + ": expected warm, cold or direct");
    }
}
