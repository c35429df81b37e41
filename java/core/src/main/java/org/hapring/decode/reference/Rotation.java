package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;
import java.util.Locale;
import java.util.Objects;
import org.hapring.decode.HapVariant;

/**
 * What the FFmpeg 5.1 CLI does to a decoded picture because of its track's display matrix (see
 * {@link FfmpegAutorotate#of}), and the means to do the same to a packed RGBA picture, bit for bit.
 *
 * <p>Kinds and the filters FFmpeg inserts for them ({@link #ffmpegFilters()}):
 * {@link Kind#NONE} (nothing), {@link Kind#CLOCKWISE_90} ({@code transpose=clock}),
 * {@link Kind#COUNTERCLOCKWISE_90} ({@code transpose=cclock}), {@link Kind#ROTATE_180} ({@code hflip,vflip}),
 * the mirrored matrices {@link Kind#TRANSPOSE} ({@code transpose=cclock_flip}), {@link Kind#ANTI_TRANSPOSE}
 * ({@code transpose=clock_flip}), {@link Kind#MIRROR_HORIZONTAL} ({@code hflip}), {@link Kind#MIRROR_VERTICAL}
 * ({@code vflip}), and {@link Kind#ARBITRARY} ({@code rotate=<theta>*PI/180}, {@link RotateFilter}).
 *
 * <p>Immutable; any thread. {@link #apply} writes only to its output and may run concurrently on
 * different pictures.
 */
public final class Rotation {
    /** The geometric operation; see the class comment for FFmpeg's filter per kind. */
    public enum Kind {
        NONE,
        CLOCKWISE_90,
        COUNTERCLOCKWISE_90,
        ROTATE_180,
        TRANSPOSE,
        ANTI_TRANSPOSE,
        MIRROR_HORIZONTAL,
        MIRROR_VERTICAL,
        ARBITRARY
    }

    public static final Rotation NONE = new Rotation(Kind.NONE, 0);
    public static final Rotation CLOCKWISE_90 = new Rotation(Kind.CLOCKWISE_90, 90);
    public static final Rotation COUNTERCLOCKWISE_90 = new Rotation(Kind.COUNTERCLOCKWISE_90, 270);
    public static final Rotation ROTATE_180 = new Rotation(Kind.ROTATE_180, 180);
    public static final Rotation TRANSPOSE = new Rotation(Kind.TRANSPOSE, 90);
    public static final Rotation ANTI_TRANSPOSE = new Rotation(Kind.ANTI_TRANSPOSE, 270);
    public static final Rotation MIRROR_HORIZONTAL = new Rotation(Kind.MIRROR_HORIZONTAL, 180);
    public static final Rotation MIRROR_VERTICAL = new Rotation(Kind.MIRROR_VERTICAL, 0);

    /** Opaque black in RGBA: the rotate filter's fill for RGB0 and RGBA pictures. */
    static final int BLACK_RGBA = 0xFF000000;
    /** Black in GRAY8 is luma 16 (FFmpeg's drawutils use limited range), opaque once in RGBA. */
    static final int BLACK_GRAY8_AS_RGBA = 0xFF101010;

    private final Kind kind;
    private final double thetaDegrees;

    private Rotation(Kind kind, double thetaDegrees) {
        this.kind = kind;
        this.thetaDegrees = thetaDegrees;
    }

    /** The rotate filter by {@code thetaDegrees} clockwise (FFmpeg only makes whole degrees in [2, 359]). */
    static Rotation arbitrary(double thetaDegrees) {
        if (!(thetaDegrees > 1 && thetaDegrees < 360)) {
            throw new IllegalArgumentException(
                    "FFmpeg inserts the rotate filter for 1 < theta < 360 only, not " + thetaDegrees);
        }
        return new Rotation(Kind.ARBITRARY, thetaDegrees);
    }

    public Kind kind() {
        return kind;
    }

    /** FFmpeg's clockwise angle for this rotation in degrees (whole, [0, 360)); for mirrors, that of the matrix. */
    public double thetaDegrees() {
        return thetaDegrees;
    }

    /** The filters FFmpeg's CLI inserts, in its filter-graph syntax; empty for {@link Kind#NONE}. */
    public String ffmpegFilters() {
        return switch (kind) {
            case NONE -> "";
            case CLOCKWISE_90 -> "transpose=clock";
            case COUNTERCLOCKWISE_90 -> "transpose=cclock";
            case ROTATE_180 -> "hflip,vflip";
            case TRANSPOSE -> "transpose=cclock_flip";
            case ANTI_TRANSPOSE -> "transpose=clock_flip";
            case MIRROR_HORIZONTAL -> "hflip";
            case MIRROR_VERTICAL -> "vflip";
            case ARBITRARY -> "rotate=" + String.format(Locale.ROOT, "%f", thetaDegrees) + "*PI/180";
        };
    }

