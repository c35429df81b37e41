package org.hapring.render.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Allocation-free number formatting for the overlay, checked against the JDK's formatting. */
class TextLineTest {
    @Test
    void wholeNumbersRightAligned() {
        TextLine t = new TextLine(64);
        for (long v : new long[] {0, 7, -7, 10, 99, 100, 123456789, -1000, Long.MAX_VALUE}) {
            assertEquals(Long.toString(v), t.clear().append(v).toString());
            assertEquals(String.format("%8d", v), t.clear().append(v, 8).toString());
        }
    }

    @Test
    void fixedDecimalsRoundHalfUpLikeBigDecimal() {
        TextLine t = new TextLine(64);
        double[] values = {0, 0.004, 0.005, 1.25, 12.345, 99.95, 99.999, -3.14159, 1e6 / 3, 16.6667};
        for (double v : values) {
            for (int d = 0; d <= 3; d++) {
                String expected = new java.math.BigDecimal(Math.abs(v))
                        .setScale(d, java.math.RoundingMode.HALF_UP)
                        .toPlainString();
                if (v < 0) {
                    expected = "-" + expected;
                }
                assertEquals(expected, t.clear().appendFixed(v, d, 0).toString(), "v=" + v + " decimals=" + d);
                assertEquals(
                        String.format("%10s", expected),
                        t.clear().appendFixed(v, d, 10).toString());
            }
        }
        assertEquals("    -", t.clear().appendFixed(Double.NaN, 2, 5).toString());
    }

    @Test
    void textBeyondTheCapacityIsCutOff() {
        TextLine t = new TextLine(5);
        assertEquals("abcde", t.append("abcdefgh").toString());
        assertEquals("12345", t.clear().append(1234567).toString());
        assertEquals("-", t.clear().append((String) null).toString());
    }
}
