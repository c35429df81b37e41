package org.hapring.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Finds the most layers an engine sustains at the target rate: with no dropped frame at all, and with fewer
 * than 1 % dropped. Assumes drops grow with the layer count; each layer count is probed at most once (its
 * result kept). From a starting guess (e.g. the unpaced throughput divided by one layer's data rate) it gallops
 * (doubling the step) up while the probe passes or down while it fails, then bisects between the last pass
 * and the first failure; the zero-drop search then bisects below the 1 % answer between the counts already seen. About
 * 2 log2(max) probes.
 *
 * <p>Called by the benchmark's main thread; the probe runs on it.
 */
public final class CapacitySearch {
    /** A paced run of {@code layers} layers, returning the dropped share in percent (median of its repetitions). */
    @FunctionalInterface
    public interface Probe {
        double droppedPercent(int layers) throws IOException;
    }

    /** The percentage below which a run counts as sustained "with < 1 % drops". */
    public static final double UNDER_PERCENT = 1.0;

    /**
     * The answer.
     *
     * @param zeroDropLayers most layers with no drop (0: not even one layer)
     * @param underOnePercentLayers most layers with fewer than 1 % drops
     * @param cappedAtMax true when {@code maxLayers} itself passed (the machine may sustain more)
     * @param probes every layer count probed and its dropped percentage, in probing order
     */
    public record Result(int zeroDropLayers, int underOnePercentLayers, boolean cappedAtMax, List<double[]> probes) {}

    private final int maxLayers;
    private final TreeMap<Integer, Double> seen = new TreeMap<>();
    private final List<double[]> order = new ArrayList<>();

    public CapacitySearch(int maxLayers) {
        if (maxLayers < 1) {
            throw new IllegalArgumentException("capacity maxLayers=" + maxLayers + ": must be >= 1");
        }
        this.maxLayers = maxLayers;
    }

    /** Searches from {@code guessLayers} (clamped to 1..max). */
    public Result run(int guessLayers, Probe probe) throws IOException {
        int under =
                largestPassing(Math.max(1, Math.min(maxLayers, guessLayers)), maxLayers, UNDER_PERCENT, probe, false);
        int zero = under == 0 ? 0 : largestWithoutDrops(under, probe);
        return new Result(zero, under, under == maxLayers, List.copyOf(order));
    }

    /**
     * The largest L in 1..under with no drop, bisecting between what the first search already saw (the largest
     * count seen without drops and the smallest above it seen with some), galloping down first when no count
     * without drops was seen.
     */
    private int largestWithoutDrops(int under, Probe probe) throws IOException {
        int pass = 0;
        for (var e : seen.headMap(under, true).entrySet()) {
            if (e.getValue() == 0.0) {
                pass = e.getKey();
            }
        }
        if (pass == under) {
            return under;
        }
        int fail = under;
        for (var e : seen.subMap(pass, false, under, true).entrySet()) {
            if (e.getValue() > 0.0) {
                fail = e.getKey();
                break;
            }
        }
        for (int step = 1; pass == 0 && fail > 1; step *= 2) {
            int next = Math.max(1, fail - step);
            if (passes(next, 0.0, true, probe)) {
                pass = next;
            } else {
                fail = next;
            }
        }
        while (fail - pass > 1) {
            int mid = (pass + fail) >>> 1;
            if (passes(mid, 0.0, true, probe)) {
                pass = mid;
            } else {
                fail = mid;
            }
        }
        return pass;
    }

    /**
     * The largest L in 1..hi whose probe passes ({@code dropped < limit}, or {@code == 0} when {@code zero}),
     * starting at {@code start} and galloping; 0 when L = 1 fails.
     */
    private int largestPassing(int start, int hi, double limit, Probe probe, boolean zero) throws IOException {
        int pass;
        int fail;
        if (passes(start, limit, zero, probe)) {
            pass = start;
            fail = hi + 1;
            for (int step = 1; pass < hi; step *= 2) {
                int next = Math.min(hi, pass + step);
                if (passes(next, limit, zero, probe)) {
                    pass = next;
                } else {
                    fail = next;
                    break;
                }
            }
        } else {
            fail = start;
            pass = 0;
            for (int step = 1; fail > 1; step *= 2) {
                int next = Math.max(1, fail - step);
                if (passes(next, limit, zero, probe)) {
                    pass = next;
                    break;
                }
                fail = next;
            }
        }
        while (fail - pass > 1) {
            int mid = (pass + fail) >>> 1;
            if (passes(mid, limit, zero, probe)) {
                pass = mid;
            } else {
                fail = mid;
            }
        }
        return pass;
    }

    private boolean passes(int layers, double limit, boolean zero, Probe probe) throws IOException {
        Double d = seen.get(layers);
        if (d == null) {
            d = probe.droppedPercent(layers);
            seen.put(layers, d);
            order.add(new double[] {layers, d});
        }
        return zero ? d == 0.0 : d < limit;
    }
}
