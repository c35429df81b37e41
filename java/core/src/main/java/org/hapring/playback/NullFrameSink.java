package org.hapring.playback;

import org.hapring.prebuffer.ReadyFrame;

/**
 * Shows nothing (benchmarks of the engine, {@code --output none} without {@code --verify}).
 *
 * <p>Stateless; called by the tick thread.
 */
public final class NullFrameSink implements FrameSink {
    @Override
    public void show(int layerId, long tick, int dueFrame, ReadyFrame frame) {}
}
