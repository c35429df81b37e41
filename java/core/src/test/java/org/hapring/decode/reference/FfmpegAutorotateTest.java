package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.hapring.decode.HapVariant;
import org.hapring.decode.reference.Rotation.Kind;
import org.junit.jupiter.api.Test;

/**
 * The angle and filter choice of {@link FfmpegAutorotate} on hand-made matrices, the pixel moves of
 * {@link FlipTranspose} on a picture small enough to write out, and properties of {@link RotateFilter}
 * (bit-exactness against FFmpeg itself is {@link FfmpegAutorotateFfmpegTest}'s job).
 */
class FfmpegAutorotateTest {
    private static final int ONE = 1 << 16;
    private static final int W_ONE = 1 << 30;
    private static final int[] IDENTITY = matrix(ONE, 0, 0, ONE);

    private static int[] matrix(int a, int b, int c, int d) {
        return new int[] {a, b, 0, c, d, 0, 0, 0, W_ONE};
    }

    @Test
    void wholeDegreeMatricesGiveTheirClockwiseAngle() {
        for (int degrees = -720; degrees <= 720; degrees++) {
            double theta = FfmpegAutorotate.rotationDegrees(FfmpegAutorotateFfmpegTest.clockwise(degrees));
            assertEquals(Math.floorMod(degrees, 360), theta, 0.0, degrees + " degrees");
        }
    }

    /**
     * glibc's hypot/atan2 and Java's StrictMath may differ in the last bits (measured: up to 4 ulp in the
     * final angle). Only the rounding to whole degrees could turn that into a different filter, so every
     * matrix av_display_rotation_set makes for a tenth of a degree (it truncates; phones may round) must
     * keep its angle far from a half degree, in ulp.
     */
    @Test
    void anglesOfTenthDegreeMatricesStayFarFromTheRoundingEdge() {
        double closestUlps = Double.MAX_VALUE;
        for (int tenths = -3600; tenths <= 3600; tenths++) {
            double radians = -(tenths / 10.0) * Math.PI / 180.0;
            double c = Math.cos(radians);
            double s = Math.sin(radians);
            for (boolean round : new boolean[] {false, true}) {
                int a = fixed(c, round);
                int[] m = matrix(a, fixed(-s, round), fixed(s, round), a);
                double degrees = Math.abs(FfmpegAutorotate.displayRotationGet(m));
                double fromHalf = Math.abs(degrees - Math.floor(degrees) - 0.5);
                closestUlps = Math.min(closestUlps, fromHalf / Math.ulp(degrees));
            }
        }
        assertTrue(closestUlps > 1e6, "an angle lies within " + closestUlps + " ulp of a half degree");
    }

    private static int fixed(double v, boolean round) {
        return round ? (int) Math.round(v * ONE) : (int) (v * ONE);
    }

    @Test
    void roundsHalvesAwayFromZeroLikeC() {
        assertEquals(13.0, FfmpegAutorotate.roundHalfAwayFromZero(12.5));
        assertEquals(-13.0, FfmpegAutorotate.roundHalfAwayFromZero(-12.5));
        assertEquals(-1.0, FfmpegAutorotate.roundHalfAwayFromZero(-0.5));
        assertEquals(0.0, FfmpegAutorotate.roundHalfAwayFromZero(0.49999999999999994));
        assertEquals(12.0, FfmpegAutorotate.roundHalfAwayFromZero(12.499999));
        assertTrue(Double.isNaN(FfmpegAutorotate.roundHalfAwayFromZero(Double.NaN)));
    }

    @Test
    void quarterTurnsAndMirrorsPickFfmpegsLosslessFilters() {
        // what phones write for portrait video: x' = y, y' = -x
        assertKind(matrix(0, ONE, -ONE, 0), Kind.CLOCKWISE_90, "transpose=clock");
        assertKind(matrix(0, -ONE, ONE, 0), Kind.COUNTERCLOCKWISE_90, "transpose=cclock");
        assertKind(matrix(-ONE, 0, 0, -ONE), Kind.ROTATE_180, "hflip,vflip");
        assertKind(matrix(0, ONE, ONE, 0), Kind.TRANSPOSE, "transpose=cclock_flip");
        assertKind(matrix(0, -ONE, -ONE, 0), Kind.ANTI_TRANSPOSE, "transpose=clock_flip");
        assertKind(matrix(-ONE, 0, 0, ONE), Kind.MIRROR_HORIZONTAL, "hflip");
        assertKind(matrix(ONE, 0, 0, -ONE), Kind.MIRROR_VERTICAL, "vflip");
    }

