package org.hapring.prebuffer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Publication: a writer fills a slot (frame number, texture bytes) and publishes it with a release store while
 * the tick thread tries to hold that frame. The tick thread either does not get it, or gets it with every byte
 * written: never a held slot with stale bytes or a stale frame number.
 *
 * <p>Actors: the writer (I/O thread + decode worker) and the tick thread.
 */
@JCStressTest
@Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "not published yet: no frame")
@Outcome(id = "7, 7", expect = ACCEPTABLE, desc = "published: the frame with its bytes")
@Outcome(expect = FORBIDDEN, desc = "a half-written slot was held")
@State
public class SlotPublicationStress {
    private final FrameSlot slot = StressSlots.slot();

    @Actor
    public void writer() {
        StressSlots.fill(slot, 7);
    }

    @Actor
    public void tick(II_Result r) {
        if (slot.tryHold(7)) {
            r.r1 = slot.frameIndex();
            r.r2 = StressSlots.content(slot);
        } else {
            r.r1 = -1;
            r.r2 = -1;
        }
    }
}
