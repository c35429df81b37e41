package org.hapring.prebuffer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;

/**
 * Fixtures for the jcstress tests: a slot with heap-backed texture planes (no native memory per test state)
 * and the writer's steps as the I/O thread and a decode worker perform them.
 *
 * <p>Each fixture is used by the actors of one jcstress state.
 */
final class StressSlots {
    private StressSlots() {}

    static FrameSlot slot() {
        TextureFrame texture =
                TextureFrame.wrap(MemorySegment.ofArray(new long[1]), MemorySegment.ofArray(new long[1]));
        return new FrameSlot(null, 0, null, texture);
    }

    /** The I/O thread claims the slot for {@code frame}; a decode worker writes the texture and publishes it. */
    static void fill(FrameSlot slot, int frame) {
        slot.claim(frame, 1, 0);
        TextureFrame t = slot.decoded;
        t.reset(4, 4);
        t.storage(0).set(ValueLayout.JAVA_LONG, 0, frame);
        t.setPlane(0, TextureFormat.DXT1, 8);
        slot.publishDecoded(1);
    }

    /** What a holder reads from the texture. */
    static int content(FrameSlot slot) {
        return (int) slot.texture().plane(0).get(ValueLayout.JAVA_LONG, 0);
    }
}
