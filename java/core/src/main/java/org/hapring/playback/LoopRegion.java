package org.hapring.playback;

/**
 * A loop over frames {@code [startFrame, endFrameExclusive)} that plays {@code count} times in all
 * ({@code count == 0}: forever). After the last pass the playhead runs on past the region and holds at
 * the clip's end (or start, in reverse).
 *
 * <p>Immutable; any thread.
 */
public record LoopRegion(int startFrame, int endFrameExclusive, int count) {
    public static final int FOREVER = 0;

    public LoopRegion {
        if (startFrame < 0 || endFrameExclusive <= startFrame) {
            throw new IllegalArgumentException(
                    "loop region must satisfy 0 <= start < end: start=" + startFrame + " end=" + endFrameExclusive);
        }
        if (count < 0) {
            throw new IllegalArgumentException("loop count must be >= 0 (0 = forever): " + count);
        }
    }

    /** The whole clip, forever. */
    public static LoopRegion whole(int frameCount) {
        return new LoopRegion(0, frameCount, FOREVER);
    }

    public int lengthFrames() {
        return endFrameExclusive - startFrame;
    }

    public boolean forever() {
        return count == FOREVER;
    }

    /** The same region clipped to a clip of {@code frameCount} frames. */
    LoopRegion clippedTo(int frameCount) {
        int end = Math.min(endFrameExclusive, frameCount);
        int start = Math.min(startFrame, end - 1);
        return new LoopRegion(Math.max(0, start), Math.max(1, end), count);
    }
}
