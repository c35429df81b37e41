package org.hapring.prebuffer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

/**
 * Seek hints: a hint for generation 1 is pending; the I/O thread, having seen the schedule move on, clears it
 * while a control thread posts a new seek (frame 5, generation 2). The new hint is never lost: clearing only
 * removes the hint it saw.
 *
 * <p>Actors: a control thread and the I/O thread; the arbiter reads what is left.
 */
@JCStressTest
@Outcome(id = "21474836482", expect = ACCEPTABLE, desc = "the new hint (frame 5, generation 2) survives")
@Outcome(expect = FORBIDDEN, desc = "the new hint was cleared or the old one came back")
@State
public class SeekHintStress {
    private final PrefetchLayer layer = new PrefetchLayer(0, null, null, null, null);
    private final long old;

    public SeekHintStress() {
        layer.hintSeek(3, 1);
        old = layer.hint();
    }

    @Actor
    public void control() {
        layer.hintSeek(5, 2);
    }

    @Actor
    public void io() {
        layer.clearHint(old);
    }

    @Arbiter
    public void left(J_Result r) {
        r.r1 = layer.hint();
    }
}
