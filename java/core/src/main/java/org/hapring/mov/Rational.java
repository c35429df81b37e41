package org.hapring.mov;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact rational number such as a frame rate, always kept reduced with a positive denominator:
 * {@code new Rational(60000, 2002)} equals {@code new Rational(30000, 1001)}.
 *
 * <p>{@link #toString()} prints {@code "60"} for whole numbers and {@code "30000/1001"} otherwise;
 * {@link #parse(String)} reads that form back, and also decimals ({@code "59.94"} is exactly
 * {@code 2997/50}, not the NTSC rate {@code 60000/1001}: write that one as a fraction).
 *
 * <p>Immutable; any thread.
 */
public record Rational(long numerator, long denominator) implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(0, 1);

    /** Reduces the fraction and moves the sign to the numerator. */
    public Rational {
        if (denominator == 0) {
            throw new IllegalArgumentException("denominator is 0 (numerator=" + numerator + ")");
        }
        if (numerator == Long.MIN_VALUE || denominator == Long.MIN_VALUE) {
            throw new IllegalArgumentException("out of range: " + numerator + "/" + denominator);
        }
        if (denominator < 0) {
            numerator = -numerator;
            denominator = -denominator;
        }
        long gcd = gcd(Math.abs(numerator), denominator);
        numerator /= gcd;
        denominator /= gcd;
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(numerator, denominator);
    }

    public static Rational of(long whole) {
        return new Rational(whole, 1);
    }

    public double toDouble() {
        return (double) numerator / (double) denominator;
    }

    public boolean isZero() {
        return numerator == 0;
    }

    /**
     * Reads {@code "60"}, {@code "30000/1001"} or a decimal such as {@code "59.94"} or {@code "23.976"}
     * (taken exactly, as 2997/50 and 2997/125).
     *
     * @throws IllegalArgumentException naming the text when it is none of these or out of range
     */
    public static Rational parse(String text) {
        String s = text.strip();
        try {
            int slash = s.indexOf('/');
            if (slash >= 0) {
                return of(
                        Long.parseLong(s.substring(0, slash).strip()),
                        Long.parseLong(s.substring(slash + 1).strip()));
            }
            BigDecimal decimal = new BigDecimal(s);
            if (decimal.scale() <= 0) {
                return of(decimal.longValueExact());
            }
            BigInteger denominator = BigInteger.TEN.pow(decimal.scale());
            BigInteger numerator = decimal.unscaledValue();
            BigInteger gcd = numerator.gcd(denominator);
            return of(
                    numerator.divide(gcd).longValueExact(),
                    denominator.divide(gcd).longValueExact());
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "not a rational number (expected \"60\", \"30000/1001\" or \"59.94\"): \"" + text + "\"", e);
        }
    }

    @Override
    public int compareTo(Rational other) {
        // a/b vs c/d with b, d > 0: compare a*d with c*b exactly.
        return BigInteger.valueOf(numerator)
                .multiply(BigInteger.valueOf(other.denominator))
                .compareTo(BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator)));
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
