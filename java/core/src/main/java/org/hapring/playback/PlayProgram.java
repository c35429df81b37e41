package org.hapring.playback;

import java.util.Objects;

/**
 * Where a layer's playhead is at any tick, as a pure function of the layer's last command: the
 * position (in frames) at an anchor tick, a speed in frames per tick (negative = reverse, 0 = still),
 * and an optional loop. Every command makes a new program anchored where the playhead is now, so
 * position is always computed from the anchor and never accumulates rounding.
 *
 * <p>Immutable. Built by the thread that owns the layer (the tick thread); published to the I/O thread
 * through a volatile reference, which schedules reads from the same function, so both agree on which
 * frame is due at which tick.
 */
public final class PlayProgram {
    private final long generation;
    private final int frameCount;
    private final long anchorTick;
    private final double anchorPositionFrames;
    private final double speedFramesPerTick;
    private final LoopRegion loop;
    /** Wrap-arounds already taken before the anchor (counts toward the loop's {@code count}). */
    private final int loopPassesDone;

    private PlayProgram(
            long generation,
            int frameCount,
            long anchorTick,
            double anchorPositionFrames,
            double speedFramesPerTick,
            LoopRegion loop,
            int loopPassesDone) {
        if (frameCount <= 0) {
            throw new IllegalArgumentException("frameCount must be > 0: " + frameCount);
        }
        if (!Double.isFinite(speedFramesPerTick) || !Double.isFinite(anchorPositionFrames)) {
            throw new IllegalArgumentException("speed and position must be finite: speed=" + speedFramesPerTick
                    + " position=" + anchorPositionFrames);
        }
        this.generation = generation;
        this.frameCount = frameCount;
        this.anchorTick = anchorTick;
        this.anchorPositionFrames = anchorPositionFrames;
        this.speedFramesPerTick = speedFramesPerTick;
        this.loop = loop == null ? null : loop.clippedTo(frameCount);
        this.loopPassesDone = loopPassesDone;
    }

    /** A still program at frame 0 (generation 0). */
    public static PlayProgram stopped(int frameCount) {
        return new PlayProgram(0, frameCount, 0, 0, 0, null, 0);
    }

    public long generation() {
        return generation;
    }

    public int frameCount() {
        return frameCount;
    }

    public double speedFramesPerTick() {
        return speedFramesPerTick;
    }

    /** The loop, or {@code null} when the layer does not loop. */
    public LoopRegion loop() {
        return loop;
    }

    public boolean moving() {
        return speedFramesPerTick != 0;
    }

    /** The frame shown at {@code tick} (ticks before the anchor show the anchor's frame). */
    public int frameAt(long tick) {
        return (int) Math.floor(positionAt(tick));
    }

    /** Continuous playhead position (frames) at {@code tick}, loops and clip ends applied. */
    public double positionAt(long tick) {
        return resolvePosition(rawAt(tick));
    }

    // --- commands: each returns a new program anchored at the playhead's position at `tick`

    /** Plays from the current position at {@code speedFramesPerTick} (1 = one frame per tick). */
    public PlayProgram withSpeed(long tick, double speedFramesPerTick) {
        Resolved r = resolve(rawAt(tick));
        return new PlayProgram(generation, frameCount, tick, r.position, speedFramesPerTick, loop, r.passesDone);
    }

    /** Jumps to {@code frame} at {@code tick}: a new generation (pending reads for the old one are stale). */
    public PlayProgram seek(long tick, int frame) {
        Objects.checkIndex(frame, frameCount);
        return new PlayProgram(generation + 1, frameCount, tick, frame, speedFramesPerTick, loop, 0);
    }

    /** Loops over {@code region} from now on ({@code null}: stop looping). Pass counting restarts. */
    public PlayProgram withLoop(long tick, LoopRegion region) {
        Resolved r = resolve(rawAt(tick));
        return new PlayProgram(generation, frameCount, tick, r.position, speedFramesPerTick, region, 0);
    }

