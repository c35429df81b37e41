package org.hapring.prebuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Slot counts under the memory cap and the lookahead's response to read latency. */
class BufferingPolicyTest {
    private static final long TICK_60_NANOS = 16_666_666;
    private final BufferingPolicy policy = new BufferingPolicy(5, 8, 1, 200_000_000L);

    @Test
    void aLayerGetsItsMaximumWhileTheCapHasRoomAndItsMinimumAtLeast() throws Exception {
        assertEquals(8 + 2, policy.slotsForLayer(Path.of("a.mov"), 2_080_768, 0));
        // 200 MB - 190 MB leaves room for 4 slots of 2.08 MB: fewer than 5 + 2, refused
        PrebufferException e = assertThrows(
                PrebufferException.class, () -> policy.slotsForLayer(Path.of("g.mov"), 2_080_768, 190_000_000L));
        assertTrue(
                e.getMessage().contains("memoryCapBytes=200000000")
                        && e.getMessage().contains("g.mov"),
                e.getMessage());
        // room for 8 slots: between the minimum (7) and the maximum (10)
        assertEquals(8, policy.slotsForLayer(Path.of("b.mov"), 2_080_768, 200_000_000L - 8 * 2_080_768L));
    }

    @Test
    void theLookaheadStaysAtTheFloorForFastReadsAndGrowsForSlowOnes() {
        assertEquals(5, policy.lookaheadFrames(10, TICK_60_NANOS, 0));
        assertEquals(5, policy.lookaheadFrames(10, TICK_60_NANOS, 1_000_000));
        // 30 ms reads: three times that is 90 ms = 6 ticks, plus the one being read
        assertEquals(7, policy.lookaheadFrames(10, TICK_60_NANOS, 30_000_000));
        // capped by the maximum and by the slots left after the reserve
        assertEquals(8, policy.lookaheadFrames(10, TICK_60_NANOS, 500_000_000));
        assertEquals(6, policy.lookaheadFrames(8, TICK_60_NANOS, 500_000_000));
    }

    @Test
    void impossibleSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BufferingPolicy(0, 8, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BufferingPolicy(6, 5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BufferingPolicy(5, 70, 1, 1));
    }
}
