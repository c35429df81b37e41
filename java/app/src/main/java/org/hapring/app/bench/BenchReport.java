package org.hapring.app.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a {@code hapring bench} run found, as written to JSON: when and how it ran, on which machine, every
 * point ({@link RunRow}), the capacity per engine (the headline: most layers at the target rate with no drop,
 * and with fewer than 1 % dropped), and notes.
 *
 * @param tool {@code hapring bench}
 * @param command the command line
 * @param startedAt ISO-8601 start time
 * @param finishedAt ISO-8601 end time
 * @param elapsedSeconds wall time of the whole run
 * @param machine the machine and the storage under the media
 * @param loadAverageAtEnd the load averages when the run ended (other work on the machine shows here)
 * @param fio fio's version, or why there is no fio comparison
 * @param coldMethod how the cold state was made
 * @param quick whether this was {@code --quick}
 * @param runs every point
 * @param capacity engine to the most layers sustained with no dropped frame (headline cache state)
 * @param capacityUnderOnePercentDrops engine to the most layers with fewer than 1 % dropped
 * @param capacityDetail every capacity search with its probes
 * @param notes what the reader should know (skips, fallbacks, caps)
 *
 * <p>Immutable once built; the runner's thread builds it.
 */
public record BenchReport(
        String tool,
        String command,
        String startedAt,
        String finishedAt,
        double elapsedSeconds,
        MachineInfo machine,
        String loadAverageAtEnd,
        String fio,
        String coldMethod,
        boolean quick,
        List<RunRow> runs,
        Map<String, Integer> capacity,
        Map<String, Integer> capacityUnderOnePercentDrops,
        List<CapacityEntry> capacityDetail,
        List<String> notes) {

    public BenchReport {
        runs = List.copyOf(runs);
        capacity = new LinkedHashMap<>(capacity);
        capacityUnderOnePercentDrops = new LinkedHashMap<>(capacityUnderOnePercentDrops);
        capacityDetail = List.copyOf(capacityDetail);
        notes = List.copyOf(notes);
    }

    /**
     * One capacity search.
     *
     * @param engine the engine
     * @param media the format
     * @param askedCache the cache state asked for
     * @param cache the cache state the probes ran in (mmap runs "direct" cold)
     * @param fps the target rate
     * @param probeSeconds how long each probe played
     * @param zeroDropLayers most layers with no drop
     * @param underOnePercentLayers most layers with fewer than 1 % drops
     * @param cappedAtMax the ceiling passed: the machine may sustain more
     * @param maxLayers the ceiling
     * @param probes layer count and dropped percent of every probe, in probing order
     * @param note why the ceiling or cache state differs from what was asked, or null
     */
    public record CapacityEntry(
            String engine,
            String media,
            String askedCache,
            String cache,
            String fps,
            double probeSeconds,
            int zeroDropLayers,
            int underOnePercentLayers,
            boolean cappedAtMax,
            int maxLayers,
            List<double[]> probes,
            String note) {}
}
