package org.hapring.app.bench;

import static org.hapring.app.bench.RunRow.orNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Turns a point's repetitions into its {@link RunRow}: medians with minimum and maximum, fio's figures and the
 * per-repetition ratio to fio (engine and fio measured next to each other, so drift affects both alike), and
 * the notes the runs left.
 *
 * <p>Stateless; any thread.
 */
public final class Rows {
    private Rows() {}

    /** One repetition of an unpaced point: the engine's run, fio's (null without fio), the cache residency at start. */
    public record UnpacedSample(UnpacedRun.Result run, FioResult fio, double residentAtStart) {}

    public static RunRow unpaced(
            String media,
            String engine,
            CacheState cache,
            int layers,
            List<UnpacedSample> reps,
            FioJob fioJob,
            List<String> extraNotes) {
        Summary gbps = summary(reps, s -> s.run().gigabytesPerSecond());
        Summary fps = summary(reps, s -> s.run().frames() * 1e9 / s.run().wallNanos());
        Summary fio = summary(reps, s -> s.fio() == null ? Double.NaN : s.fio().gigabytesPerSecond());
        Summary ratio = summary(
                reps,
                s -> s.fio() == null
                        ? Double.NaN
                        : s.run().gigabytesPerSecond() / s.fio().gigabytesPerSecond());
        Set<String> notes = new LinkedHashSet<>(extraNotes);
        Set<String> ran = new LinkedHashSet<>();
        for (UnpacedSample s : reps) {
            ran.add(s.run().engineName());
            notes.addAll(s.run().notices());
        }
        if (fioJob != null && !fioJob.exact()) {
            notes.add("fio reads " + (cache == CacheState.DIRECT ? "4 KiB-aligned blocks" : "mean-sized blocks")
                    + " of the same files (the engine reads exact frames)");
        }
        return new RunRow(
                media,
                engine,
                String.join("/", ran),
                cache.cliName(),
                layers,
                RunRow.UNPACED,
                reps.size(),
                orNull(gbps.median()),
                orNull(gbps.min()),
                orNull(gbps.max()),
                orNull(fps.median()),
                fio.isEmpty() ? null : fioJob.counterpart(),
                orNull(fio.median()),
                orNull(fio.min()),
                orNull(fio.max()),
                orNull(ratio.median()),
                orNull(ratio.min()),
                orNull(ratio.max()),
                orNull(summary(reps, s -> s.run().cpuSecondsPerGigabyte()).median()),
                orNull(summary(reps, s -> s.fio() == null ? Double.NaN : s.fio().cpuSecondsPerGigabyte())
                        .median()),
                orNull(summary(reps, s -> s.run().syscallsPerFrame()).median()),
                orNull(summary(reps, s -> s.run().pageFaultsPerFrame()).median()),
                orNull(summary(reps, s -> s.run().ticksTrace().percentileMicros(50))
                        .median()),
                orNull(summary(reps, s -> s.run().ticksTrace().percentileMicros(99))
                        .median()),
                null,
                null,
                null,
                null,
                null,
                null,
                orNull(summary(reps, s -> 100 * s.residentAtStart()).median()),
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** A paced point: every repetition's {@link PacedRun.Result}. */
    public static RunRow paced(
            String media,
            String engine,
            CacheState cache,
            int layers,
            List<PacedRun.Result> reps,
            List<String> extraNotes) {
        Summary dropped = Summary.of(
                reps.stream().mapToDouble(PacedRun.Result::droppedPercent).toArray());
        Set<String> notes = new LinkedHashSet<>(extraNotes);
        Set<String> ran = new LinkedHashSet<>();
        for (PacedRun.Result r : reps) {
            ran.add(r.engineRan());
            notes.addAll(r.notices());
        }
        return new RunRow(
                media,
                engine,
                String.join("/", ran),
                cache.cliName(),
                layers,
                RunRow.PACED,
                reps.size(),
                orNull(med(reps, PacedRun.Result::gigabytesPerSecond)),
                orNull(min(reps, PacedRun.Result::gigabytesPerSecond)),
                orNull(max(reps, PacedRun.Result::gigabytesPerSecond)),
                orNull(med(reps, r -> (r.framesDue() - r.dropped()) / r.seconds())),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                orNull(dropped.median()),
                orNull(dropped.min()),
                orNull(dropped.max()),
                orNull(med(reps, PacedRun.Result::hitRatePercent)),
                orNull(med(reps, PacedRun.Result::acquireP50Micros)),
                orNull(med(reps, PacedRun.Result::acquireP99Micros)),
                null,
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static Summary summary(List<UnpacedSample> reps, ToDoubleFunction<UnpacedSample> f) {
        return Summary.of(reps.stream().mapToDouble(f).toArray());
    }

    private static double med(List<PacedRun.Result> reps, ToDoubleFunction<PacedRun.Result> f) {
        return Summary.of(reps.stream().mapToDouble(f).toArray()).median();
    }

    private static double min(List<PacedRun.Result> reps, ToDoubleFunction<PacedRun.Result> f) {
        return Summary.of(reps.stream().mapToDouble(f).toArray()).min();
    }

    private static double max(List<PacedRun.Result> reps, ToDoubleFunction<PacedRun.Result> f) {
        return Summary.of(reps.stream().mapToDouble(f).toArray()).max();
    }
}
