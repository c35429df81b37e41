package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlayProgramTest {

    private static int[] frames(PlayProgram p, long fromTick, int ticks) {
        int[] out = new int[ticks];
        for (int i = 0; i < ticks; i++) {
            out[i] = p.frameAt(fromTick + i);
        }
        return out;
    }

    @Test
    void forwardHoldsTheLastFrameWithoutLoop() {
        PlayProgram p = PlayProgram.stopped(5).withSpeed(10, 1.0);
        assertArrayEquals(new int[] {0, 0, 1, 2, 3, 4, 4, 4}, frames(p, 9, 8));
    }

    @Test
    void stillShowsOneFrame() {
        PlayProgram p = PlayProgram.stopped(5).seek(0, 3);
        assertArrayEquals(new int[] {3, 3, 3}, frames(p, 0, 3));
    }

    @Test
    void reverseHoldsTheFirstFrame() {
        PlayProgram p = PlayProgram.stopped(10).seek(0, 3).withSpeed(0, -1.0);
        assertArrayEquals(new int[] {3, 2, 1, 0, 0, 0}, frames(p, 0, 6));
    }

    @Test
    void halfSpeedShowsEachFrameTwice() {
        PlayProgram p = PlayProgram.stopped(10).withSpeed(0, 0.5);
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, frames(p, 0, 6));
    }

    @Test
    void wholeLoopWrapsForeverBothWays() {
        PlayProgram fwd =
                PlayProgram.stopped(4).withLoop(0, LoopRegion.whole(4)).withSpeed(0, 1.0);
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 0}, frames(fwd, 0, 9));
        assertEquals(3, fwd.frameAt(1_000_000_003L));
        PlayProgram rev = PlayProgram.stopped(4)
                .withLoop(0, LoopRegion.whole(4))
                .seek(0, 1)
                .withSpeed(0, -1.0);
        assertArrayEquals(new int[] {1, 0, 3, 2, 1, 0, 3}, frames(rev, 0, 7));
    }

    @Test
    void regionLoopWithCountThenRunsOnAndHolds() {
        // region [2,4) played 2 times in all, then on to the end (frame 5) and hold
        PlayProgram p =
                PlayProgram.stopped(6).withLoop(0, new LoopRegion(2, 4, 2)).withSpeed(0, 1.0);
        assertArrayEquals(new int[] {0, 1, 2, 3, 2, 3, 4, 5, 5}, frames(p, 0, 9));
    }

    @Test
    void speedChangeMidLoopKeepsPassCount() {
        PlayProgram p =
                PlayProgram.stopped(6).withLoop(0, new LoopRegion(2, 4, 2)).withSpeed(0, 1.0);
        // at tick 4 we are at frame 2 in the second pass; halving the speed must not grant more passes
        PlayProgram slower = p.withSpeed(4, 0.5);
        assertArrayEquals(new int[] {2, 2, 3, 3, 4, 4, 5, 5}, frames(slower, 4, 8));
    }

    @Test
    void seekBumpsTheGeneration() {
        PlayProgram p = PlayProgram.stopped(100).withSpeed(0, 1.0);
        PlayProgram s = p.seek(50, 10);
        assertEquals(p.generation() + 1, s.generation());
        assertArrayEquals(new int[] {10, 11, 12}, frames(s, 50, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> p.seek(0, 100));
    }

    @Test
    void upcomingListsDistinctFramesWithTheirDueTicks() {
        PlayProgram p = PlayProgram.stopped(100).withSpeed(0, 0.5);
        int[] f = new int[4];
        long[] due = new long[4];
        assertEquals(4, p.upcoming(3, f, due, 100));
        assertArrayEquals(new int[] {1, 2, 3, 4}, f);
        assertArrayEquals(new long[] {3, 4, 6, 8}, due);
    }

    @Test
    void upcomingOnAShortLoopStopsAtItsLength() {
        PlayProgram p = PlayProgram.stopped(100)
                .withLoop(0, new LoopRegion(10, 13, 0))
                .seek(0, 11)
                .withSpeed(0, 1.0);
        int[] f = new int[8];
        long[] due = new long[8];
        int n = p.upcoming(0, f, due, 600);
        assertEquals(3, n);
        assertArrayEquals(new int[] {11, 12, 10}, Arrays.copyOf(f, n));
    }

    @Test
    void upcomingWhenStillIsJustTheCurrentFrame() {
        PlayProgram p = PlayProgram.stopped(100).seek(0, 42);
        int[] f = new int[5];
        long[] due = new long[5];
        assertEquals(1, p.upcoming(7, f, due, 600));
        assertEquals(42, f[0]);
        assertEquals(7, due[0]);
    }

    @Test
    void fastForwardSkipsFrames() {
        PlayProgram p = PlayProgram.stopped(100).withSpeed(0, 2.5);
        assertArrayEquals(new int[] {0, 2, 5, 7, 10}, frames(p, 0, 5));
    }
}
