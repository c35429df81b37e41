package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The capacity search on fake machines whose drop rate is a known function of the layer count.
 *
 * <p>JUnit test thread.
 */
class CapacitySearchTest {
    /** Records every probe; fails the test if a layer count is probed twice. */
    static final class FakeMachine implements CapacitySearch.Probe {
        final IntToDoubleFunction dropped;
        final List<Integer> probed = new ArrayList<>();

        FakeMachine(IntToDoubleFunction dropped) {
            this.dropped = dropped;
        }

        @Override
        public double droppedPercent(int layers) {
            assertFalse(probed.contains(layers), "probed " + layers + " twice: " + probed);
            assertTrue(layers >= 1, "probed " + layers);
            probed.add(layers);
            return dropped.applyAsDouble(layers);
        }
    }

    /** No drop up to {@code zero} layers, 0.5 % up to {@code under}, 5 % beyond. */
    static IntToDoubleFunction machine(int zero, int under) {
        return l -> l <= zero ? 0.0 : l <= under ? 0.5 : 5.0;
    }

    @Test
    void findsBothThresholdsFromEveryStartingGuess() throws Exception {
        for (int zero = 0; zero <= 20; zero++) {
            for (int under = zero; under <= 24; under++) {
                for (int guess : new int[] {1, 3, 8, 17, 32, 100}) {
                    FakeMachine m = new FakeMachine(machine(zero, under));
                    CapacitySearch.Result r = new CapacitySearch(32).run(guess, m);
                    String ctx = "zero=" + zero + " under=" + under + " guess=" + guess + " probes=" + m.probed;
                    assertEquals(zero, r.zeroDropLayers(), ctx);
                    assertEquals(under, r.underOnePercentLayers(), ctx);
                    assertFalse(r.cappedAtMax(), ctx);
                    assertTrue(m.probed.size() <= 2 * 6 + 4, "too many probes: " + ctx);
                    assertEquals(m.probed.size(), r.probes().size());
                }
            }
        }
    }

    @Test
    void aGoodGuessNeedsFewProbes() throws Exception {
        FakeMachine m = new FakeMachine(machine(11, 12));
        CapacitySearch.Result r = new CapacitySearch(64).run(12, m);
        assertEquals(11, r.zeroDropLayers());
        assertEquals(12, r.underOnePercentLayers());
        assertEquals(List.of(12, 13, 11), m.probed, "12 passes < 1 %, 13 fails, then 11 for zero drops");
    }

    @Test
    void passingAtTheCeilingSaysSo() throws Exception {
        FakeMachine m = new FakeMachine(l -> 0.0);
        CapacitySearch.Result r = new CapacitySearch(16).run(4, m);
        assertEquals(16, r.zeroDropLayers());
        assertEquals(16, r.underOnePercentLayers());
        assertTrue(r.cappedAtMax());
        assertTrue(m.probed.contains(16));
        assertFalse(m.probed.stream().anyMatch(l -> l > 16), "never beyond the ceiling: " + m.probed);
    }

    @Test
    void evenOneLayerFailing() throws Exception {
        FakeMachine m = new FakeMachine(l -> 50.0);
        CapacitySearch.Result r = new CapacitySearch(16).run(9, m);
        assertEquals(0, r.zeroDropLayers());
        assertEquals(0, r.underOnePercentLayers());
        assertTrue(m.probed.contains(1));
    }

    @Test
    void aNoisyMachineStillEndsWithAPassingAnswer() throws Exception {
        // not monotonic: 6 drops a little by chance while 7 and 8 do not
        FakeMachine m = new FakeMachine(l -> l == 6 ? 0.2 : l <= 8 ? 0.0 : 3.0);
        CapacitySearch.Result r = new CapacitySearch(32).run(4, m);
        assertEquals(8, r.underOnePercentLayers());
        double z = m.dropped.applyAsDouble(r.zeroDropLayers());
        assertEquals(0.0, z, "the zero-drop answer was itself probed with no drop");
        assertEquals(new HashSet<>(m.probed).size(), m.probed.size());
    }

    @Test
    void refusesANonsenseCeiling() {
        assertThrows(IllegalArgumentException.class, () -> new CapacitySearch(0));
    }
}
