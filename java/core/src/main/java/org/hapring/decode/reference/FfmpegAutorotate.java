package org.hapring.decode.reference;

/**
 * Decides, as the FFmpeg 5.1 {@code ffmpeg} CLI does unless given {@code -noautorotate}, which filters
 * turn the decoded picture into the displayed one, from the video track's display matrix; the
 * {@link Rotation} it returns also applies them. {@code hapring decode --framemd5} uses it to hash what
 * {@code ffmpeg -i FILE -map 0:v:0 -pix_fmt rgba -f framemd5 -} hashes.
 *
 * <p>Matrices are 9 ints in file order, {@code a b u c d v x y w}: a, b, c, d, x, y are 16.16 fixed
 * point, u, v, w 2.30. The steps, in FFmpeg's order:
 * <ol>
 * <li>The QuickTime demuxer ({@code mov_read_tkhd}) multiplies the track's tkhd matrix by the movie's
 *     mvhd matrix in 64-bit fixed point ({@link #composeWithMovieMatrix}) and keeps the product only
 *     when it is not the identity: an identity (or absent) matrix means no filter at all.
 * <li>{@code av_display_rotation_get}: {@code scale0 = hypot(a, c)}, {@code scale1 = hypot(b, d)} (as
 *     doubles, /65536), NaN when either is 0, else {@code -atan2(b / scale1, a / scale0) * 180 / PI}
 *     degrees (counter-clockwise positive).
 * <li>{@code get_rotation} (fftools): {@code theta = -round(that)}, so the angle is clockwise and a
 *     whole number of degrees (12.5 becomes 13, -12.5 becomes -13: half away from zero), then
 *     {@code theta -= 360 * floor(theta / 360 + 0.9 / 360)}, which brings it into [0, 360).
 * <li>{@code configure_input_video_filter} (fftools/ffmpeg_filter.c), in this order:
 *     |theta - 90| &lt; 1: {@code transpose=cclock_flip} when c &gt; 0 (a mirrored matrix), else
 *     {@code transpose=clock}; |theta - 180| &lt; 1: {@code hflip} when a &lt; 0, then {@code vflip} when
 *     d &lt; 0; |theta - 270| &lt; 1: {@code transpose=clock_flip} when c &lt; 0, else
 *     {@code transpose=cclock}; |theta| &gt; 1: {@code rotate=<theta formatted by %f>*PI/180};
 *     |theta| &lt; 1: {@code vflip} when d &lt; 0. Nothing else: theta = 1 (not &gt; 1) and NaN insert nothing.
 * </ol>
 * Java's {@link StrictMath} (fdlibm) stands in for glibc's {@code hypot}/{@code atan2}. They do differ in
 * the last bits: over 344,002 matrices (every 1/100 degree, truncated and rounded to 16.16, plus random
 * ones of every magnitude) the angle differed from glibc 2.36's in 12 % of cases, by at most 4 ulp
 * ({@link Math} gave the same), but the whole-degree theta never did: no angle came within 2.5e8 ulp of a
 * half degree, the only place where a few ulp could matter. The unit tests keep checking that margin for
 * every tenth of a degree. The pixel work uses no libm at all ({@link RotateFilter}).
 *
 * <p>Stateless; any thread.
 */
public final class FfmpegAutorotate {
    /** The identity display matrix: 1.0 (16.16), 1.0 (16.16) and w = 1.0 (2.30). */
    private static final int[] IDENTITY = {1 << 16, 0, 0, 0, 1 << 16, 0, 0, 0, 1 << 30};

    private FfmpegAutorotate() {}

    /**
     * The rotation for a track whose movie (mvhd) matrix is the identity, as FFmpeg-made files have. Where
     * mvhd carries another matrix, use {@link #of(int[], int[])}: the HapM fixture in testdata/real has a
     * tkhd matrix with no rotation (a zero column) and gets its -45 degrees only from the product.
     */
    public static Rotation of(int[] tkhdMatrix) {
        return ofDisplayMatrix(composeWithMovieMatrix(tkhdMatrix, IDENTITY));
    }

    /** The rotation for a track with matrix {@code tkhdMatrix} in a movie with matrix {@code mvhdMatrix}. */
    public static Rotation of(int[] tkhdMatrix, int[] mvhdMatrix) {
        return ofDisplayMatrix(composeWithMovieMatrix(tkhdMatrix, mvhdMatrix));
    }

