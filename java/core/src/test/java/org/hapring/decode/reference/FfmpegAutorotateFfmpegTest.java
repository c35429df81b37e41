package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.reference.Rotation.Kind;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffmpeg.Spec;
import org.hapring.testing.RealMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gives FFmpeg-made clips display matrices that FFmpeg 5.1's encoder cannot write (the tkhd bytes are
 * patched in place), then compares the reference decode with {@link FfmpegAutorotate} applied against
 * FFmpeg's CLI framemd5 with autorotate on: whole-degree rotations (transpose, hflip+vflip), arbitrary
 * angles (the rotate filter: bilinear, black fill), half degrees (rounded by FFmpeg), the edges of
 * FFmpeg's snapping (1, 89, 359 degrees), mirrored matrices (hflip, vflip, both transposes, a mirrored
 * 30 degrees), and matrices that change nothing. Pictures: non-square sizes that are odd multiples of 4,
 * one that is not a multiple of 4, RGB0 (Hap1, HapY), RGBA with random alpha (Hap5, HapM) and GRAY8
 * (HapA, whose black fill is luma 16).
 */
class FfmpegAutorotateFfmpegTest {
    private static final int ONE = 1 << 16;
    private static final int W_ONE = 1 << 30;

    @TempDir
    Path dir;

    /** A display rotation FFmpeg reports as {@code thetaDegrees} clockwise (what phones write for portrait video). */
    static int[] clockwise(double thetaDegrees) {
        double r = Math.toRadians(thetaDegrees);
        int cos = (int) Math.round(Math.cos(r) * ONE);
        int sin = (int) Math.round(Math.sin(r) * ONE);
        return new int[] {cos, sin, 0, -sin, cos, 0, 0, 0, W_ONE};
    }

    static int[] matrix(int a, int b, int c, int d) {
        return new int[] {a, b, 0, c, d, 0, 0, 0, W_ONE};
    }

    record Case(String name, int[] tkhd, Kind kind, double thetaDegrees) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Case CW90 = new Case("90", clockwise(90), Kind.CLOCKWISE_90, 90);
    static final Case CW180 = new Case("180", clockwise(180), Kind.ROTATE_180, 180);
    static final Case CW270 = new Case("270", clockwise(270), Kind.COUNTERCLOCKWISE_90, 270);
    static final Case MINUS45 = new Case("-45", clockwise(-45), Kind.ARBITRARY, 315);
    static final Case CW30 = new Case("30", clockwise(30), Kind.ARBITRARY, 30);
    static final Case HALF = new Case("12.5", clockwise(12.5), Kind.ARBITRARY, Double.NaN);
    static final Case CW89 = new Case("89", clockwise(89), Kind.ARBITRARY, 89);
    static final Case CW359 = new Case("359", clockwise(359), Kind.ARBITRARY, 359);
    static final Case CW1 = new Case("1 (snapped to none)", clockwise(1), Kind.NONE, 0);
    static final Case HFLIP = new Case("mirror x", matrix(-ONE, 0, 0, ONE), Kind.MIRROR_HORIZONTAL, 180);
    static final Case VFLIP = new Case("mirror y", matrix(ONE, 0, 0, -ONE), Kind.MIRROR_VERTICAL, 0);
    static final Case TRANSPOSE = new Case("transpose", matrix(0, ONE, ONE, 0), Kind.TRANSPOSE, 90);
    static final Case ANTI = new Case("anti-transpose", matrix(0, -ONE, -ONE, 0), Kind.ANTI_TRANSPOSE, 270);
    static final Case MIRROR30 = new Case("mirrored 30", mirrored30(), Kind.ARBITRARY, 30);
    static final Case SCALE2 = new Case("scale 2", matrix(2 * ONE, 0, 0, 2 * ONE), Kind.NONE, 0);
    static final Case SHIFT =
            new Case("translate", new int[] {ONE, 0, 0, 0, ONE, 0, 10 * ONE, 5 * ONE, W_ONE}, Kind.NONE, 0);
    static final Case DEGENERATE = new Case("zero column", matrix(ONE, 0, 0, 0), Kind.NONE, Double.NaN);

