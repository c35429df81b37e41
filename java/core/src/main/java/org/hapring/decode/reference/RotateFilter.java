package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;

/**
 * FFmpeg 5.1's {@code rotate} filter (libavfilter/vf_rotate.c) with its default options, as the
 * {@code ffmpeg} CLI inserts it for a display matrix that is not a multiple of 90 degrees:
 * {@code rotate=<theta>*PI/180}, output size = input size, bilinear interpolation, fill colour black.
 * Integer maths throughout, so that the result is bit-exact:
 * <ul>
 * <li>The angle: the expression evaluates to {@code (theta * PI) / 180} in doubles ({@link #angleRadians});
 *     {@code angle_int = (int) (angle * 65536 * 16)} (radians in 12.20 fixed point, truncated);
 *     {@code s = int_sin(angle_int)}, {@code c = int_sin(angle_int + INT_PI / 2)}, where {@code int_sin}
 *     is a five-term Taylor series in 64-bit integers with {@code INT_PI = 3294199} ({@link #intSin}).
 *     No libm: Java and glibc cannot disagree here.
 * <li>Output pixel (i, j) samples the input at 16.16 coordinates that start at
 *     {@code x = -(oh-1)*s/2 - (ow-1)*c/2 + 65536*(iw-1)/2}, {@code y = -(oh-1)*c/2 + (ow-1)*s/2 + 65536*(ih-1)/2}
 *     (each term an int, divisions truncating), step {@code x += c, y -= s} along a row and
 *     {@code x += s, y += c} per row.
 * <li>A sample is taken only when {@code x >> 16} is in [-1, iw] and {@code y >> 16} in [-1, ih];
 *     other pixels keep the fill colour. Bilinear: {@code ix = clip(x >> 16, 0, iw-1)},
 *     {@code ix1 = min(ix+1, iw-1)}, {@code fx = x & 0xFFFF} (same for y, so a coordinate of -1.x blends
 *     pixels 0 and 1 with weight x), per byte channel
 *     {@code s0 = (65536-fx)*p00 + fx*p01}, {@code s1 = (65536-fx)*p10 + fx*p11},
 *     {@code ((65536-fy)*s0 + fy*s1) >> 32} (64-bit).
 * <li>Packed RGBA is one plane with a 4-byte step: the four channels, alpha included, are interpolated
 *     alike. FFmpeg rotates in the decoder's own format (RGB0 for Hap1/HapY, RGBA for Hap5/HapM, GRAY8
 *     for HapA); the caller passes the fill colour that format's "black" becomes in RGBA
 *     ({@link Rotation}).
 * </ul>
 * The filter's exact-multiple-of-90 shortcuts ({@code simple_rotate}) are never reached from the CLI,
 * whose theta is a whole number of degrees at least 1 away from 90, 180 and 270.
 *
 * <p>Stateless; any thread, one picture per call.
 */
final class RotateFilter {
    static final int FIXP = 1 << 16;
    static final long FIXP2 = 1 << 20;
    static final long INT_PI = 3294199;

    private RotateFilter() {}

    /** The angle the filter evaluates from {@code "%f*PI/180"} for {@code thetaDegrees}, in radians. */
    static double angleRadians(double thetaDegrees) {
        double parsed = Double.parseDouble(String.format(Locale.ROOT, "%f", thetaDegrees));
        return parsed * Math.PI / 180;
    }

    /** vf_rotate's {@code int_sin}: input radians scaled by 2^20, output scaled by 2^16. */
    static long intSin(long angle) {
        long a = angle;
        if (a < 0) {
            a = INT_PI - a;
        }
        a %= 2 * INT_PI;
        if (a >= INT_PI * 3 / 2) {
            a -= 2 * INT_PI;
        }
        if (a >= INT_PI / 2) {
            a = INT_PI - a;
        }
        long a2 = (a * a) / FIXP2;
        long res = 0;
        for (int i = 2; i < 11; i += 2) {
            res += a;
            a = -a * a2 / (FIXP2 * i * (i + 1));
        }
        return (res + 8) >> 4;
    }

