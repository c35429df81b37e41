package org.hapring.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FrameRateTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // text, numerator, denominator, timescale, delta
        "60,          60,     1,    600,   10",
        "50,          50,     1,    600,   12",
        "120,         120,    1,    600,    5",
        "24,          24,     1,    600,   25",
        "48,          48,     1,   1200,   25",
        "1000,        1000,   1,   3000,    3",
        "59.94,       60000,  1001, 60000, 1001",
        "29.97,       30000,  1001, 30000, 1001",
        "23.976,      24000,  1001, 24000, 1001",
        "119.88,      120000, 1001, 120000, 1001",
        "30000/1001,  30000,  1001, 30000, 1001",
        "60/2,        30,     1,    600,   20",
        "12.5,        25,     2,    600,   48",
        "25.0,        25,     1,    600,   24",
    })
    void parsesToAnExactRateAndTimescale(String text, long num, long den, long timescale, long delta) {
        FrameRate r = FrameRate.parse(text);
        assertEquals(num, r.numerator());
        assertEquals(den, r.denominator());
        assertEquals(timescale, r.timescale());
        assertEquals(delta, r.sampleDelta());
        assertEquals(r.numerator() * r.sampleDelta(), r.denominator() * r.timescale(), "timescale / delta == rate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "abc", "1/0", "0/1", "2000", "1e9", "", "60fps", "0.0001"})
    void rejectsNonsense(String text) {
        assertThrows(IllegalArgumentException.class, () -> FrameRate.parse(text));
    }

    @Test
    void framesInRoundsToWholeFrames() {
        assertEquals(600, FrameRate.parse("60").framesIn(10));
        assertEquals(599, FrameRate.parse("59.94").framesIn(10));
        assertEquals(6, FrameRate.parse("30").framesIn(0.2));
        assertEquals("30000/1001", FrameRate.parse("29.97").toString());
        assertEquals("60", FrameRate.parse("60").toString());
    }
}
