package org.hapring.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares two RGBA pictures channel by channel and fails naming the worst pixel, with the spread of the
 * differences, when any channel differs by more than the tolerance.
 *
 * <p>Any thread.
 */
public final class RgbaDiff {
    private RgbaDiff() {}

    /** Largest difference of any channel. */
    public static int maxDiff(byte[] a, byte[] b) {
        assertEquals(a.length, b.length, "picture bytes");
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
        }
        return max;
    }

    public static void assertWithin(byte[] expected, byte[] actual, int width, int toleranceLsb, String what) {
        assertEquals(expected.length, actual.length, what + ": picture bytes");
        int[] histogram = new int[256];
        int worst = -1;
        int worstDiff = -1;
        for (int i = 0; i < expected.length; i++) {
            int d = Math.abs((expected[i] & 0xFF) - (actual[i] & 0xFF));
            histogram[d]++;
            if (d > worstDiff) {
                worstDiff = d;
                worst = i;
            }
        }
        if (worstDiff > toleranceLsb) {
            int p = worst / 4;
            StringBuilder spread = new StringBuilder();
            for (int d = 0; d < 256; d++) {
                if (histogram[d] > 0) {
                    spread.append(' ').append(d).append(':').append(histogram[d]);
                }
            }
            fail(what + ": pixel (" + p % width + "," + p / width + ") channel " + "RGBA".charAt(worst % 4)
                    + " expected "
                    + (expected[worst] & 0xFF) + " got " + (actual[worst] & 0xFF) + " (tolerance " + toleranceLsb
                    + " LSB; differences diff:channels" + spread + ")");
        }
    }
}