    @Test
    void otherAnglesUseTheRotateFilterWithTheirWholeDegrees() {
        assertKind(FfmpegAutorotateFfmpegTest.clockwise(359), Kind.ARBITRARY, "rotate=359.000000*PI/180");
        assertKind(FfmpegAutorotateFfmpegTest.clockwise(89), Kind.ARBITRARY, "rotate=89.000000*PI/180");
        assertKind(FfmpegAutorotateFfmpegTest.clockwise(-45), Kind.ARBITRARY, "rotate=315.000000*PI/180");
        assertKind(FfmpegAutorotateFfmpegTest.clockwise(2), Kind.ARBITRARY, "rotate=2.000000*PI/180");
        // 12.6 rounds to 13; a mirror does not change the rotate filter
        assertKind(FfmpegAutorotateFfmpegTest.clockwise(12.6), Kind.ARBITRARY, "rotate=13.000000*PI/180");
        int[] mirrored = FfmpegAutorotateFfmpegTest.clockwise(30);
        mirrored[3] = -mirrored[3];
        mirrored[4] = -mirrored[4];
        assertKind(mirrored, Kind.ARBITRARY, "rotate=30.000000*PI/180");
    }

    @Test
    void nothingForIdentityAbsentDegenerateScaledOrNearlyStraightMatrices() {
        assertEquals(Rotation.NONE, FfmpegAutorotate.of(IDENTITY));
        assertEquals(Rotation.NONE, FfmpegAutorotate.ofDisplayMatrix(null));
        assertEquals(Rotation.NONE, FfmpegAutorotate.of(matrix(ONE, 0, 0, 0)));
        assertTrue(Double.isNaN(FfmpegAutorotate.rotationDegrees(matrix(ONE, 0, 0, 0))));
        assertEquals(Rotation.NONE, FfmpegAutorotate.of(matrix(3 * ONE, 0, 0, ONE / 2)));
        assertEquals(Rotation.NONE, FfmpegAutorotate.of(new int[] {ONE, 0, 0, 0, ONE, 0, 7 * ONE, 9 * ONE, W_ONE}));
        // FFmpeg's tests are |theta| > 1 for rotate, |theta| < 1 for vflip: exactly 1 degree does nothing
        assertEquals(Rotation.NONE, FfmpegAutorotate.of(FfmpegAutorotateFfmpegTest.clockwise(1)));
        assertEquals(Rotation.NONE, FfmpegAutorotate.of(FfmpegAutorotateFfmpegTest.clockwise(0.4)));
    }

    /**
     * The real HapM fixture's tkhd matrix alone has a zero second column (no rotation: NaN); FFmpeg
     * multiplies it with the fixture's non-identity mvhd matrix and gets -45 degrees. Values worked out by
     * hand from mov_read_tkhd's formula.
     */
    @Test
    void movieMatrixIsMultipliedIntoTheTrackMatrix() {
        int[] tkhd = {ONE, 0, 0, 1 << 24, 0, 0, 1 << 24, 41_943_040, 23_592_960};
        int[] mvhd = {ONE, ONE, ONE, 0, 0, 1 << 24, 0, 1 << 24, 0};
        int[] composed = FfmpegAutorotate.composeWithMovieMatrix(tkhd, mvhd);
        assertEquals(ONE, composed[0]);
        assertEquals(ONE, composed[1]);
        assertEquals(1 << 24, composed[3]);
        assertEquals(1 << 24, composed[4]);
        assertEquals(Rotation.NONE, FfmpegAutorotate.of(tkhd));
        assertEquals(Kind.ARBITRARY, FfmpegAutorotate.of(tkhd, mvhd).kind());
        assertEquals("rotate=45.000000*PI/180", FfmpegAutorotate.of(tkhd, mvhd).ffmpegFilters());

        assertNull(FfmpegAutorotate.composeWithMovieMatrix(IDENTITY, IDENTITY));
        // mvhd scales by 2 (16.16) and w by almost 2 (2.30): a quarter turn stays a quarter turn, entries double
        int[] scaled = FfmpegAutorotate.composeWithMovieMatrix(
                matrix(0, ONE, -ONE, 0), new int[] {2 * ONE, 0, 0, 0, 2 * ONE, 0, 0, 0, 0x7FFF_FFFE});
        assertArrayEquals(new int[] {0, 2 * ONE, 0, -2 * ONE, 0, 0, 0, 0, 0x7FFF_FFFE}, scaled);
        assertEquals(Rotation.CLOCKWISE_90, FfmpegAutorotate.ofDisplayMatrix(scaled));
    }

    @Test
    void matricesMustHaveNineEntries() {
        assertThrows(IllegalArgumentException.class, () -> FfmpegAutorotate.of(new int[8]));
        assertThrows(IllegalArgumentException.class, () -> FfmpegAutorotate.of(IDENTITY, new int[10]));
        assertThrows(IllegalArgumentException.class, () -> FfmpegAutorotate.of(null));
    }

