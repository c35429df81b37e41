package org.hapring.write.bc;

import java.util.Arrays;

/**
 * The principal axis of a small point cloud (3 or 4 channels): the dominant eigenvector of its
 * covariance matrix by power iteration, starting from the row with the largest variance.
 *
 * <p>Stateless; any thread.
 */
final class Pca {
    private static final int ITERATIONS = 8;

    private Pca() {}

    /** Adds the outer product of (x, y, z) to a 3x3 row-major covariance. */
    static void accumulate(float[] cov, float x, float y, float z) {
        cov[0] += x * x;
        cov[1] += x * y;
        cov[2] += x * z;
        cov[3] += y * x;
        cov[4] += y * y;
        cov[5] += y * z;
        cov[6] += z * x;
        cov[7] += z * y;
        cov[8] += z * z;
    }

    /**
     * Writes the unit dominant axis of the {@code n} x {@code n} row-major covariance {@code cov} into
     * {@code out}; a flat cloud (all variances 0) gives the luminance-like diagonal.
     */
    static void dominantAxis(float[] cov, int n, float[] out) {
        int start = 0;
        for (int i = 1; i < n; i++) {
            if (cov[i * n + i] > cov[start * n + start]) {
                start = i;
            }
        }
        float[] v = new float[n];
        float[] next = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = cov[start * n + i];
        }
        if (norm(v) < 1e-6f) {
            Arrays.fill(out, 0, n, (float) (1 / Math.sqrt(n)));
            return;
        }
        for (int it = 0; it < ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                float s = 0;
                for (int j = 0; j < n; j++) {
                    s += cov[i * n + j] * v[j];
                }
                next[i] = s;
            }
            float len = norm(next);
            if (len < 1e-12f) {
                break;
            }
            for (int i = 0; i < n; i++) {
                v[i] = next[i] / len;
            }
        }
        float len = norm(v);
        for (int i = 0; i < n; i++) {
            out[i] = v[i] / len;
        }
    }

    private static float norm(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x * x;
        }
        return (float) Math.sqrt(s);
    }
}
