package org.hapring.mov;

/**
 * What the movie says about one of its tracks ({@code trak}), video or not.
 *
 * @param trackId the {@code tkhd} track id
 * @param handlerType the media handler ({@code hdlr}) type: {@code vide}, {@code soun}, {@code tmcd}, ...
 * @param fourcc the format of its first sample description ({@code stsd}), e.g. {@code Hap1} or
 *     {@code sowt}; empty when the track has no sample table
 * @param timescale ticks per second of its media ({@code mdhd})
 * @param durationTicks the media duration in {@link #timescale()} ticks as {@code mdhd} states it, -1 when it
 *     says "unknown" (all bits set)
 * @param sampleCount the number of samples ({@code stsz}); saturated at {@link Integer#MAX_VALUE} for
 *     tracks that hold more (long PCM audio tracks count one sample per audio frame)
 * @param displayMatrix the {@code tkhd} matrix (identity when the box is too short to hold one)
 *
 * <p>Immutable; any thread.
 */
public record Track(
        int trackId,
        String handlerType,
        String fourcc,
        long timescale,
        long durationTicks,
        int sampleCount,
        DisplayMatrix displayMatrix) {

    /** A track with the identity display matrix. */
    public Track(int trackId, String handlerType, String fourcc, long timescale, long durationTicks, int sampleCount) {
        this(trackId, handlerType, fourcc, timescale, durationTicks, sampleCount, DisplayMatrix.IDENTITY);
    }

    public boolean isVideo() {
        return "vide".equals(handlerType);
    }
}