    /**
     * Rotates the packed RGBA picture {@code in} ({@code width x height}) by {@code angleRadians} into
     * {@code out} (same size), pixels not covered keeping {@code fillRgba} (bytes R, G, B, A in that order
     * in memory, i.e. {@code R | G << 8 | B << 16 | A << 24}).
     */
    static void rotate(MemorySegment in, int width, int height, MemorySegment out, double angleRadians, int fillRgba) {
        checkFitsInt(width, height);
        int angleInt = (int) (angleRadians * FIXP * 16);
        int s = (int) intSin(angleInt);
        int c = (int) intSin(angleInt + INT_PI / 2);
        byte[] src = in.asSlice(0, (long) width * height * 4).toArray(ValueLayout.JAVA_BYTE);
        byte[] row = new byte[width * 4];
        byte[] fill = {(byte) fillRgba, (byte) (fillRgba >>> 8), (byte) (fillRgba >>> 16), (byte) (fillRgba >>> 24)};
        int stride = width * 4;
        int maxX = width - 1;
        int maxY = height - 1;
        int xi = -(width - 1) * c / 2;
        int yi = (width - 1) * s / 2;
        int xprime = -(height - 1) * s / 2;
        int yprime = -(height - 1) * c / 2;
        for (int j = 0; j < height; j++) {
            int x = xprime + xi + FIXP * (width - 1) / 2;
            int y = yprime + yi + FIXP * (height - 1) / 2;
            for (int i = 0; i < width; i++) {
                int x1 = x >> 16;
                int y1 = y >> 16;
                if (x1 >= -1 && x1 <= width && y1 >= -1 && y1 <= height) {
                    interpolate(src, stride, x, y, maxX, maxY, row, i * 4);
                } else {
                    System.arraycopy(fill, 0, row, i * 4, 4);
                }
                x += c;
                y -= s;
            }
            MemorySegment.copy(row, 0, out, ValueLayout.JAVA_BYTE, (long) j * stride, stride);
            xprime += s;
            yprime += c;
        }
    }

    /** vf_rotate's {@code interpolate_bilinear8} for one 4-byte pixel. */
    private static void interpolate(byte[] src, int stride, int x, int y, int maxX, int maxY, byte[] dst, int at) {
        int ix = Math.clamp(x >> 16, 0, maxX);
        int iy = Math.clamp(y >> 16, 0, maxY);
        int fx = x & 0xFFFF;
        int fy = y & 0xFFFF;
        int ix1 = Math.min(ix + 1, maxX);
        int iy1 = Math.min(iy + 1, maxY);
        int row0 = stride * iy;
        int row1 = stride * iy1;
        for (int ch = 0; ch < 4; ch++) {
            int s00 = src[4 * ix + ch + row0] & 0xFF;
            int s01 = src[4 * ix1 + ch + row0] & 0xFF;
            int s10 = src[4 * ix + ch + row1] & 0xFF;
            int s11 = src[4 * ix1 + ch + row1] & 0xFF;
            int s0 = (FIXP - fx) * s00 + fx * s01;
            int s1 = (FIXP - fx) * s10 + fx * s11;
            dst[at + ch] = (byte) (((long) (FIXP - fy) * s0 + (long) fy * s1) >> 32);
        }
    }

    /**
     * Refuses pictures for which the filter's 32-bit fixed-point coordinates would overflow (FFmpeg's
     * result is undefined there): every coordinate it computes, at the picture's corners and one step
     * beyond, must fit an int for any angle (|s|, |c| at most 65536).
     */
    static void checkFitsInt(int width, int height) {
        long w = width;
        long h = height;
        long bound = FIXP * (w - 1) / 2 + (h - 1) * FIXP / 2 + (w - 1) * FIXP / 2 + (w + h) * FIXP;
        if (w * h * 4 > Integer.MAX_VALUE - 8 || bound > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("picture " + width + "x" + height
                    + " is too large for FFmpeg's rotate filter (32-bit 16.16 coordinates)");
        }
    }
}
