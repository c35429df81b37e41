package org.hapring.playback;

/**
 * A drift-free frame clock at an exact rational rate (60, 60000/1001, 50, 30000/1001, 120...): tick
 * {@code n} is due at {@code startNanos + n * 1e9 * rateDenominator / rateNumerator}, computed from the
 * start every time, so rounding never accumulates however long the show runs.
 *
 * <p>Immutable; any thread. The tick thread owns the start time it was built with.
 */
public final class FrameClock {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long rateNumerator;
    private final long rateDenominator;
    private final long startNanos;

    public FrameClock(long rateNumerator, long rateDenominator, long startNanos) {
        if (rateNumerator <= 0 || rateDenominator <= 0) {
            throw new IllegalArgumentException("fps must be positive: " + rateNumerator + "/" + rateDenominator);
        }
        long g = gcd(rateNumerator, rateDenominator);
        this.rateNumerator = rateNumerator / g;
        this.rateDenominator = rateDenominator / g;
        // keeps every intermediate product of tickDueNanos/tickAt below 2^63
        if (this.rateNumerator > 1_000_000 || this.rateNumerator * this.rateDenominator > 1_000_000_000L) {
            throw new IllegalArgumentException("fps out of range (numerator <= 1000000, numerator*denominator <= 1e9): "
                    + rateNumerator + "/" + rateDenominator);
        }
        this.startNanos = startNanos;
    }

    public long rateNumerator() {
        return rateNumerator;
    }

    public long rateDenominator() {
        return rateDenominator;
    }

    public long startNanos() {
        return startNanos;
    }

    /** Nominal length of one tick, rounded down (for display and budgets, never for scheduling). */
    public long tickPeriodNanos() {
        return NANOS_PER_SECOND * rateDenominator / rateNumerator;
    }

    /** When tick {@code tick} is due (rounded up to whole nanoseconds), on the {@link System#nanoTime()} scale. */
    public long tickDueNanos(long tick) {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0: " + tick);
        }
        long q = tick / rateNumerator;
        long r = tick % rateNumerator;
        long nanosPerWhole = NANOS_PER_SECOND * rateDenominator;
        return startNanos
                + Math.multiplyExact(q, nanosPerWhole)
                + (r * nanosPerWhole + rateNumerator - 1) / rateNumerator;
    }

    /** The last tick due at or before {@code nanos} (-1 before the start). */
    public long tickAt(long nanos) {
        long elapsed = nanos - startNanos;
        if (elapsed < 0) {
            return -1;
        }
        long nanosPerWhole = NANOS_PER_SECOND * rateDenominator;
        long q = elapsed / nanosPerWhole;
        long r = elapsed % nanosPerWhole;
        return Math.multiplyExact(q, rateNumerator) + r * rateNumerator / nanosPerWhole;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String toString() {
        return "FrameClock{fps=" + rateNumerator + (rateDenominator == 1 ? "" : "/" + rateDenominator) + "}";
    }
}