    /** True when the output is the input's height wide and its width high (the transposes). */
    public boolean swapsDimensions() {
        return kind == Kind.CLOCKWISE_90
                || kind == Kind.COUNTERCLOCKWISE_90
                || kind == Kind.TRANSPOSE
                || kind == Kind.ANTI_TRANSPOSE;
    }

    public int outputWidth(int widthPixels, int heightPixels) {
        return swapsDimensions() ? heightPixels : widthPixels;
    }

    public int outputHeight(int widthPixels, int heightPixels) {
        return swapsDimensions() ? widthPixels : heightPixels;
    }

    /**
     * Applies this rotation to a picture that FFmpeg decodes to RGB0 or RGBA: every variant except HapA
     * (whose decode is GRAY8; use {@link #apply(MemorySegment, int, int, MemorySegment, HapVariant)}).
     */
    public void apply(MemorySegment rgbaIn, int widthPixels, int heightPixels, MemorySegment rgbaOut) {
        apply(rgbaIn, widthPixels, heightPixels, rgbaOut, BLACK_RGBA);
    }

    /**
     * Applies this rotation to the packed RGBA picture {@code rgbaIn} (rows top first, no padding), writing
     * {@link #outputWidth} x {@link #outputHeight} packed RGBA pixels to {@code rgbaOut}, exactly as FFmpeg 5.1's
     * CLI does before converting to RGBA. The variant matters only to the rotate filter's fill colour:
     * FFmpeg rotates in the decoder's pixel format, where black is RGB (0, 0, 0) except for HapA's GRAY8
     * (luma 16); either way the fill ends up opaque.
     *
     * @throws IllegalArgumentException when a size is not positive, a segment is too small or the two overlap
     */
    public void apply(
            MemorySegment rgbaIn, int widthPixels, int heightPixels, MemorySegment rgbaOut, HapVariant decodedFrom) {
        Objects.requireNonNull(decodedFrom, "decodedFrom");
        apply(
                rgbaIn,
                widthPixels,
                heightPixels,
                rgbaOut,
                decodedFrom == HapVariant.HAP_ALPHA_ONLY ? BLACK_GRAY8_AS_RGBA : BLACK_RGBA);
    }

    private void apply(MemorySegment in, int width, int height, MemorySegment out, int fillRgba) {
        check(in, width, height, out);
        switch (kind) {
            case NONE -> MemorySegment.copy(in, 0, out, 0, ReferenceDecoder.rgbaBytes(width, height));
            case CLOCKWISE_90 -> FlipTranspose.transpose(in, width, height, out, FlipTranspose.CLOCK);
            case COUNTERCLOCKWISE_90 -> FlipTranspose.transpose(in, width, height, out, FlipTranspose.CCLOCK);
            case TRANSPOSE -> FlipTranspose.transpose(in, width, height, out, FlipTranspose.CCLOCK_FLIP);
            case ANTI_TRANSPOSE -> FlipTranspose.transpose(in, width, height, out, FlipTranspose.CLOCK_FLIP);
            case ROTATE_180 -> FlipTranspose.flip(in, width, height, out, true, true);
            case MIRROR_HORIZONTAL -> FlipTranspose.flip(in, width, height, out, true, false);
            case MIRROR_VERTICAL -> FlipTranspose.flip(in, width, height, out, false, true);
            case ARBITRARY ->
                RotateFilter.rotate(in, width, height, out, RotateFilter.angleRadians(thetaDegrees), fillRgba);
        }
    }

    private void check(MemorySegment in, int width, int height, MemorySegment out) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size " + width + "x" + height + " is not positive");
        }
        long inBytes = ReferenceDecoder.rgbaBytes(width, height);
        long outBytes = ReferenceDecoder.rgbaBytes(outputWidth(width, height), outputHeight(width, height));
        if (in.byteSize() < inBytes) {
            throw new IllegalArgumentException("input holds " + in.byteSize() + " bytes, a " + width + "x" + height
                    + " RGBA picture needs " + inBytes);
        }
        if (out.byteSize() < outBytes) {
            throw new IllegalArgumentException(
                    "output holds " + out.byteSize() + " bytes, the " + kind + " picture needs " + outBytes);
        }
        if (in.asSlice(0, inBytes).asOverlappingSlice(out.asSlice(0, outBytes)).isPresent()) {
            throw new IllegalArgumentException("input and output overlap; " + kind + " cannot work in place");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rotation r && r.kind == kind && Double.compare(r.thetaDegrees, thetaDegrees) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(thetaDegrees);
    }

    @Override
    public String toString() {
        return kind == Kind.ARBITRARY ? "ARBITRARY(" + thetaDegrees + ")" : kind.name();
    }
}
