package org.hapring.prebuffer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Recycling against holding: frame 7 is READY; the I/O thread tries to recycle the slot and refill it with
 * frame 8 while the tick thread tries to hold frame 7. Exactly one wins: a slot the tick thread holds is never
 * overwritten, and the tick thread never holds a slot that now carries frame 8 (the ABA case: the hold is
 * re-checked after the CAS).
 *
 * <p>Actors: the I/O thread and the tick thread.
 */
@JCStressTest
@Outcome(id = "1, -1", expect = ACCEPTABLE, desc = "recycled first: the tick thread misses frame 7")
@Outcome(id = "0, 7", expect = ACCEPTABLE, desc = "held first: the I/O thread leaves the slot alone")
@Outcome(expect = FORBIDDEN, desc = "a held slot was overwritten, or frame 8 was taken for 7")
@State
public class RecycleVersusHoldStress {
    private final FrameSlot slot = StressSlots.slot();

    public RecycleVersusHoldStress() {
        StressSlots.fill(slot, 7);
    }

    @Actor
    public void io(II_Result r) {
        if (slot.tryFree()) {
            StressSlots.fill(slot, 8);
            r.r1 = 1;
        } else {
            r.r1 = 0;
        }
    }

    @Actor
    public void tick(II_Result r) {
        if (slot.tryHold(7)) {
            // read twice: the bytes must stay those of frame 7 while held
            int first = StressSlots.content(slot);
            int again = StressSlots.content(slot);
            r.r2 = first == again && slot.frameIndex() == 7 ? first : -2;
        } else {
            r.r2 = -1;
        }
    }
}
