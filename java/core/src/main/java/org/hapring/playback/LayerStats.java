package org.hapring.playback;

import org.hapring.prebuffer.LatencySummary;

/**
 * One layer's counters and latencies at the moment of a {@link Player#snapshot()}.
 *
 * @param layerId the player's id of the layer
 * @param file the movie
 * @param ticks ticks the layer was on the clock
 * @param shown ticks at which the due frame was on screen
 * @param dropped ticks at which it was not (the previous frame stayed up: a miss not recovered, a late clock,
 *     or the layer's error)
 * @param wrong frames a verifying sink found to differ from the due frame (0 without one)
 * @param hits acquires that found the due frame ready
 * @param misses acquires that did not (the miss policy then ran)
 * @param acquire time the tick thread spent getting the due frame, per acquire
 * @param seekToReady from a seek command to its first frame being ready (0 when it was already buffered)
 * @param read read latency, submit to completion
 * @param decode decode latency, hand-off to a worker to ready
 * @param reads reads issued
 * @param bytesRead bytes delivered by completed reads
 * @param staleDropped completions dropped because a seek had made them useless
 * @param lookaheadFrames the lookahead the buffering policy chose last
 * @param slots the ring's slots
 * @param offHeapBytes native memory of the ring
 * @param error the layer's error (it holds its last good frame), or null
 *
 * <p>Immutable; any thread.
 */
public record LayerStats(
        int layerId,
        String file,
        long ticks,
        long shown,
        long dropped,
        long wrong,
        long hits,
        long misses,
        LatencySummary acquire,
        LatencySummary seekToReady,
        LatencySummary read,
        LatencySummary decode,
        long reads,
        long bytesRead,
        long staleDropped,
        int lookaheadFrames,
        int slots,
        long offHeapBytes,
        String error) {}
