package org.hapring.render.overlay;

/**
 * A fixed-capacity line of characters that numbers are formatted into without allocating (the overlay
 * rebuilds its text every frame). Text beyond the capacity is cut off.
 *
 * <p>Not thread-safe: the render thread's.
 */
final class TextLine {
    final char[] chars;
    int length;

    TextLine(int capacity) {
        this.chars = new char[capacity];
    }

    TextLine clear() {
        length = 0;
        return this;
    }

    TextLine append(char c) {
        if (length < chars.length) {
            chars[length++] = c;
        }
        return this;
    }

    TextLine append(CharSequence s) {
        if (s == null) {
            return append("-");
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            append(s.charAt(i));
        }
        return this;
    }

    /** A whole number, right-aligned in {@code width} characters (no padding when 0). */
    TextLine append(long v, int width) {
        int digits = 1;
        for (long t = Math.abs(v / 10); t > 0; t /= 10) {
            digits++;
        }
        int total = digits + (v < 0 ? 1 : 0);
        for (int i = total; i < width; i++) {
            append(' ');
        }
        if (v < 0) {
            append('-');
        }
        long div = 1;
        for (int i = 1; i < digits; i++) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            append((char) ('0' + Math.abs(v / div % 10)));
        }
        return this;
    }

    TextLine append(long v) {
        return append(v, 0);
    }

    /** {@code v} with {@code decimals} decimals (0 to 3), rounded half up, right-aligned in {@code width}. */
    TextLine appendFixed(double v, int decimals, int width) {
        if (!Double.isFinite(v)) {
            for (int i = 1; i < width; i++) {
                append(' ');
            }
            return append('-');
        }
        long scale = decimals <= 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        long scaled = Math.round(Math.abs(v) * scale);
        long whole = scaled / scale;
        long fraction = scaled % scale;
        int digits = 1;
        for (long t = whole / 10; t > 0; t /= 10) {
            digits++;
        }
        int total = digits + (v < 0 && scaled != 0 ? 1 : 0) + (decimals > 0 ? decimals + 1 : 0);
        for (int i = total; i < width; i++) {
            append(' ');
        }
        if (v < 0 && scaled != 0) {
            append('-');
        }
        append(whole);
        if (decimals > 0) {
            append('.');
            for (long div = scale / 10; div > 0; div /= 10) {
                append((char) ('0' + fraction / div % 10));
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
