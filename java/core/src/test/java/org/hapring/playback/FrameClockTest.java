package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrameClockTest {

    @ParameterizedTest
    @CsvSource({"60,1", "60000,1001", "30000,1001", "50,1", "120,1", "24000,1001", "25,1", "240,1"})
    void tickTimesAreExactAtAnyDistance(long num, long den) {
        long start = 123_456_789L;
        FrameClock clock = new FrameClock(num, den, start);
        SplittableRandom rnd = new SplittableRandom(num * 31 + den);
        for (int i = 0; i < 10_000; i++) {
            long tick = rnd.nextLong(0, 5_000_000_000L); // ~2.6 years at 60 fps
            BigInteger exact = BigInteger.valueOf(tick)
                    .multiply(BigInteger.valueOf(1_000_000_000L * den))
                    .add(BigInteger.valueOf(num - 1))
                    .divide(BigInteger.valueOf(num))
                    .add(BigInteger.valueOf(start));
            assertEquals(exact.longValueExact(), clock.tickDueNanos(tick), "tick " + tick);
        }
    }

    @Test
    void tickAtInvertsTickDue() {
        FrameClock clock = new FrameClock(60000, 1001, 1_000);
        for (long tick = 0; tick < 200_000; tick += 7) {
            long due = clock.tickDueNanos(tick);
            assertEquals(tick, clock.tickAt(due));
            assertEquals(tick - 1, clock.tickAt(due - 1));
        }
        assertEquals(-1, clock.tickAt(999));
    }

    @Test
    void reducesTheRate() {
        FrameClock clock = new FrameClock(120, 2, 0);
        assertEquals(60, clock.rateNumerator());
        assertEquals(1, clock.rateDenominator());
        assertEquals(16_666_666L, clock.tickPeriodNanos());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new FrameClock(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameClock(60, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameClock(2_000_000, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameClock(1, 0, 0).tickDueNanos(-1));
    }
}
