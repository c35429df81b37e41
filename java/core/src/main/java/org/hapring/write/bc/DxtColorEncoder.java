package org.hapring.write.bc;

import java.util.Arrays;

/**
 * The 8-byte colour block shared by DXT1, DXT5 and YCoCg-DXT5: two RGB565 endpoints and 16 2-bit
 * indices. Endpoints come from the principal axis of the block's colours (power iteration on the
 * covariance), then one least-squares refit from the chosen indices; the better of the two wins.
 * Indices are chosen against the palette exactly as FFmpeg decodes it (endpoints expanded with
 * rounding, thirds truncated). Uniform blocks use per-channel endpoint pairs whose one-third
 * interpolant lands nearest the colour.
 *
 * <pre>
 *   bits  0-15 c0 (RGB565)   16-31 c1   32-63 indices, texel i at bit 32 + 2i
 *   4-colour palette: c0, c1, (2 c0 + c1) / 3, (c0 + 2 c1) / 3
 * </pre>
 *
 * DXT1 decodes 4-colour mode only when c0 > c1, so for DXT1 the endpoints are ordered that way (a
 * block with c0 == c1 gets all indices 0); DXT5 colour blocks are always 4-colour.
 *
 * <p>Single-threaded: one instance per encoder.
 */
final class DxtColorEncoder {
    /** SOLID5[t] / SOLID6[t]: best (e0 << 8 | e1) so that (2 x(e0) + x(e1)) / 3 is nearest t. */
    private static final int[] SOLID5 = solidTable(31);

    private static final int[] SOLID6 = solidTable(63);

    private final float[] axis = new float[3];
    private final float[] mean = new float[3];
    private final int[] palette = new int[12];
    private final int[] indices = new int[16];
    private final int[] bestIndices = new int[16];

    /**
     * Encodes the RGB of 16 pixels (r, g, b, a per pixel). {@code dxt1}: order endpoints for DXT1's
     * 4-colour mode. {@code forcedBlue5} >= 0 replaces both endpoints' blue with that 5-bit value
     * (YCoCg's scale bits).
     */
    long encode(int[] px, boolean dxt1, int forcedBlue5) {
        if (uniform(px)) {
            return solid(px[0], px[1], forcedBlue5 >= 0 ? expand(forcedBlue5, 31) : px[2], dxt1, forcedBlue5);
        }
        principalAxis(px);
        float tMin = Float.MAX_VALUE;
        float tMax = -Float.MAX_VALUE;
        for (int i = 0; i < 16; i++) {
            float t = (px[4 * i] - mean[0]) * axis[0]
                    + (px[4 * i + 1] - mean[1]) * axis[1]
                    + (px[4 * i + 2] - mean[2]) * axis[2];
            tMin = Math.min(tMin, t);
            tMax = Math.max(tMax, t);
        }
        int q0 = quantize(mean[0] + axis[0] * tMax, mean[1] + axis[1] * tMax, mean[2] + axis[2] * tMax, forcedBlue5);
        int q1 = quantize(mean[0] + axis[0] * tMin, mean[1] + axis[1] * tMin, mean[2] + axis[2] * tMin, forcedBlue5);
        long best = evaluate(px, q0, q1);
        int bestQ0 = q0;
        int bestQ1 = q1;
        System.arraycopy(indices, 0, bestIndices, 0, 16);
        for (int round = 0; round < 2; round++) {
            int refit = refit(px, forcedBlue5);
            if (refit < 0) {
                break;
            }
            int r0 = refit >>> 16;
            int r1 = refit & 0xFFFF;
            long err = evaluate(px, r0, r1);
            if (err >= best) {
                break;
            }
            best = err;
            bestQ0 = r0;
            bestQ1 = r1;
            System.arraycopy(indices, 0, bestIndices, 0, 16);
        }
        return pack(bestQ0, bestQ1, bestIndices, dxt1);
    }

    private static boolean uniform(int[] px) {
        for (int i = 1; i < 16; i++) {
            if (px[4 * i] != px[0] || px[4 * i + 1] != px[1] || px[4 * i + 2] != px[2]) {
                return false;
            }
        }
        return true;
    }

    private long solid(int r, int g, int b, boolean dxt1, int forcedBlue5) {
        int pr = SOLID5[r];
        int pg = SOLID6[g];
        int pb = forcedBlue5 >= 0 ? forcedBlue5 << 8 | forcedBlue5 : SOLID5[b];
        int q0 = (pr >>> 8) << 11 | (pg >>> 8) << 5 | (pb >>> 8);
        int q1 = (pr & 0xFF) << 11 | (pg & 0xFF) << 5 | (pb & 0xFF);
        Arrays.fill(indices, 2);
        return pack(q0, q1, indices, dxt1);
    }

    /** Packs a block; for DXT1 orders c0 > c1 (swapping index meanings) or zeroes indices when equal. */
    private static long pack(int q0, int q1, int[] idx, boolean dxt1) {
        boolean swap = dxt1 && q0 < q1;
        boolean equal = dxt1 && q0 == q1;
        long bits = 0;
        for (int i = 15; i >= 0; i--) {
            int k = equal ? 0 : swap ? idx[i] ^ 1 : idx[i];
            bits = (bits << 2) | k;
        }
        int c0 = swap ? q1 : q0;
        int c1 = swap ? q0 : q1;
        return bits << 32 | (long) c1 << 16 | c0;
    }

