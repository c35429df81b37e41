package org.hapring.app.bench;

import java.nio.file.Path;
import java.util.List;
import org.hapring.io.EngineKind;
import org.hapring.write.FrameRate;

/**
 * Everything one {@code hapring bench} invocation measures, validated on creation (messages name the option).
 *
 * @param engines engines to compare
 * @param caches cache states of the unpaced matrix
 * @param layers layer counts of the unpaced matrix
 * @param formats generated media formats (empty when only {@code files} are measured)
 * @param files the user's own movies (one per layer; empty for generated media only)
 * @param fps the paced rate and the generated media's rate
 * @param clipFrames frames per generated file (at least; a cold capacity search may ask for longer files)
 * @param mediaBytesPerFormat the most bytes of generated media per format (bounds the longer files)
 * @param repetitions repetitions per point (at least 3)
 * @param coldBytesPerRun bytes a cold or direct unpaced run reads over all layers (each frame once)
 * @param warmNanosPerRun how long a warm unpaced run lasts
 * @param unpaced whether to run the unpaced matrix
 * @param capacityCaches cache states of the capacity search (empty: no search); the first one is the headline
 * @param capacityMaxLayers the most layers the capacity search tries
 * @param probeSeconds how long one paced probe plays
 * @param probeRepetitions repetitions per probe (the median decides; 1 in {@code --quick})
 * @param coldMethod how cold is made
 * @param cacheDir where generated media are kept
 * @param fio fio's executable, or null not to run fio
 * @param quick whether this is {@code --quick} (said in the report)
 *
 * <p>Immutable; any thread.
 */
public record BenchPlan(
        List<EngineKind> engines,
        List<CacheState> caches,
        List<Integer> layers,
        List<MediaFormat> formats,
        List<Path> files,
        FrameRate fps,
        int clipFrames,
        long mediaBytesPerFormat,
        int repetitions,
        long coldBytesPerRun,
        long warmNanosPerRun,
        boolean unpaced,
        List<CacheState> capacityCaches,
        int capacityMaxLayers,
        double probeSeconds,
        int probeRepetitions,
        CacheControl.ColdMethod coldMethod,
        Path cacheDir,
        String fio,
        boolean quick) {

    public static final List<EngineKind> ALL_ENGINES =
            List.of(EngineKind.URING, EngineKind.URING_NOREG, EngineKind.FILECHANNEL, EngineKind.MMAP, EngineKind.SYNC);

    public BenchPlan {
        engines = List.copyOf(engines);
        caches = List.copyOf(caches);
        layers = List.copyOf(layers);
        formats = List.copyOf(formats);
        files = List.copyOf(files);
        capacityCaches = List.copyOf(capacityCaches);
        if (engines.isEmpty()) {
            throw new IllegalArgumentException("--engines: at least one engine");
        }
        for (EngineKind k : engines) {
            if (k == EngineKind.AUTO || k == EngineKind.NULL) {
                throw new IllegalArgumentException("--engines " + k.cliName() + ": measure a real engine ("
                        + String.join(
                                ", ",
                                ALL_ENGINES.stream().map(EngineKind::cliName).toList()) + ")");
            }
        }
        if (layers.isEmpty() || layers.stream().anyMatch(l -> l < 1 || l > 256)) {
            throw new IllegalArgumentException("--layers " + layers + ": each must be 1..256");
        }
        if (formats.isEmpty() && files.isEmpty()) {
            throw new IllegalArgumentException("--formats/--files: nothing to read");
        }
        if (!files.isEmpty()
                && files.size()
                        < layers.stream().mapToInt(Integer::intValue).max().orElse(1)) {
            throw new IllegalArgumentException("--files: " + files.size() + " file(s) for up to "
                    + layers.stream().mapToInt(Integer::intValue).max().orElse(1)
                    + " layers; give one file per layer (layers never share a file's cached pages)");
        }
        if (repetitions < 3 || repetitions > 100) {
            throw new IllegalArgumentException(
                    "--repetitions " + repetitions + ": must be 3..100 (medians need at least 3)");
        }
        if (clipFrames < 8 || clipFrames > 100_000) {
            throw new IllegalArgumentException("--clip-seconds gives " + clipFrames + " frames: must be 8..100000");
        }
        if (mediaBytesPerFormat < 1_000_000L) {
            throw new IllegalArgumentException("--media-gigabytes: at least 0.001");
        }
        if (coldBytesPerRun < 1_000_000L) {
            throw new IllegalArgumentException("--run-megabytes: at least 1 MB per run");
        }
        if (warmNanosPerRun < 10_000_000L) {
            throw new IllegalArgumentException("--warm-seconds: at least 0.01 s");
        }
        if (capacityMaxLayers < 1 || capacityMaxLayers > 256) {
            throw new IllegalArgumentException("--capacity-max-layers " + capacityMaxLayers + ": must be 1..256");
        }
        if (probeRepetitions < 1 || probeRepetitions > 100) {
            throw new IllegalArgumentException("--probe-repetitions " + probeRepetitions + ": must be 1..100");
        }
        if (!(probeSeconds >= 0.2 && probeSeconds <= 600)) {
            throw new IllegalArgumentException("--probe-seconds " + probeSeconds + ": must be 0.2..600");
        }
    }

    public int maxLayers() {
        return layers.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
