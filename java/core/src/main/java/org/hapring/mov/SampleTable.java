package org.hapring.mov;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where every frame of a HAP video track lies in the file and when it is shown: parallel primitive
 * arrays indexed by frame number (decode order = presentation order; every HAP frame is a keyframe).
 * Validated when built: every frame lies inside the file, every frame has a time, and every sample
 * description the frames use is a HAP one of the same picture size.
 *
 * <p>Times are in media ticks ({@link #timescale()} per second). {@link #ptsTicks(int)} applies the edit
 * list's start as FFmpeg does: leading empty edits delay the media by their duration
 * ({@link #presentationStartTicks()}), and the first non-empty edit's media time is the media instant
 * shown then, so {@code pts = decodeTime - mediaTime + emptyEditsDuration}. Frames before that instant
 * are not presented (FFmpeg drops them); they keep earlier times here, so playback starts at
 * {@link #firstPresentedFrame()}. Later edits, rates other than 1 and dwells are reported by
 * {@link #editList()} but not applied.
 *
 * <p>Immutable; any thread.
 */
public final class SampleTable {
    private final Path file;
    private final int trackId;
    private final String fourcc;
    private final int width;
    private final int height;
    private final int depth;
    private final long timescale;
    private final long movieTimescale;
    private final long[] offsets;
    private final int[] sizes;
    /** frameCount + 1 entries: the last is when the last frame ends. Non-decreasing. */
    private final long[] pts;

    private final long presentationStartTicks;
    /** 1-based sample description index per frame, or null when every frame uses description 1. */
    private final int[] descriptionIndex;

    private final List<String> descriptionFourccs;
    private final List<EditEntry> editList;
    private final boolean constantFrameRate;
    private final Rational nominalFrameRate;
    private final int maxSampleBytes;
    private final long totalSampleBytes;
    private final DisplayMatrix displayMatrix;
    private final DisplayMatrix movieDisplayMatrix;

    SampleTable(
            Path file,
            int trackId,
            String fourcc,
            int width,
            int height,
            int depth,
            long timescale,
            long movieTimescale,
            long[] offsets,
            int[] sizes,
            long[] pts,
            long presentationStartTicks,
            int[] descriptionIndex,
            List<String> descriptionFourccs,
            List<EditEntry> editList,
            boolean constantFrameRate,
            Rational nominalFrameRate,
            DisplayMatrix displayMatrix,
            DisplayMatrix movieDisplayMatrix) {
        this.file = file;
        this.trackId = trackId;
        this.fourcc = fourcc;
        this.width = width;
        this.height = height;
        this.depth = depth;
        this.timescale = timescale;
        this.movieTimescale = movieTimescale;
        this.offsets = offsets;
        this.sizes = sizes;
        this.pts = pts;
        this.presentationStartTicks = presentationStartTicks;
        this.descriptionIndex = descriptionIndex;
        this.descriptionFourccs = List.copyOf(descriptionFourccs);
        this.editList = List.copyOf(editList);
        this.constantFrameRate = constantFrameRate;
        this.nominalFrameRate = nominalFrameRate;
        this.displayMatrix = displayMatrix;
        this.movieDisplayMatrix = movieDisplayMatrix;
        int max = 0;
        long total = 0;
        for (int size : sizes) {
            max = Math.max(max, size);
            total += size;
        }
        this.maxSampleBytes = max;
        this.totalSampleBytes = total;
    }

    public Path file() {
        return file;
    }

    /**
     * The track's display matrix ({@code tkhd}); players apply it combined with
     * {@link #movieDisplayMatrix()}, decoders ignore it.
     */
    public DisplayMatrix displayMatrix() {
        return displayMatrix;
    }

    /** The movie's display matrix ({@code mvhd}), applied after the track's. */
    public DisplayMatrix movieDisplayMatrix() {
        return movieDisplayMatrix;
    }

    public int trackId() {
        return trackId;
    }

    /** The HAP fourcc of the sample description frame 0 uses, e.g. {@code HapY}. */
    public String fourcc() {
        return fourcc;
    }

    /** Picture width in pixels as the sample description states it (not rounded to 4). */
    public int width() {
        return width;
    }

    /** Picture height in pixels as the sample description states it (not rounded to 4). */
    public int height() {
        return height;
    }

    /** The sample description's depth field (24, or 32 with alpha, by convention). */
    public int depth() {
        return depth;
    }

    /** Media ticks per second. */
    public long timescale() {
        return timescale;
    }

    /** Movie ticks per second ({@code mvhd}): the unit of {@link EditEntry#segmentDurationMovieTicks()}. */
    public long movieTimescale() {
        return movieTimescale;
    }

    public int frameCount() {
        return sizes.length;
    }

    /** Absolute file offset of the frame's first byte. */
    public long offset(int frame) {
        return offsets[frame];
    }

    /** The frame's size in bytes. */
    public int size(int frame) {
        return sizes[frame];
    }

    /** When the frame is shown, in media ticks, with the edit list's start applied (see the class comment). */
    public long ptsTicks(int frame) {
        return pts[Objects.checkIndex(frame, sizes.length)];
    }

    /** How long the frame is shown, in media ticks. */
    public long durationTicks(int frame) {
        Objects.checkIndex(frame, sizes.length);
        return pts[frame + 1] - pts[frame];
    }

    /** The sum of all frames' durations, in media ticks. */
    public long durationTicks() {
        return pts[sizes.length] - pts[0];
    }

    /** When the last frame stops being shown, in media ticks on the same scale as {@link #ptsTicks(int)}. */
    public long endTicks() {
        return pts[sizes.length];
    }

    /**
     * {@code timescale / delta} when every frame lasts the same (30000/1001 stays exact); for variable rates
     * the delta shared by the most frames (the earliest such delta in the file on a tie); {@link Rational#ZERO}
     * when no frame has a non-zero duration.
     */
    public Rational nominalFrameRate() {
        return nominalFrameRate;
    }

    /** {@code frameCount * timescale / durationTicks}, reduced; {@link Rational#ZERO} for a zero duration. */
    public Rational averageFrameRate() {
        long duration = durationTicks();
        return duration == 0 ? Rational.ZERO : Rational.of(sizes.length * timescale, duration);
    }

    /** True when every frame has the same duration. */
    public boolean constantFrameRate() {
        return constantFrameRate;
    }

    public int maxSampleBytes() {
        return maxSampleBytes;
    }

    public long totalSampleBytes() {
        return totalSampleBytes;
    }

    /**
     * The frame shown at {@code ticks} (media ticks, the scale of {@link #ptsTicks(int)}): the last frame whose
     * time is at or before it. Clamped: 0 before the first frame, the last frame after the end.
     */
    public int frameAt(long ticks) {
        int n = sizes.length;
        if (ticks < pts[0]) {
            return 0;
        }
        // Last index in [0, n) with pts <= ticks; pts is non-decreasing.
        int i = Arrays.binarySearch(pts, 0, n, ticks);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < n && pts[i + 1] == ticks) {
            i++;
        }
        return i;
    }

    /**
     * When the edit list starts showing the media, in media ticks on the scale of {@link #ptsTicks(int)}: the
     * leading empty edits' duration, 0 without them. Frames that end before it are never shown.
     */
    public long presentationStartTicks() {
        return presentationStartTicks;
    }

    /** The first frame shown: {@code frameAt(presentationStartTicks())}. */
    public int firstPresentedFrame() {
        return frameAt(presentationStartTicks);
    }

    public List<EditEntry> editList() {
        return editList;
    }

    /** The 1-based index into {@link #sampleDescriptionFourccs()} of the description the frame uses. */
    public int sampleDescriptionIndex(int frame) {
        Objects.checkIndex(frame, sizes.length);
        return descriptionIndex == null ? 1 : descriptionIndex[frame];
    }

    /** The fourcc of every sample description of the track, in {@code stsd} order. */
    public List<String> sampleDescriptionFourccs() {
        return descriptionFourccs;
    }

    @Override
    public String toString() {
        return "SampleTable[file=" + file + " trackId=" + trackId + " fourcc=" + fourcc + " " + width + "x" + height
                + " frames=" + sizes.length + " timescale=" + timescale + " fps=" + nominalFrameRate + "]";
    }
}
