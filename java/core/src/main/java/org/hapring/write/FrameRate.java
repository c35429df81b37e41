package org.hapring.write;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact frame rate {@code numerator / denominator} frames per second, and the QuickTime timescale
 * that represents it without rounding.
 *
 * <pre>
 *   parse:     "60" -> 60/1    "30000/1001" -> 30000/1001    "12.5" -> 25/2
 *              decimals within 0.006 of k * 1000/1001 (k whole) mean the NTSC rate:
 *              "23.976" -> 24000/1001   "29.97" -> 30000/1001   "59.94" -> 60000/1001   "119.88" -> 120000/1001
 *   timescale: whole rates use lcm(rate, 600) (600 is QuickTime's customary base: 24, 25, 30, 50, 60
 *              and 120 fps all give 600, with a sample delta of 600 / rate); fractional rates use
 *              the numerator (30000/1001 -> timescale 30000, delta 1001), multiplied up to at least 600
 * </pre>
 *
 * <p>Immutable; any thread.
 */
public record FrameRate(long numerator, long denominator) {
    /** Highest rate accepted, frames per second. */
    public static final int MAX_FPS = 1000;

    private static final long QUICKTIME_BASE = 600;

    public FrameRate {
        if (numerator <= 0 || denominator <= 0 || numerator > Integer.MAX_VALUE || denominator > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("frame rate " + numerator + "/" + denominator
                    + " needs a positive numerator and denominator below 2^31");
        }
        long g = BigInteger.valueOf(numerator)
                .gcd(BigInteger.valueOf(denominator))
                .longValueExact();
        numerator /= g;
        denominator /= g;
        if (numerator > (long) MAX_FPS * denominator) {
            throw new IllegalArgumentException(
                    "frame rate " + numerator + "/" + denominator + " is above " + MAX_FPS + " fps");
        }
        if (numerator * 1000 < denominator) {
            throw new IllegalArgumentException("frame rate " + numerator + "/" + denominator + " is below 0.001 fps");
        }
    }

    /** Parses "60", "59.94", "30000/1001"; throws IllegalArgumentException naming the text. */
    public static FrameRate parse(String text) {
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                return new FrameRate(
                        Long.parseLong(t.substring(0, slash).trim()),
                        Long.parseLong(t.substring(slash + 1).trim()));
            }
            BigDecimal d = new BigDecimal(t);
            if (d.signum() <= 0) {
                throw new IllegalArgumentException("frame rate '" + text + "' must be positive");
            }
            if (d.stripTrailingZeros().scale() <= 0) {
                return new FrameRate(d.longValueExact(), 1);
            }
            double x = d.doubleValue();
            long k = Math.round(x * 1.001);
            if (k > 0 && Math.abs(x - k / 1.001) < 0.006) {
                return new FrameRate(k * 1000, 1001);
            }
            BigDecimal s = d.stripTrailingZeros();
            return new FrameRate(
                    s.unscaledValue().longValueExact(),
                    BigInteger.TEN.pow(s.scale()).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "frame rate '" + text + "' is not a number like 60, 59.94 or 30000/1001");
        }
    }

    /** Media timescale, units per second. */
    public long timescale() {
        if (denominator == 1) {
            long g = BigInteger.valueOf(numerator)
                    .gcd(BigInteger.valueOf(QUICKTIME_BASE))
                    .longValueExact();
            return numerator / g * QUICKTIME_BASE;
        }
        return numerator * scaleUp();
    }

    /** Duration of one frame in timescale units. */
    public long sampleDelta() {
        if (denominator == 1) {
            return timescale() / numerator;
        }
        return denominator * scaleUp();
    }

    private long scaleUp() {
        return numerator >= QUICKTIME_BASE ? 1 : (QUICKTIME_BASE + numerator - 1) / numerator;
    }

    public double fps() {
        return (double) numerator / denominator;
    }

    /** Frames in {@code seconds}, rounded to the nearest whole frame. */
    public long framesIn(double seconds) {
        return Math.round(seconds * numerator / denominator);
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }
}
