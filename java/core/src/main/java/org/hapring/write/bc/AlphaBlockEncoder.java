package org.hapring.write.bc;

/**
 * The 8-byte single-channel block shared by BC4 and the alpha half of DXT5: two 8-bit endpoints and
 * 16 3-bit codes. Both modes are tried and the one with the smaller squared error kept:
 *
 * <pre>
 *   bits 0-7 a0, 8-15 a1, 16-63 codes (texel i at bit 16 + 3i)
 *   a0 >  a1: code 0 a0, 1 a1, 2-7 ((8 - c) a0 + (c - 1) a1) / 7     (min/max of the block)
 *   a0 <= a1: code 0 a0, 1 a1, 2-5 ((6 - c) a0 + (c - 1) a1) / 5, 6 = 0, 7 = 255
 *             (used when the block holds exact 0 or 255 next to other values)
 * </pre>
 *
 * Division truncates, as in FFmpeg's decoder.
 *
 * <p>Single-threaded: one instance per encoder.
 */
final class AlphaBlockEncoder {
    private final int[] palette = new int[8];
    private final int[] codes = new int[16];
    private final int[] bestCodes = new int[16];

    /** Encodes channel {@code channel} (0-3) of 16 pixels given as 4 ints each. */
    long encode(int[] px, int channel) {
        int min = 255;
        int max = 0;
        int innerMin = 255;
        int innerMax = 0;
        for (int i = 0; i < 16; i++) {
            int v = px[4 * i + channel];
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v != 0 && v != 255) {
                innerMin = Math.min(innerMin, v);
                innerMax = Math.max(innerMax, v);
            }
        }
        if (min == max) {
            return (long) min << 8 | min;
        }
        long best = evaluate(px, channel, max, min);
        int bestA0 = max;
        int bestA1 = min;
        System.arraycopy(codes, 0, bestCodes, 0, 16);
        if (min == 0 || max == 255) {
            int a0 = innerMin <= innerMax ? innerMin : 0;
            int a1 = innerMin <= innerMax ? innerMax : 0;
            long err = evaluate(px, channel, a0, a1);
            if (err < best) {
                bestA0 = a0;
                bestA1 = a1;
                System.arraycopy(codes, 0, bestCodes, 0, 16);
            }
        }
        long bits = 0;
        for (int i = 15; i >= 0; i--) {
            bits = (bits << 3) | bestCodes[i];
        }
        return bits << 16 | (long) bestA1 << 8 | bestA0;
    }

    private long evaluate(int[] px, int channel, int a0, int a1) {
        palette[0] = a0;
        palette[1] = a1;
        if (a0 > a1) {
            for (int c = 2; c < 8; c++) {
                palette[c] = ((8 - c) * a0 + (c - 1) * a1) / 7;
            }
        } else {
            for (int c = 2; c < 6; c++) {
                palette[c] = ((6 - c) * a0 + (c - 1) * a1) / 5;
            }
            palette[6] = 0;
            palette[7] = 255;
        }
        long total = 0;
        for (int i = 0; i < 16; i++) {
            int v = px[4 * i + channel];
            int bestC = 0;
            int bestErr = Integer.MAX_VALUE;
            for (int c = 0; c < 8; c++) {
                int d = v - palette[c];
                if (d * d < bestErr) {
                    bestErr = d * d;
                    bestC = c;
                }
            }
            codes[i] = bestC;
            total += bestErr;
        }
        return total;
    }
}
