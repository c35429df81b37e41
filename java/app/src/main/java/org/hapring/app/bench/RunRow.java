package org.hapring.app.bench;

/**
 * One point of the report (a format, engine, cache state, layer count and mode), summarised over its
 * repetitions: medians, with minimum and maximum where the spread matters. Absent values are null (paced
 * figures in an unpaced row, fio figures without fio). Throughput is in 10^9 bytes per second of frame data.
 *
 * @param media the format ({@code hap_q@1920x1080}) or the user's files
 * @param engine the engine asked for
 * @param engineRan the engine as it ran (a fallback shows here)
 * @param cache warm, cold or direct
 * @param layers layers read side by side
 * @param mode unpaced (as fast as it goes) or paced (at the clock's rate)
 * @param repetitions repetitions behind the medians
 * @param throughputGBps median frame bytes per second
 * @param throughputGBpsMin the slowest repetition
 * @param throughputGBpsMax the fastest repetition
 * @param framesPerSecond median frames per second (all layers together)
 * @param fioJob the fio counterpart, e.g. {@code io_uring+fixedbufs+registerfiles}
 * @param fioGBps fio's median on the same files and pattern, run next to each repetition
 * @param fioGBpsMin fio's slowest repetition
 * @param fioGBpsMax fio's fastest repetition
 * @param ratioToFio median of the per-repetition ratios engine / fio (1.0 = as fast as fio)
 * @param ratioToFioMin the lowest per-repetition ratio
 * @param ratioToFioMax the highest per-repetition ratio
 * @param cpuSecondsPerGB the process's CPU seconds (all threads) per 10^9 bytes read
 * @param fioCpuSecondsPerGB fio's CPU seconds per 10^9 bytes
 * @param syscallsPerFrame io_uring_enter calls (uring) or read calls (others) per frame
 * @param pageFaultsPerFrame page faults per frame (what mmap pays)
 * @param tickMicrosP50 median of the per-repetition median tick latencies (queue to last completion)
 * @param tickMicrosP99 median of the per-repetition 99th percentiles
 * @param droppedPct paced: dropped frames in percent of the frames due
 * @param droppedPctMin paced: the best repetition
 * @param droppedPctMax paced: the worst repetition
 * @param hitRatePct paced: acquires that found the frame ready, percent
 * @param acquireMicrosP50 paced: median frame-acquire latency
 * @param acquireMicrosP99 paced: 99th percentile frame-acquire latency
 * @param residentAtStartPct share of the files' pages in the page cache when the runs started (median)
 * @param notes fallbacks, approximations, refusals
 *
 * <p>Immutable; any thread.
 */
public record RunRow(
        String media,
        String engine,
        String engineRan,
        String cache,
        int layers,
        String mode,
        int repetitions,
        Double throughputGBps,
        Double throughputGBpsMin,
        Double throughputGBpsMax,
        Double framesPerSecond,
        String fioJob,
        Double fioGBps,
        Double fioGBpsMin,
        Double fioGBpsMax,
        Double ratioToFio,
        Double ratioToFioMin,
        Double ratioToFioMax,
        Double cpuSecondsPerGB,
        Double fioCpuSecondsPerGB,
        Double syscallsPerFrame,
        Double pageFaultsPerFrame,
        Double tickMicrosP50,
        Double tickMicrosP99,
        Double droppedPct,
        Double droppedPctMin,
        Double droppedPctMax,
        Double hitRatePct,
        Double acquireMicrosP50,
        Double acquireMicrosP99,
        Double residentAtStartPct,
        String notes) {

    public static final String UNPACED = "unpaced";
    public static final String PACED = "paced";

    /** null for NaN, so that reports say "absent" rather than a number. */
    static Double orNull(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }
}
