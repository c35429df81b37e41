package org.hapring.playback;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hapring.prebuffer.ReadyFrame;

/**
 * Records, per layer, the frame number shown at every tick (-1 for none) and the due frame, for tests of the
 * scheduling logic.
 *
 * <p>Called by the tick thread; read by the test thread after the ticks (same thread in manual tests).
 */
final class RecordingSink implements FrameSink {
    record Shown(int layerId, long tick, int due, int frame) {}

    final List<Shown> shown = new ArrayList<>();
    /** The texture memory of the last frame shown per layer id (to check that a closed layer's memory is freed). */
    final Map<Integer, MemorySegment> lastPlane = new HashMap<>();

    @Override
    public void show(int layerId, long tick, int dueFrame, ReadyFrame frame) {
        shown.add(new Shown(layerId, tick, dueFrame, frame == null ? -1 : frame.frameIndex()));
        if (frame != null) {
            lastPlane.put(layerId, frame.texture().plane(0));
        }
    }

    /** The frames layer {@code layerId} showed, tick by tick. */
    List<Integer> frames(int layerId) {
        return shown.stream()
                .filter(s -> s.layerId() == layerId)
                .map(Shown::frame)
                .toList();
    }

    List<Integer> dues(int layerId) {
        return shown.stream()
                .filter(s -> s.layerId() == layerId)
                .map(Shown::due)
                .toList();
    }
}