    /** A 3x2 picture A B C / D E F, pixel value = letter index + 1 in every channel byte. */
    @Test
    void losslessFiltersMovePixelsAsNamed() {
        assertMoves(Rotation.NONE, 3, 2, "ABC", "DEF");
        assertMoves(Rotation.CLOCKWISE_90, 2, 3, "DA", "EB", "FC");
        assertMoves(Rotation.COUNTERCLOCKWISE_90, 2, 3, "CF", "BE", "AD");
        assertMoves(Rotation.TRANSPOSE, 2, 3, "AD", "BE", "CF");
        assertMoves(Rotation.ANTI_TRANSPOSE, 2, 3, "FC", "EB", "DA");
        assertMoves(Rotation.ROTATE_180, 3, 2, "FED", "CBA");
        assertMoves(Rotation.MIRROR_HORIZONTAL, 3, 2, "CBA", "FED");
        assertMoves(Rotation.MIRROR_VERTICAL, 3, 2, "DEF", "ABC");
    }

    private static void assertMoves(Rotation r, int outWidth, int outHeight, String... rows) {
        assertEquals(outWidth, r.outputWidth(3, 2), r + " width");
        assertEquals(outHeight, r.outputHeight(3, 2), r + " height");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(3 * 2 * 4);
            for (int p = 0; p < 6; p++) {
                in.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p, (p + 1) * 0x01010101);
            }
            MemorySegment out = arena.allocate(6 * 4);
            r.apply(in, 3, 2, out);
            StringBuilder actual = new StringBuilder();
            for (int p = 0; p < 6; p++) {
                actual.append((char) ('A' + (out.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p) & 0xFF) - 1));
            }
            assertEquals(String.join("", rows), actual.toString(), r.toString());
        }
    }

    @Test
    void rotatingAnOpaqueFlatPictureGivesItsColourOrTheFill() {
        int colour = 0xFFC89664;
        for (HapVariant variant : new HapVariant[] {HapVariant.HAP, HapVariant.HAP_ALPHA_ONLY}) {
            int fill = variant == HapVariant.HAP_ALPHA_ONLY ? 0xFF101010 : 0xFF000000;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment in = arena.allocate(64 * 48 * 4);
                for (int p = 0; p < 64 * 48; p++) {
                    in.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p, colour);
                }
                MemorySegment out = arena.allocate(64 * 48 * 4);
                Rotation.arbitrary(45).apply(in, 64, 48, out, variant);
                int colourPixels = 0;
                for (int p = 0; p < 64 * 48; p++) {
                    int v = out.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, p);
                    assertTrue(v == colour || v == fill, "pixel " + p + " is 0x" + Integer.toHexString(v));
                    colourPixels += v == colour ? 1 : 0;
                }
                assertEquals(fill, out.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, 0), "corner");
                assertEquals(colour, out.getAtIndex(ValueLayout.JAVA_INT_UNALIGNED, 24 * 64 + 32), "centre");
                // a 64x48 picture turned by 45 degrees covers about (in its own frame) 64*48 minus 4 corners
                assertTrue(colourPixels > 64 * 48 / 2 && colourPixels < 64 * 48, "covered pixels " + colourPixels);
            }
        }
    }

    @Test
    void intSinIsASineScaledBy65536() {
        for (long a = -4 * RotateFilter.INT_PI; a <= 4 * RotateFilter.INT_PI; a += 997) {
            double expected = Math.sin(a / (double) RotateFilter.FIXP2) * RotateFilter.FIXP;
            assertEquals(expected, RotateFilter.intSin(a), 4.0, "int_sin(" + a + ")");
        }
        assertEquals(0, RotateFilter.intSin(0));
    }

    @Test
    void rejectsBadSizesShortSegmentsOverlapAndOverflowingPictures() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(8 * 4 * 4);
            MemorySegment out = arena.allocate(8 * 4 * 4);
            Rotation r = Rotation.arbitrary(30);
            assertThrows(IllegalArgumentException.class, () -> r.apply(in, 0, 4, out));
            assertThrows(IllegalArgumentException.class, () -> r.apply(in, 8, -1, out));
            assertThrows(IllegalArgumentException.class, () -> r.apply(in, 8, 5, out));
            assertThrows(IllegalArgumentException.class, () -> r.apply(in, 8, 4, out.asSlice(4)));
            assertThrows(IllegalArgumentException.class, () -> r.apply(in, 8, 4, in));
            assertThrows(IllegalArgumentException.class, () -> Rotation.CLOCKWISE_90.apply(in, 4, 4, in.asSlice(16)));
            assertDoesNotThrow(() -> r.apply(in, 8, 4, out));
        }
        assertThrows(IllegalArgumentException.class, () -> RotateFilter.checkFitsInt(16384, 16384));
        assertDoesNotThrow(() -> RotateFilter.checkFitsInt(7680, 4320));
        assertThrows(IllegalArgumentException.class, () -> Rotation.arbitrary(1));
    }

    private static void assertKind(int[] m, Kind kind, String filters) {
        Rotation r = FfmpegAutorotate.of(m);
        assertEquals(kind, r.kind(), filters);
        assertEquals(filters, r.ffmpegFilters());
    }
}
