package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the pre-buffer reads ahead: the lookahead of a paused layer, reverse play and loop wrap-around. */
class LayerScheduleTest {
    private static int[] upcoming(LayerSchedule s, long tick, int frames) {
        int[] out = new int[frames];
        long[] due = new long[frames];
        int n = s.upcoming(tick, out, due, frames, 600);
        return Arrays.copyOf(out, n);
    }

    @Test
    void aPausedLayerKeepsItsNextFramesBufferedWhateverTheTick() {
        LayerSchedule s = LayerSchedule.pausedAt(100, 10, 0, 1.0, null);
        assertArrayEquals(new int[] {10, 11, 12, 13}, upcoming(s, 0, 4));
        assertArrayEquals(new int[] {10, 11, 12, 13}, upcoming(s, 500, 4));
        assertEquals(10, s.frameAt(500));
        LayerSchedule reversed = s.speed(20, -1.0);
        assertArrayEquals(new int[] {10, 9, 8}, upcoming(reversed, 40, 3));
        assertEquals(-1, reversed.direction());
    }

    @Test
    void afterTheLoopEndComeTheLoopStartsFrames() {
        LayerSchedule s = LayerSchedule.pausedAt(100, 0, 0, 1.0, new LoopRegion(20, 25, LoopRegion.FOREVER))
                .seek(0, 23)
                .play(0);
        assertArrayEquals(new int[] {23, 24, 20, 21, 22}, upcoming(s, 0, 5));
        LayerSchedule back = s.speed(0, -1.0);
        assertArrayEquals(new int[] {23, 22, 21, 20, 24}, upcoming(back, 0, 5));
    }

    @Test
    void aSeekBumpsTheGenerationAndOtherCommandsDoNot() {
        LayerSchedule s = LayerSchedule.pausedAt(100, 0, 0, 1.0, null);
        long g = s.generation();
        assertEquals(g, s.play(5).speed(6, 2.0).pause(7).generation());
        assertEquals(g + 1, s.seek(3, 50).generation());
    }
}
