package org.hapring.playback;

import org.hapring.prebuffer.FrameSchedule;

/**
 * What one layer shows and what it reads ahead, as one immutable value published through a volatile
 * reference: the {@link PlayProgram} that says which frame is due at each tick and, while paused, the program
 * it would follow when resumed (anchored at the pause), so that a paused layer keeps its next frames
 * buffered. Every command (play, pause, speed, loop, seek) makes a new one at the tick it takes effect.
 *
 * <p>Immutable; built by the tick thread, read by the tick and I/O threads.
 */
public final class LayerSchedule implements FrameSchedule {
    private final PlayProgram program;
    private final boolean paused;
    private final double resumeFramesPerTick;
    private final long pauseTick;
    private final PlayProgram resume;

    private LayerSchedule(PlayProgram program, boolean paused, double resumeFramesPerTick, long pauseTick) {
        this.program = program;
        this.paused = paused;
        this.resumeFramesPerTick = resumeFramesPerTick;
        this.pauseTick = pauseTick;
        this.resume = paused ? program.withSpeed(pauseTick, resumeFramesPerTick) : program;
    }

    /** Paused at {@code frame} from {@code tick}, resuming at {@code framesPerTick}, looping over {@code loop} (may be null). */
    public static LayerSchedule pausedAt(int frameCount, int frame, long tick, double framesPerTick, LoopRegion loop) {
        PlayProgram p = PlayProgram.stopped(frameCount);
        if (frame != 0) {
            p = p.seek(tick, frame);
        }
        p = p.withLoop(tick, loop);
        return new LayerSchedule(p.withSpeed(tick, 0), true, framesPerTick, tick);
    }

    public PlayProgram program() {
        return program;
    }

    public boolean paused() {
        return paused;
    }

    /** The speed when playing (frames per tick; negative = reverse). */
    public double framesPerTick() {
        return paused ? resumeFramesPerTick : program.speedFramesPerTick();
    }

    /** The frame due at {@code tick}. */
    public int frameAt(long tick) {
        return program.frameAt(tick);
    }

    // ---- commands, each taking effect at `tick`

    public LayerSchedule play(long tick) {
        return paused
                ? new LayerSchedule(program.withSpeed(tick, resumeFramesPerTick), false, resumeFramesPerTick, tick)
                : this;
    }

    public LayerSchedule pause(long tick) {
        return paused ? this : new LayerSchedule(program.withSpeed(tick, 0), true, program.speedFramesPerTick(), tick);
    }

    public LayerSchedule speed(long tick, double framesPerTick) {
        return paused
                ? new LayerSchedule(program, true, framesPerTick, pauseTick)
                : new LayerSchedule(program.withSpeed(tick, framesPerTick), false, framesPerTick, tick);
    }

    public LayerSchedule seek(long tick, int frame) {
        return new LayerSchedule(program.seek(tick, frame), paused, resumeFramesPerTick, tick);
    }

    public LayerSchedule loop(long tick, LoopRegion region) {
        return new LayerSchedule(program.withLoop(tick, region), paused, resumeFramesPerTick, tick);
    }

    // ---- FrameSchedule (the I/O thread)

    @Override
    public int upcoming(long fromTick, int[] framesOut, long[] dueTicksOut, int maxFrames, int maxTicksAhead) {
        if (paused) {
            // the frame on screen first, then what follows it once resumed
            return resume.upcoming(pauseTick, framesOut, dueTicksOut, maxFrames, maxTicksAhead);
        }
        return program.upcoming(fromTick, framesOut, dueTicksOut, maxFrames, maxTicksAhead);
    }

    @Override
    public long generation() {
        return program.generation();
    }

    @Override
    public int direction() {
        return framesPerTick() < 0 ? -1 : 1;
    }

    @Override
    public String toString() {
        return "LayerSchedule{" + (paused ? "paused resume=" + resumeFramesPerTick + " " : "") + program + "}";
    }
}
