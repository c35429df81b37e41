package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Median, minimum and maximum of repetitions.
 *
 * <p>JUnit test thread.
 */
class SummaryTest {
    @Test
    void oddCountTakesTheMiddleValueWhateverTheOrder() {
        Summary s = Summary.of(3.0, 1.0, 2.0);
        assertEquals(new Summary(2.0, 1.0, 3.0, 3), s);
    }

    @Test
    void evenCountAveragesTheMiddlePair() {
        assertEquals(new Summary(2.5, 1.0, 10.0, 4), Summary.of(10.0, 1.0, 3.0, 2.0));
    }

    @Test
    void nanValuesAreLeftOut() {
        assertEquals(new Summary(5.0, 4.0, 6.0, 2), Summary.of(Double.NaN, 6.0, 4.0));
    }

    @Test
    void nothingMeasuredIsEmpty() {
        assertTrue(Summary.of().isEmpty());
        assertTrue(Summary.of(Double.NaN).isEmpty());
        assertTrue(Double.isNaN(Summary.of().median()));
    }

    @Test
    void oneValueIsItsOwnMedianMinAndMax() {
        assertEquals(new Summary(7.5, 7.5, 7.5, 1), Summary.of(7.5));
    }
}
