package org.hapring.mov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void keptReducedWithAPositiveDenominator() {
        assertEquals(new Rational(30000, 1001), new Rational(60000, 2002));
        assertEquals(30, new Rational(15360, 512).numerator());
        assertEquals(1, new Rational(15360, 512).denominator());
        Rational negative = new Rational(3, -6);
        assertEquals(-1, negative.numerator());
        assertEquals(2, negative.denominator());
        assertEquals(Rational.ZERO, new Rational(0, 7));
    }

    @Test
    void printsWholeNumbersPlainAndFractionsWithASlash() {
        assertEquals("60", Rational.of(120, 2).toString());
        assertEquals("30000/1001", Rational.of(30000, 1001).toString());
    }

    @Test
    void parsesFractionsWholeNumbersAndExactDecimals() {
        assertEquals(Rational.of(30000, 1001), Rational.parse("30000/1001"));
        assertEquals(Rational.of(60), Rational.parse(" 60 "));
        assertEquals(Rational.of(2997, 50), Rational.parse("59.94"));
        assertEquals(Rational.of(2997, 125), Rational.parse("23.976"));
        assertEquals(Rational.of(25), Rational.parse("25.000"));
        assertEquals(Rational.of(1, 2), Rational.parse("2/4"));
        for (String s : new String[] {"60", "30000/1001", "2997/50"}) {
            assertEquals(s, Rational.parse(s).toString(), "round trip");
        }
    }

    @Test
    void rejectsNonsenseNamingTheText() {
        for (String bad : new String[] {"", "abc", "1/0", "1/x", "1e999999999999", "99999999999999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rational.parse(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Rational.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Rational.of(Long.MIN_VALUE, 1));
    }

    @Test
    void comparesAndConvertsExactly() {
        assertEquals(29.97002997, Rational.of(30000, 1001).toDouble(), 1e-8);
        assertTrue(Rational.of(30000, 1001).compareTo(Rational.of(2997, 100)) > 0);
        assertEquals(0, Rational.of(Long.MAX_VALUE, 3).compareTo(Rational.of(Long.MAX_VALUE, 3)));
        assertTrue(Rational.of(Long.MAX_VALUE - 1, Long.MAX_VALUE).compareTo(Rational.of(1)) < 0);
    }
}
