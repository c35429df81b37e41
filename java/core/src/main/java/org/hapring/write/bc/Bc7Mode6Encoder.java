package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.hapring.decode.TextureFormat;

/**
 * BC7 (Hap7) using mode 6 only: one subset, RGBA endpoints of 7 bits plus one p-bit each, 16
 * interpolation steps. Endpoints are the extremes of the block along its principal RGBA axis, each
 * with the p-bit that reproduces it best; indices are the nearest of the 16 exact interpolants.
 *
 * <pre>
 *   bits 0-6 mode (0b1000000), then R0 R1 G0 G1 B0 B1 A0 A1 (7 bits each, bits 7-62), P0 (63), P1 (64),
 *   indices from bit 65: texel 0 has 3 bits (its top bit is 0: the "anchor"), texels 1-15 have 4
 *   endpoint = (value << 1) | p;  texel = ((64 - w) e0 + w e1 + 32) >> 6,
 *   w = 0 4 9 13 17 21 26 30 34 38 43 47 51 55 60 64
 * </pre>
 *
 * <p>Single-threaded: one instance per thread.
 */
final class Bc7Mode6Encoder implements BlockEncoder {
    static final int[] WEIGHTS4 = {0, 4, 9, 13, 17, 21, 26, 30, 34, 38, 43, 47, 51, 55, 60, 64};

    private final float[] mean = new float[4];
    private final float[] axis = new float[4];
    private final float[] cov = new float[16];
    private final int[] e0 = new int[4];
    private final int[] e1 = new int[4];
    private final int[] palette = new int[64];
    private final int[] indices = new int[16];
    private final Block128 block = new Block128();

    @Override
    public TextureFormat format() {
        return TextureFormat.BC7;
    }

    @Override
    public void encode(int[] pixels, MemorySegment dst, long offsetBytes) {
        Arrays.fill(mean, 0);
        for (int i = 0; i < 16; i++) {
            for (int c = 0; c < 4; c++) {
                mean[c] += pixels[4 * i + c] / 16f;
            }
        }
        Arrays.fill(cov, 0);
        for (int i = 0; i < 16; i++) {
            for (int a = 0; a < 4; a++) {
                float da = pixels[4 * i + a] - mean[a];
                for (int b = 0; b < 4; b++) {
                    cov[a * 4 + b] += da * (pixels[4 * i + b] - mean[b]);
                }
            }
        }
        Pca.dominantAxis(cov, 4, axis);
        float tMin = Float.MAX_VALUE;
        float tMax = -Float.MAX_VALUE;
        for (int i = 0; i < 16; i++) {
            float t = 0;
            for (int c = 0; c < 4; c++) {
                t += (pixels[4 * i + c] - mean[c]) * axis[c];
            }
            tMin = Math.min(tMin, t);
            tMax = Math.max(tMax, t);
        }
        int p0 = quantizeEndpoint(tMin, e0);
        int p1 = quantizeEndpoint(tMax, e1);
        for (int k = 0; k < 16; k++) {
            int w = WEIGHTS4[k];
            for (int c = 0; c < 4; c++) {
                int a = e0[c] << 1 | p0;
                int b = e1[c] << 1 | p1;
                palette[4 * k + c] = ((64 - w) * a + w * b + 32) >> 6;
            }
        }
        for (int i = 0; i < 16; i++) {
            int best = 0;
            int bestErr = Integer.MAX_VALUE;
            for (int k = 0; k < 16; k++) {
                int err = 0;
                for (int c = 0; c < 4; c++) {
                    int d = pixels[4 * i + c] - palette[4 * k + c];
                    err += d * d;
                }
                if (err < bestErr) {
                    bestErr = err;
                    best = k;
                }
            }
            indices[i] = best;
        }
        boolean swap = indices[0] >= 8;
        block.clear();
        block.put(1 << 6, 7);
        int[] first = swap ? e1 : e0;
        int[] second = swap ? e0 : e1;
        for (int c = 0; c < 4; c++) {
            block.put(first[c], 7);
            block.put(second[c], 7);
        }
        block.put(swap ? p1 : p0, 1);
        block.put(swap ? p0 : p1, 1);
        for (int i = 0; i < 16; i++) {
            int k = swap ? 15 - indices[i] : indices[i];
            block.put(k, i == 0 ? 3 : 4);
        }
        block.store(dst, offsetBytes);
    }

    /** The endpoint at position t on the axis: 7-bit values into {@code out}, returns the better p-bit. */
    private int quantizeEndpoint(float t, int[] out) {
        int bestP = 0;
        float bestErr = Float.MAX_VALUE;
        for (int p = 0; p < 2; p++) {
            float err = 0;
            for (int c = 0; c < 4; c++) {
                float v = mean[c] + axis[c] * t;
                int q = Math.clamp(Math.round((v - p) / 2), 0, 127);
                float d = v - (q << 1 | p);
                err += d * d;
            }
            if (err < bestErr) {
                bestErr = err;
                bestP = p;
            }
        }
        for (int c = 0; c < 4; c++) {
            float v = mean[c] + axis[c] * t;
            out[c] = Math.clamp(Math.round((v - bestP) / 2), 0, 127);
        }
        return bestP;
    }
}
