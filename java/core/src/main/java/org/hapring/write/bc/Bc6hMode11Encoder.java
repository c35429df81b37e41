package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.hapring.decode.TextureFormat;

/**
 * BC6H unsigned (HapH) using mode 11 only: one region, two RGB endpoints of 10 bits per channel
 * stored directly (no deltas), 16 interpolation steps. 8-bit input maps linearly to half floats
 * 0.0-1.0 (value / 255). BC6H interpolates in the "unquantized" domain u, where the output half
 * float's bits are (u * 31) >> 6, so the encoder works on u = half * 64 / 31.
 *
 * <pre>
 *   bits 0-4 mode (0b00011), 5-14 rw, 15-24 gw, 25-34 bw, 35-44 rx, 45-54 gx, 55-64 bx,
 *   indices from bit 65: texel 0 has 3 bits (anchor), texels 1-15 have 4
 *   unquantize(q) = 0 for q = 0, 0xFFFF for q = 1023, else ((q << 16) + 0x8000) >> 10
 *   texel = ((64 - w) u0 + w u1 + 32) >> 6, half = (texel * 31) >> 6
 * </pre>
 *
 * Endpoints are the extremes of the principal axis in linear light, converted to u and quantized;
 * indices are chosen by the error in linear light too (the decoded half floats), since interpolation
 * in u bends towards the darker endpoint.
 *
 * <p>Single-threaded: one instance per thread.
 */
final class Bc6hMode11Encoder implements BlockEncoder {
    private static final int MAX_Q = 1023;

    private final float[] mean = new float[3];
    private final float[] axis = new float[3];
    private final int[] q0 = new int[3];
    private final int[] q1 = new int[3];
    private final float[] paletteLinear = new float[48];
    private final int[] indices = new int[16];
    private final Block128 block = new Block128();

    @Override
    public TextureFormat format() {
        return TextureFormat.BC6H_UNSIGNED;
    }

    /** The unquantized-domain value whose half float is {@code value8 / 255} (clamped to 0..255). */
    static float unquantizedTarget(float value8) {
        int half = Float.floatToFloat16(Math.clamp(value8, 0f, 255f) / 255f) & 0xFFFF;
        return half * 64f / 31f;
    }

    static int unquantize(int q) {
        if (q == 0) {
            return 0;
        }
        return q == MAX_Q ? 0xFFFF : ((q << 16) + 0x8000) >> 10;
    }

    @Override
    public void encode(int[] pixels, MemorySegment dst, long offsetBytes) {
        Arrays.fill(mean, 0);
        for (int i = 0; i < 16; i++) {
            for (int c = 0; c < 3; c++) {
                mean[c] += pixels[4 * i + c] / 16f;
            }
        }
        float[] cov = new float[9];
        for (int i = 0; i < 16; i++) {
            Pca.accumulate(cov, pixels[4 * i] - mean[0], pixels[4 * i + 1] - mean[1], pixels[4 * i + 2] - mean[2]);
        }
        Pca.dominantAxis(cov, 3, axis);
        float tMin = Float.MAX_VALUE;
        float tMax = -Float.MAX_VALUE;
        for (int i = 0; i < 16; i++) {
            float t = 0;
            for (int c = 0; c < 3; c++) {
                t += (pixels[4 * i + c] - mean[c]) * axis[c];
            }
            tMin = Math.min(tMin, t);
            tMax = Math.max(tMax, t);
        }
        for (int c = 0; c < 3; c++) {
            float u0 = unquantizedTarget(mean[c] + axis[c] * tMin);
            float u1 = unquantizedTarget(mean[c] + axis[c] * tMax);
            q0[c] = quantize(u0);
            q1[c] = quantize(u1);
            if (q0[c] == q1[c]) {
                // a flat channel: bracket it with neighbouring endpoints so that the 16 steps land on it
                int below = Math.clamp((long) Math.floor(((u0 + u1) / 2 - 32) / 64), 0, MAX_Q - 1);
                q0[c] = below;
                q1[c] = below + 1;
            }
        }
        for (int k = 0; k < 16; k++) {
            int w = Bc7Mode6Encoder.WEIGHTS4[k];
            for (int c = 0; c < 3; c++) {
                int u = ((64 - w) * unquantize(q0[c]) + w * unquantize(q1[c]) + 32) >> 6;
                paletteLinear[3 * k + c] = Float.float16ToFloat((short) ((u * 31) >> 6));
            }
        }
        // indices by error in linear light, where the picture is judged (the u domain is roughly logarithmic)
        for (int i = 0; i < 16; i++) {
            int best = 0;
            float bestErr = Float.MAX_VALUE;
            for (int k = 0; k < 16; k++) {
                float err = 0;
                for (int c = 0; c < 3; c++) {
                    float d = pixels[4 * i + c] / 255f - paletteLinear[3 * k + c];
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
        int[] first = swap ? q1 : q0;
        int[] second = swap ? q0 : q1;
        block.clear();
        block.put(0b00011, 5);
        for (int c = 0; c < 3; c++) {
            block.put(first[c], 10);
        }
        for (int c = 0; c < 3; c++) {
            block.put(second[c], 10);
        }
        for (int i = 0; i < 16; i++) {
            block.put(swap ? 15 - indices[i] : indices[i], i == 0 ? 3 : 4);
        }
        block.store(dst, offsetBytes);
    }

    /** The 10-bit endpoint whose unquantized value is nearest {@code u}. */
    private static int quantize(float u) {
        int guess = Math.clamp(Math.round((u - 32) / 64), 0, MAX_Q);
        int best = guess;
        float bestErr = Float.MAX_VALUE;
        for (int q = Math.max(0, guess - 1); q <= Math.min(MAX_Q, guess + 1); q++) {
            float err = Math.abs(unquantize(q) - u);
            if (err < bestErr) {
                bestErr = err;
                best = q;
            }
        }
        return best;
    }
}