    /** Fills {@link #indices} with the nearest palette entries; returns the squared error. */
    private long evaluate(int[] px, int q0, int q1) {
        buildPalette(q0, q1);
        long total = 0;
        for (int i = 0; i < 16; i++) {
            int bestK = 0;
            int bestErr = Integer.MAX_VALUE;
            for (int k = 0; k < 4; k++) {
                int dr = px[4 * i] - palette[3 * k];
                int dg = px[4 * i + 1] - palette[3 * k + 1];
                int db = px[4 * i + 2] - palette[3 * k + 2];
                int err = dr * dr + dg * dg + db * db;
                if (err < bestErr) {
                    bestErr = err;
                    bestK = k;
                }
            }
            indices[i] = bestK;
            total += bestErr;
        }
        return total;
    }

    private void buildPalette(int q0, int q1) {
        int[] e0 = {expand(q0 >>> 11, 31), expand((q0 >>> 5) & 63, 63), expand(q0 & 31, 31)};
        int[] e1 = {expand(q1 >>> 11, 31), expand((q1 >>> 5) & 63, 63), expand(q1 & 31, 31)};
        for (int c = 0; c < 3; c++) {
            palette[c] = e0[c];
            palette[3 + c] = e1[c];
            palette[6 + c] = (2 * e0[c] + e1[c]) / 3;
            palette[9 + c] = (e0[c] + 2 * e1[c]) / 3;
        }
    }

    /** Least-squares endpoints for the current {@link #indices}; -1 when singular. */
    private int refit(int[] px, int forcedBlue5) {
        float aa = 0;
        float ab = 0;
        float bb = 0;
        float[] ax = new float[3];
        float[] bx = new float[3];
        for (int i = 0; i < 16; i++) {
            float alpha = switch (indices[i]) {
                case 0 -> 1f;
                case 1 -> 0f;
                case 2 -> 2f / 3;
                default -> 1f / 3;
            };
            float beta = 1 - alpha;
            aa += alpha * alpha;
            ab += alpha * beta;
            bb += beta * beta;
            for (int c = 0; c < 3; c++) {
                ax[c] += alpha * px[4 * i + c];
                bx[c] += beta * px[4 * i + c];
            }
        }
        float det = aa * bb - ab * ab;
        if (Math.abs(det) < 1e-6f) {
            return -1;
        }
        float[] a = new float[3];
        float[] b = new float[3];
        for (int c = 0; c < 3; c++) {
            a[c] = (ax[c] * bb - bx[c] * ab) / det;
            b[c] = (bx[c] * aa - ax[c] * ab) / det;
        }
        return quantize(a[0], a[1], a[2], forcedBlue5) << 16 | quantize(b[0], b[1], b[2], forcedBlue5);
    }

    private void principalAxis(int[] px) {
        float[] m = mean;
        m[0] = m[1] = m[2] = 0;
        for (int i = 0; i < 16; i++) {
            m[0] += px[4 * i];
            m[1] += px[4 * i + 1];
            m[2] += px[4 * i + 2];
        }
        m[0] /= 16;
        m[1] /= 16;
        m[2] /= 16;
        float[] cov = new float[9];
        for (int i = 0; i < 16; i++) {
            Pca.accumulate(cov, px[4 * i] - m[0], px[4 * i + 1] - m[1], px[4 * i + 2] - m[2]);
        }
        Pca.dominantAxis(cov, 3, axis);
    }

    private static int quantize(float r, float g, float b, int forcedBlue5) {
        int r5 = clamp(Math.round(r * 31 / 255f), 31);
        int g6 = clamp(Math.round(g * 63 / 255f), 63);
        int b5 = forcedBlue5 >= 0 ? forcedBlue5 : clamp(Math.round(b * 31 / 255f), 31);
        return r5 << 11 | g6 << 5 | b5;
    }

    private static int clamp(int v, int max) {
        return v < 0 ? 0 : Math.min(v, max);
    }

    /** FFmpeg's expansion of a 5- or 6-bit value to 8 bits: t = v * 255 + (max + 1) / 2, (t / (max + 1) + t) / (max + 1). */
    static int expand(int v, int max) {
        int div = max + 1;
        int tmp = v * 255 + div / 2;
        return (tmp / div + tmp) / div;
    }

    private static int[] solidTable(int max) {
        int[] table = new int[256];
        for (int t = 0; t < 256; t++) {
            int bestErr = Integer.MAX_VALUE;
            for (int e0 = 0; e0 <= max; e0++) {
                for (int e1 = Math.max(0, e0 - 2); e1 <= Math.min(max, e0 + 2); e1++) {
                    int err = Math.abs((2 * expand(e0, max) + expand(e1, max)) / 3 - t);
                    if (err < bestErr) {
                        bestErr = err;
                        table[t] = e0 << 8 | e1;
                    }
                }
            }
        }
        return table;
    }
}