    /**
     * The next distinct frames the playhead will show from {@code fromTick} on (the current one first),
     * in play order with the tick each is first due, looking at most {@code maxTicksAhead} ticks ahead.
     * Returns how many were written (at most {@code framesOut.length}). Allocation-free.
     */
    public int upcoming(long fromTick, int[] framesOut, long[] dueTicksOut, int maxTicksAhead) {
        return upcoming(fromTick, framesOut, dueTicksOut, framesOut.length, maxTicksAhead);
    }

    /** {@link #upcoming(long, int[], long[], int)} writing at most {@code maxFrames} frames. */
    public int upcoming(long fromTick, int[] framesOut, long[] dueTicksOut, int maxFrames, int maxTicksAhead) {
        int limit = Math.min(maxFrames, Math.min(framesOut.length, dueTicksOut.length));
        int n = 0;
        int last = Integer.MIN_VALUE;
        long lastTick = moving() ? fromTick + maxTicksAhead : fromTick;
        for (long t = fromTick; t <= lastTick && n < limit; t++) {
            int f = frameAt(t);
            if (f != last && !contains(framesOut, n, f)) {
                framesOut[n] = f;
                dueTicksOut[n] = t;
                n++;
            }
            last = f;
        }
        return n;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    private double rawAt(long tick) {
        return anchorPositionFrames + Math.max(0, tick - anchorTick) * speedFramesPerTick;
    }

    private record Resolved(double position, int passesDone) {}

    /** Applies the loop (wrap-arounds, pass count) and the clip's ends to a raw position. */
    private Resolved resolve(double raw) {
        long taken = wrapsTaken(raw);
        return new Resolved(
                place(raw, taken),
                taken < 0 ? loopPassesDone : (int) Math.min(Integer.MAX_VALUE, loopPassesDone + taken));
    }

    /** The position of {@link #resolve} without its pass count; allocation-free (the tick thread's path). */
    private double resolvePosition(double raw) {
        return place(raw, wrapsTaken(raw));
    }

    /**
     * The wrap-arounds the loop applies to a raw position: -1 when it applies none (no loop, not past its far
     * edge, or started outside it), else how many (bounded by the passes left).
     */
    private long wrapsTaken(double raw) {
        if (loop == null) {
            return -1;
        }
        double a = loop.startFrame();
        double b = loop.endFrameExclusive();
        double len = b - a;
        boolean forward = speedFramesPerTick >= 0;
        boolean startedBefore = forward ? anchorPositionFrames < b : anchorPositionFrames >= a;
        boolean past = forward ? raw >= b : raw < a; // past the loop's far edge in the play direction
        if (!past || !startedBefore) {
            return -1;
        }
        long wraps = forward ? (long) Math.floor((raw - b) / len) + 1 : (long) Math.ceil((a - raw) / len);
        long allowed = loop.forever() ? Long.MAX_VALUE : Math.max(0, loop.count() - 1 - loopPassesDone);
        return Math.min(wraps, allowed);
    }

    /** The position after {@code taken} wrap-arounds ({@link #wrapsTaken}), clamped to the clip. */
    private double place(double raw, long taken) {
        double last = Math.nextDown((double) frameCount);
        if (taken < 0) {
            return clamp(raw, 0, last);
        }
        double a = loop.startFrame();
        double b = loop.endFrameExclusive();
        double len = b - a;
        boolean forward = speedFramesPerTick >= 0;
        long wraps = forward ? (long) Math.floor((raw - b) / len) + 1 : (long) Math.ceil((a - raw) / len);
        double pos = forward ? raw - taken * len : raw + taken * len;
        if (taken == wraps) {
            // still inside the loop: guard the far edge against rounding
            pos = Math.max(a, Math.min(pos, Math.nextDown(b)));
        }
        return clamp(pos, 0, last);
    }

    private static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : (v > hi ? hi : v);
    }

    @Override
    public String toString() {
        return "PlayProgram{gen=" + generation + " anchorTick=" + anchorTick + " position=" + anchorPositionFrames
                + " speed=" + speedFramesPerTick + " loop=" + loop + " passesDone=" + loopPassesDone + "}";
    }
}
