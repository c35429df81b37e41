package org.hapring.prebuffer;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The decode queue hands each slot to exactly one worker, in order.
 *
 * <p>Nested tests; actors as named.
 */
public final class DecodeQueueStress {
    private DecodeQueueStress() {}

    private static int id(FrameSlot s, FrameSlot a, FrameSlot b) {
        return s == null ? 0 : s == a ? 1 : s == b ? 2 : 9;
    }

    /** Two workers poll a queue holding A and B: each takes a different one (the consumers' CAS). */
    @JCStressTest
    @Outcome(
            id = {"1, 2", "2, 1"},
            expect = ACCEPTABLE,
            desc = "one each")
    @Outcome(expect = FORBIDDEN, desc = "a slot taken twice or lost")
    @State
    public static class TwoWorkers {
        private final DecodeQueue queue = new DecodeQueue(4);
        private final FrameSlot a = StressSlots.slot();
        private final FrameSlot b = StressSlots.slot();

        public TwoWorkers() {
            queue.offer(a);
            queue.offer(b);
        }

        @Actor
        public void worker1(II_Result r) {
            r.r1 = id(queue.poll(), a, b);
        }

        @Actor
        public void worker2(II_Result r) {
            r.r2 = id(queue.poll(), a, b);
        }
    }

    /** The I/O thread offers A then B while a worker polls once; what is left is polled after: FIFO, nothing lost. */
    @JCStressTest
    @Outcome(
            id = {"0, 1, 2", "1, 2, 0"},
            expect = ACCEPTABLE,
            desc = "in order, each once")
    @Outcome(expect = FORBIDDEN, desc = "out of order, duplicated or lost")
    @State
    public static class OfferWhilePolling {
        private final DecodeQueue queue = new DecodeQueue(4);
        private final FrameSlot a = StressSlots.slot();
        private final FrameSlot b = StressSlots.slot();

        @Actor
        public void io() {
            queue.offer(a);
            queue.offer(b);
        }

        @Actor
        public void worker(III_Result r) {
            r.r1 = id(queue.poll(), a, b);
        }

        @Arbiter
        public void rest(III_Result r) {
            r.r2 = id(queue.poll(), a, b);
            r.r3 = id(queue.poll(), a, b);
        }
    }
}
