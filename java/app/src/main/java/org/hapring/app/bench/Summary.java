package org.hapring.app.bench;

import java.util.Arrays;

/**
 * The median, minimum and maximum of a point's repetitions (the median of an even count is the mean of the
 * middle two). NaN values (a repetition that measured nothing) are left out; with none left every field is NaN.
 *
 * @param median the middle value
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values went in
 *
 * <p>Immutable; any thread.
 */
public record Summary(double median, double min, double max, int count) {
    public static final Summary NONE = new Summary(Double.NaN, Double.NaN, Double.NaN, 0);

    public static Summary of(double... values) {
        double[] v =
                Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return NONE;
        }
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Summary(median, v[0], v[n - 1], n);
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
