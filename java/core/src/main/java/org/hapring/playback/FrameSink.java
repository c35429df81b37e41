package org.hapring.playback;

import org.hapring.prebuffer.ReadyFrame;

/**
 * Where the player delivers frames: once per layer per tick, on the tick thread, then {@link #tickDone} once
 * per tick. A GPU sink uploads the texture in {@link #show}; when the upload outlives the call (a PBO, a fence)
 * it calls {@link ReadyFrame#retain()} in {@code show} and {@link ReadyFrame#release()} (from any thread)
 * when the upload is done; until then the frame's slot is not reused. Headless sinks: {@link NullFrameSink},
 * {@link VerifyFrameSink}.
 *
 * <p>Called by the tick thread only; must not block for long (it delays every layer) and should not allocate.
 */
public interface FrameSink {
    /**
     * Layer {@code layerId} shows {@code frame} at {@code tick}. {@code dueFrame} is the frame the playhead is
     * at; {@code frame.frameIndex() == dueFrame} unless the due frame was not ready (a dropped tick: the last
     * frame stays up). {@code frame} is null before the layer's first frame is ready.
     */
    void show(int layerId, long tick, int dueFrame, ReadyFrame frame);

    /** Every layer has been shown for {@code tick} (compose and present here). */
    default void tickDone(long tick) {}

    /** A layer was closed: forget what is kept about it (called on the tick thread). */
    default void layerClosed(int layerId) {}
}
