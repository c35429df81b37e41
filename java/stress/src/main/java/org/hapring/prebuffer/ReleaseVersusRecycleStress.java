package org.hapring.prebuffer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Release from another thread: a sink holds frame 7 (say until its GPU upload is done) and releases it from
 * its own thread while the I/O thread tries to recycle the slot. The slot is recycled only after the release:
 * never while held (the release would then find no hold and throw).
 *
 * <p>Actors: the sink's uploader thread and the I/O thread; the arbiter reads the final state.
 */
@JCStressTest
@Outcome(id = "1, 1, -1", expect = ACCEPTABLE, desc = "released, then recycled: FREE")
@Outcome(id = "1, 0, 0", expect = ACCEPTABLE, desc = "recycling came before the release: READY, unheld")
@Outcome(expect = FORBIDDEN, desc = "recycled while held")
@State
public class ReleaseVersusRecycleStress {
    private final FrameSlot slot = StressSlots.slot();

    public ReleaseVersusRecycleStress() {
        StressSlots.fill(slot, 7);
        slot.tryHold(7);
    }

    @Actor
    public void sink(III_Result r) {
        try {
            slot.release();
            r.r1 = 1;
        } catch (IllegalStateException e) {
            r.r1 = 0;
        }
    }

    @Actor
    public void io(III_Result r) {
        r.r2 = slot.tryFree() ? 1 : 0;
    }

    @Arbiter
    public void state(III_Result r) {
        r.r3 = slot.state();
    }
}
