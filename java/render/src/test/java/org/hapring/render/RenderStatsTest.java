package org.hapring.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Dropped frames as refresh intervals with no new frame presented, counted from present times; uploads per
 * layer; the graph's ring of frame intervals.
 */
class RenderStatsTest {
    private static final long REFRESH = 16_666_667L;

    @Test
    void aPresentNIntervalsAfterThePreviousOneDropsNMinusOne() {
        RenderStats s = new RenderStats();
        long t = 1_000_000_000L;
        s.presented(t, REFRESH, 100_000);
        s.presented(t += REFRESH, REFRESH, 100_000);
        s.presented(t += REFRESH + 3_000_000, REFRESH, 100_000);
        assertEquals(0, s.droppedIntervals(), "on time, and 3 ms late within the interval, drop nothing");
        s.presented(t += 3 * REFRESH, REFRESH, 100_000);
        assertEquals(2, s.droppedIntervals(), "three intervals later: two were missed");
        s.presented(t += 2 * REFRESH - 7_000_000, REFRESH, 100_000);
        assertEquals(3, s.droppedIntervals(), "1.58 intervals round to 2: one more missed");
        s.restartIntervals();
        s.presented(t + 50 * REFRESH, REFRESH, 100_000);
        assertEquals(3, s.droppedIntervals(), "after a restart (pre-roll) the gap is not a drop");
        s.presented(t + 60 * REFRESH, 0, 100_000);
        assertEquals(3, s.droppedIntervals(), "no refresh interval known: no drop accounting");
        RenderReport r = s.snapshot("out", "drv", "direct", 0);
        assertEquals(7, r.presented());
        assertEquals(3, r.droppedIntervals());
        assertEquals(2, r.latePresents());
        assertEquals(7, r.present().count());
    }

    @Test
    void uploadsAreCountedPerLayer() {
        RenderStats s = new RenderStats();
        s.upload(0, 200_000, 2_073_600);
        s.upload(0, 300_000, 2_073_600);
        s.upload(9, 50_000, 1_036_800);
        RenderReport r = s.snapshot("out", "drv", "pbo", 3);
        assertEquals(2, r.layers().size());
        assertEquals(0, r.layers().get(0).layerId());
        assertEquals(2, r.layers().get(0).uploads());
        assertEquals(4_147_200, r.layers().get(0).bytes());
        assertEquals(9, r.layers().get(1).layerId());
        assertEquals(1, r.layers().get(1).upload().count());
        assertEquals(3, r.ringBusyFallbacks());
    }

    @Test
    void theGraphKeepsTheLastIntervalsOldestFirst() {
        RenderStats s = new RenderStats();
        long t = 0;
        s.presented(t += 1_000_000, REFRESH, 0);
        for (int i = 1; i <= RenderStats.GRAPH_FRAMES + 5; i++) {
            s.presented(t += i * 1_000_000L, REFRESH, 0);
        }
        float[] ms = new float[RenderStats.GRAPH_FRAMES];
        s.frameMillis(ms);
        assertEquals(6f, ms[0], 1e-3f, "the first five intervals fell out");
        assertEquals(RenderStats.GRAPH_FRAMES + 5f, ms[RenderStats.GRAPH_FRAMES - 1], 1e-3f);
    }
}
