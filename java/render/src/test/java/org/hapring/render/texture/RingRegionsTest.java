package org.hapring.render.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The upload ring's bookkeeping with fences the test controls: regions are handed out in order, wrap at the
 * end, are never handed out while a fence over them is unsignalled (BUSY instead, without waiting), and come
 * back once their fences signal.
 */
class RingRegionsTest {
    /** Fences numbered from 1; signalled when the test says so. */
    private static final class FakeFences implements RingRegions.Fences {
        long next = 1;
        final Set<Long> signalled = new HashSet<>();
        final Set<Long> deleted = new HashSet<>();
        int polls;

        @Override
        public long place() {
            return next++;
        }

        @Override
        public boolean signalled(long fence) {
            polls++;
            return signalled.contains(fence);
        }

        @Override
        public boolean await(long fence, long timeoutNanos) {
            return signalled.contains(fence);
        }

        @Override
        public void delete(long fence) {
            assertTrue(deleted.add(fence), "fence " + fence + " deleted twice");
        }
    }

    @Test
    void regionsGoInOrderAlignedAndWrapAtTheEnd() {
        FakeFences f = new FakeFences();
        RingRegions ring = new RingRegions(3000, f);
        assertEquals(768, ring.maxRegionBytes(), "a third of 3000, down to 256");
        assertEquals(0, ring.reserve(700));
        ring.fence();
        assertEquals(768, ring.reserve(1), "the next region starts on the 256-byte boundary after 700");
        ring.fence();
        assertEquals(1024, ring.reserve(768));
        ring.fence();
        assertEquals(1792, ring.reserve(768));
        ring.fence();
        // 2560 + 768 > 3000: wraps to 0, which the first (unsignalled) region still holds
        assertEquals(RingRegions.BUSY, ring.reserve(768));
        f.signalled.add(1L);
        assertEquals(0, ring.reserve(768), "after fence 1 signals, the region at 0 is free again");
        ring.fence();
        assertTrue(f.deleted.contains(1L));
        assertEquals(4, ring.inFlight());
    }

    @Test
    void busyNeverWaitsAndRetiresOnlyWhatOverlaps() {
        FakeFences f = new FakeFences();
        RingRegions ring = new RingRegions(3 * 1024, f);
        for (int i = 0; i < 3; i++) {
            assertEquals(i * 1024L, ring.reserve(1024));
            ring.fence();
        }
        int polls = f.polls;
        assertEquals(RingRegions.BUSY, ring.reserve(1024));
        assertEquals(polls + 1, f.polls, "one poll of the oldest fence, no waiting");
        f.signalled.add(1L);
        f.signalled.add(2L);
        assertEquals(0, ring.reserve(1024));
        ring.fence();
        assertEquals(3, ring.inFlight(), "only fence 1 was retired: region 2 does not overlap [0, 1024)");
        assertTrue(f.deleted.contains(1L));
        assertEquals(1024, ring.reserve(1024), "fence 2 had signalled: retired when its region is needed");
    }

    @Test
    void drainWaitsForEveryFenceAndFailsOnOneThatNeverSignals() {
        FakeFences f = new FakeFences();
        RingRegions ring = new RingRegions(3 * 1024, f);
        ring.reserve(10);
        ring.fence();
        ring.reserve(10);
        ring.fence();
        f.signalled.add(1L);
        assertThrows(IllegalStateException.class, () -> ring.drain(1000));
        f.signalled.add(2L);
        ring.drain(1000);
        assertEquals(0, ring.inFlight());
        assertEquals(Set.of(1L, 2L), f.deleted);
    }

    @Test
    void misuseIsRejected() {
        RingRegions ring = new RingRegions(3 * 1024, new FakeFences());
        assertThrows(IllegalArgumentException.class, () -> ring.reserve(1025), "more than a third");
        assertThrows(IllegalArgumentException.class, () -> ring.reserve(0));
        assertThrows(IllegalStateException.class, ring::fence, "fence without a region");
        ring.reserve(1);
        assertThrows(IllegalStateException.class, () -> ring.reserve(1), "two regions without a fence");
        assertThrows(IllegalArgumentException.class, () -> new RingRegions(100, new FakeFences()));
    }

    @Test
    void aFullTableOfFencesIsBusyUntilTheOldestSignals() {
        FakeFences f = new FakeFences();
        RingRegions ring = new RingRegions(RingRegions.MAX_IN_FLIGHT * 3L * 256, f);
        for (int i = 0; i < RingRegions.MAX_IN_FLIGHT; i++) {
            assertTrue(ring.reserve(1) >= 0);
            ring.fence();
        }
        assertEquals(RingRegions.BUSY, ring.reserve(1));
        f.signalled.add(1L);
        assertEquals(RingRegions.MAX_IN_FLIGHT * 256L, ring.reserve(1));
    }
}
