package org.hapring.prebuffer;

/**
 * Which frames a layer needs next, in play order: what the pre-buffer reads ahead. The playback layer
 * implements it from its play program (position, speed, direction, loop); the pre-buffer never imports
 * playback. Implementations are immutable and published through a volatile reference, so the tick thread and
 * the I/O thread compute from the same schedule.
 *
 * <p>Immutable; any thread.
 */
public interface FrameSchedule {
    /**
     * The next distinct frames from {@code fromTick} on (the one due at {@code fromTick} first), with the tick
     * each is first due, at most {@code maxFrames} of them and at most {@code maxTicksAhead} ticks ahead.
     * Returns how many were written. Allocation-free.
     */
    int upcoming(long fromTick, int[] framesOut, long[] dueTicksOut, int maxFrames, int maxTicksAhead);

    /** Bumped by every seek or jump: reads issued for an older generation are stale. */
    long generation();

    /** +1 when the frames run forward (or would when resumed), -1 backward: where a seek's neighbours lie. */
    int direction();
}