    private static int[] mirrored30() {
        int[] m = clockwise(30);
        m[3] = -m[3];
        m[4] = -m[4];
        return m;
    }

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        Spec hap = Spec.of("hap").snappy(false).size(36, 20).frames(2).noise(true);
        for (Case c : List.of(
                CW90,
                CW180,
                CW270,
                MINUS45,
                CW30,
                HALF,
                CW89,
                CW359,
                CW1,
                HFLIP,
                VFLIP,
                TRANSPOSE,
                ANTI,
                MIRROR30,
                SCALE2,
                SHIFT,
                DEGENERATE)) {
            args.add(Arguments.of(hap, HapVariant.HAP, c));
        }
        Spec q = Spec.of("hap_q").chunks(2).size(20, 44).frames(2).noise(true);
        for (Case c : List.of(CW90, CW270, MINUS45, HALF, TRANSPOSE, ANTI, HFLIP)) {
            args.add(Arguments.of(q, HapVariant.HAP_Q, c));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("cases")
    void ffmpegClipWithPatchedMatrix(Spec spec, HapVariant variant, Case c) throws HapFormatException {
        Path movie = MovPatch.load(Ffmpeg.clip(spec)).displayMatrix(c.tkhd()).save(dir.resolve("clip.mov"));
        assertRotation(c, movie, variant, spec.width(), spec.height());
    }

    @Test
    void rgbaWithRandomAlpha() throws HapFormatException {
        for (Case c : List.of(CW30, MINUS45, CW90, HFLIP)) {
            MovPatch mov =
                    MovPatch.load(Ffmpeg.clip(Spec.of("hap_alpha").snappy(false).frames(2)));
            for (int f = 0; f < mov.frameCount(); f++) {
                mov.texture(f, CraftedBlocksFfmpegTest.dxt5Texture(new Random(70 + f)));
            }
            Path movie = mov.displayMatrix(c.tkhd()).save(dir.resolve("hap5.mov"));
            assertRotation(c, movie, HapVariant.HAP_ALPHA, 64, 48);
        }
    }

    @Test
    void hapAlphaOnlyIsRotatedAsGreyWithLumaSixteenFill() throws HapFormatException {
        for (Case c : List.of(CW30, HALF, CW180)) {
            MovPatch mov = MovPatch.load(
                            Ffmpeg.clip(Spec.of("hap").snappy(false).frames(2)))
                    .fourcc("HapA")
                    .sectionType(0xA1);
            for (int f = 0; f < mov.frameCount(); f++) {
                mov.texture(f, CraftedBlocksFfmpegTest.bc4Texture(new Random(80 + f)));
            }
            Path movie = mov.displayMatrix(c.tkhd()).save(dir.resolve("hapa.mov"));
            assertRotation(c, movie, HapVariant.HAP_ALPHA_ONLY, 64, 48);
        }
    }

    @Test
    void sizeThatIsNotAMultipleOfFour() throws HapFormatException {
        for (Case c : List.of(CW30, MINUS45, CW359, CW89, CW270)) {
            MovPatch mov = MovPatch.load(
                            Ffmpeg.clip(Spec.of("hap").snappy(false).frames(2).noise(true)))
                    .size(61, 46);
            Path movie = mov.displayMatrix(c.tkhd()).save(dir.resolve("hap61.mov"));
            assertRotation(c, movie, HapVariant.HAP, 61, 46);
        }
    }

    /**
     * The real HapM fixture (RGBA with a real alpha plane) with an identity movie matrix and other track
     * matrices: its own pair rotates by -45 degrees only because its mvhd matrix is not the identity
     * (checked against the stored framemd5 by {@link RealMediaReferenceTest}).
     */
    @Test
    void hapQAlphaFixtureWithOtherMatrices() throws HapFormatException {
        for (Case c : List.of(CW30, HALF, CW90, ANTI)) {
            Path movie = MovPatch.load(RealMedia.movie("bluecadet_hapm.mov"))
                    .movieMatrix(matrix(ONE, 0, 0, ONE))
                    .displayMatrix(c.tkhd())
                    .save(dir.resolve("hapm.mov"));
            assertRotation(c, movie, HapVariant.HAP_Q_ALPHA, 640, 360);
        }
    }

    private static void assertRotation(Case c, Path movie, HapVariant variant, int width, int height)
            throws HapFormatException {
        Rotation rotation =
                AutorotateCheck.assertMatches(movie, variant, width, height, Ffmpeg.framemd5Autorotated(movie));
        assertEquals(c.kind(), rotation.kind(), c.name());
        if (!Double.isNaN(c.thetaDegrees())) {
            assertEquals(c.thetaDegrees(), rotation.thetaDegrees(), c.name());
        }
    }
}
