package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Compares RGBA pictures and, on a difference, names the first differing pixel, both values and how many
 * pixels differ, instead of dumping arrays.
 *
 * <p>Any thread.
 */
final class RgbaAssert {
    private RgbaAssert() {}

    /** Asserts that {@code actual} equals {@code expected[expectedOffset ..]} byte for byte. */
    static void assertSameRgba(
            byte[] expected, int expectedOffset, MemorySegment actual, int widthPixels, int heightPixels, String what) {
        assertWithin(expected, expectedOffset, actual, widthPixels, heightPixels, 0, what);
    }

    /** Asserts that every channel of {@code actual} is within {@code toleranceLsb} of {@code expected}. */
    static void assertWithin(
            byte[] expected,
            int expectedOffset,
            MemorySegment actual,
            int widthPixels,
            int heightPixels,
            int toleranceLsb,
            String what) {
        int differing = 0;
        String first = null;
        for (int p = 0; p < widthPixels * heightPixels; p++) {
            for (int c = 0; c < 4; c++) {
                int e = expected[expectedOffset + 4 * p + c] & 0xFF;
                int a = actual.get(ValueLayout.JAVA_BYTE, 4L * p + c) & 0xFF;
                if (Math.abs(e - a) > toleranceLsb) {
                    if (first == null) {
                        first = "pixel (" + p % widthPixels + "," + p / widthPixels + ") expected "
                                + hex(expected, expectedOffset + 4 * p) + " got "
                                + hex(actual.asSlice(4L * p, 4).toArray(ValueLayout.JAVA_BYTE), 0);
                    }
                    differing++;
                    break;
                }
            }
        }
        if (differing > 0) {
            fail(what + ": " + differing + " of " + widthPixels * heightPixels + " pixels differ by more than "
                    + toleranceLsb + "; first " + first);
        }
    }

    private static String hex(byte[] b, int at) {
        return String.format("RGBA(%d,%d,%d,%d)", b[at] & 0xFF, b[at + 1] & 0xFF, b[at + 2] & 0xFF, b[at + 3] & 0xFF);
    }
}
