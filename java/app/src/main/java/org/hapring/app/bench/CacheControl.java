package org.hapring.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hapring.io.PageCache;

/**
 * Puts the media into a {@link CacheState} just before a measurement: warm reads every file once; cold drops
 * the files' pages, per file with {@code posix_fadvise(DONTNEED)} (the default: touches nothing else on the
 * machine) or the whole machine's with {@code drop_caches} (root only, {@code --cold drop-caches}); direct also
 * drops them, so that nothing the O_DIRECT run reads could have come from a cached copy.
 *
 * <p>Called by the benchmark's main thread, between measurements.
 */
public final class CacheControl {
    /** How cold is made. */
    public enum ColdMethod {
        FADVISE("posix_fadvise(POSIX_FADV_DONTNEED) per file"),
        DROP_CACHES("echo 3 > /proc/sys/vm/drop_caches (whole machine)");

        private final String description;

        ColdMethod(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public static ColdMethod parse(String s) {
            return switch (s.trim()) {
                case "fadvise" -> FADVISE;
                case "drop-caches" -> DROP_CACHES;
                default -> throw new IllegalArgumentException("cold=" + s + ": expected fadvise or drop-caches");
            };
        }
    }

    private final ColdMethod coldMethod;

    public CacheControl(ColdMethod coldMethod) {
        if (coldMethod == ColdMethod.DROP_CACHES && !PageCache.canDropAllCaches()) {
            throw new IllegalArgumentException(
                    "cold=drop-caches needs root (/proc/sys/vm/drop_caches is not writable);" + " use --cold fadvise");
        }
        this.coldMethod = coldMethod;
    }

    public ColdMethod coldMethod() {
        return coldMethod;
    }

    /** Brings {@code files} into {@code state}. */
    public void prepare(CacheState state, List<Path> files) throws IOException {
        switch (state) {
            case WARM -> {
                for (Path f : files) {
                    PageCache.load(f);
                }
            }
            case COLD, DIRECT -> evict(files);
        }
    }

    private void evict(List<Path> files) throws IOException {
        if (coldMethod == ColdMethod.DROP_CACHES) {
            PageCache.dropAllCaches();
            return;
        }
        for (Path f : files) {
            PageCache.evict(f);
        }
    }

    /** The mean resident fraction of {@code files} (0..1), to state in the report what the run started from. */
    public static double residentFraction(List<Path> files) throws IOException {
        double sum = 0;
        for (Path f : files) {
            sum += PageCache.residentFraction(f);
        }
        return files.isEmpty() ? 0 : sum / files.size();
    }
}