    /**
     * The rotation for FFmpeg's display matrix side data (already composed; {@code null} = none),
     * following {@code configure_input_video_filter}.
     */
    public static Rotation ofDisplayMatrix(int[] displayMatrix) {
        if (displayMatrix == null) {
            return Rotation.NONE;
        }
        checkMatrix(displayMatrix, "display matrix");
        double theta = rotationDegrees(displayMatrix);
        if (Math.abs(theta - 90) < 1.0) {
            return displayMatrix[3] > 0 ? Rotation.TRANSPOSE : Rotation.CLOCKWISE_90;
        } else if (Math.abs(theta - 180) < 1.0) {
            boolean hflip = displayMatrix[0] < 0;
            boolean vflip = displayMatrix[4] < 0;
            return hflip
                    ? (vflip ? Rotation.ROTATE_180 : Rotation.MIRROR_HORIZONTAL)
                    : (vflip ? Rotation.MIRROR_VERTICAL : Rotation.NONE);
        } else if (Math.abs(theta - 270) < 1.0) {
            return displayMatrix[3] < 0 ? Rotation.ANTI_TRANSPOSE : Rotation.COUNTERCLOCKWISE_90;
        } else if (Math.abs(theta) > 1.0) {
            return Rotation.arbitrary(theta);
        } else if (Math.abs(theta) < 1.0) {
            return displayMatrix[4] < 0 ? Rotation.MIRROR_VERTICAL : Rotation.NONE;
        }
        return Rotation.NONE;
    }

    /**
     * The display matrix FFmpeg's QuickTime demuxer derives from a track's tkhd matrix and the movie's
     * mvhd matrix: {@code r[i][j] = sum over e of (tkhd[i][e] * mvhd[e][j]) >> (16, 16, 30 for e = 0, 1, 2)}
     * in 64 bits, each sum stored as a 32-bit int; {@code null} when the result is the identity (FFmpeg then
     * attaches no matrix).
     */
    public static int[] composeWithMovieMatrix(int[] tkhdMatrix, int[] mvhdMatrix) {
        checkMatrix(tkhdMatrix, "tkhd matrix");
        checkMatrix(mvhdMatrix, "mvhd matrix");
        int[] shift = {16, 16, 30};
        int[] result = new int[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int sum = 0;
                for (int e = 0; e < 3; e++) {
                    sum += (int) (((long) tkhdMatrix[i * 3 + e] * mvhdMatrix[e * 3 + j]) >> shift[e]);
                }
                result[i * 3 + j] = sum;
            }
        }
        return isIdentity(result) ? null : result;
    }

    /**
     * fftools' {@code get_rotation}: the clockwise angle in whole degrees in [0, 360), NaN when the
     * matrix has a zero column scale; 0 for {@code null}.
     */
    public static double rotationDegrees(int[] displayMatrix) {
        double theta = 0;
        if (displayMatrix != null) {
            checkMatrix(displayMatrix, "display matrix");
            theta = -roundHalfAwayFromZero(displayRotationGet(displayMatrix));
        }
        theta -= 360 * Math.floor(theta / 360 + 0.9 / 360);
        return theta;
    }

    /** libavutil's {@code av_display_rotation_get}: counter-clockwise degrees, NaN for a degenerate matrix. */
    static double displayRotationGet(int[] m) {
        double scale0 = StrictMath.hypot(fixed16(m[0]), fixed16(m[3]));
        double scale1 = StrictMath.hypot(fixed16(m[1]), fixed16(m[4]));
        if (scale0 == 0.0 || scale1 == 0.0) {
            return Double.NaN;
        }
        double rotation = StrictMath.atan2(fixed16(m[1]) / scale1, fixed16(m[0]) / scale0) * 180 / Math.PI;
        return -rotation;
    }

    /** C's {@code round}: halves go away from zero (Java's {@link Math#round} rounds them up). */
    static double roundHalfAwayFromZero(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double whole = Math.floor(Math.abs(v));
        // |v| - floor(|v|) is exact, unlike |v| + 0.5 (0.49999999999999994 + 0.5 rounds to 1.0)
        double r = Math.abs(v) - whole >= 0.5 ? whole + 1 : whole;
        return Math.copySign(r, v);
    }

    private static double fixed16(int v) {
        return ((double) v) / (1 << 16);
    }

    private static boolean isIdentity(int[] m) {
        return m[0] == 1 << 16
                && m[4] == 1 << 16
                && m[8] == 1 << 30
                && m[1] == 0
                && m[3] == 0
                && m[2] == 0
                && m[5] == 0
                && m[6] == 0
                && m[7] == 0;
    }

    private static void checkMatrix(int[] m, String what) {
        if (m == null || m.length != 9) {
            throw new IllegalArgumentException(what + " must have 9 entries, has " + (m == null ? "none" : m.length));
        }
    }
}
