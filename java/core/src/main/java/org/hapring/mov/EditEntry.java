package org.hapring.mov;

/**
 * One entry of a track's edit list ({@code elst}).
 *
 * @param segmentDurationMovieTicks how long this edit lasts on the movie timeline, in the movie
 *     timescale ({@link SampleTable#movieTimescale()})
 * @param mediaTimeTicks where in the media this edit starts, in the media timescale; {@code -1} for an
 *     empty edit (nothing is shown for its duration)
 * @param mediaRateFixed16 playback rate as 16.16 fixed point ({@code 0x10000} = normal speed, 0 = dwell)
 *
 * <p>Immutable; any thread.
 */
public record EditEntry(long segmentDurationMovieTicks, long mediaTimeTicks, int mediaRateFixed16) {

    /** The value of {@link #mediaRateFixed16()} for normal speed. */
    public static final int NORMAL_RATE_FIXED16 = 0x10000;

    /** True for an empty edit (media time -1): a gap before (or between) the media. */
    public boolean emptyEdit() {
        return mediaTimeTicks == -1;
    }
}
