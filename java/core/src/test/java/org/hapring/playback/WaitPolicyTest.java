package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.hapring.decode.HapVariant;
import org.hapring.io.EngineConfig;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.write.HapEncoding;
import org.junit.jupiter.api.Test;

/**
 * The {@code wait} miss policy with a real I/O thread: reads stall (a gated engine), the tick thread misses,
 * asks for the frame and waits; the reads are let through from another thread while it waits, and the frame is
 * shown on time: a miss, but no dropped tick.
 */
class WaitPolicyTest {
    @Test
    void aMissWaitsForItsFrameWithinTheDeadlineAndShowsIt() throws Exception {
        GatedEngine engine =
                new GatedEngine(EngineConfig.builder().queueDepth(64).build());
        RecordingSink recorder = new RecordingSink();
        PlayerConfig config = PlayerConfig.builder()
                .set("maxLayers", 4)
                .set("missPolicy", "wait")
                .set("missDeadlineMicros", 1_000_000)
                .build();
        try (Player player = Player.start(config, recorder, engine, FrameDecoders.hap(0))) {
            int id = player.openLayer(StampedMovies.movie(HapVariant.HAP, 40, 1, HapEncoding.Compressor.NONE));
            player.play(id);
            assertTrue(player.awaitReady(10_000_000_000L));
            for (long t = 0; t < 3; t++) {
                while (!player.readyFor(t)) {
                    LockSupport.parkNanos(100_000);
                }
                player.tick(t);
            }
            engine.gate(false); // what is buffered now plays; the next read stalls
            long t = 3;
            while (player.readyFor(t)) {
                player.tick(t++);
            }
            long missTick = t;
            Thread opener = new Thread(() -> {
                LockSupport.parkNanos(30_000_000); // a slow disk: the data comes while the tick thread waits
                engine.gate(true);
            });
            opener.start();
            player.tick(missTick); // misses, waits (at most 1 s), shows its frame
            opener.join();
            List<Integer> expected = new ArrayList<>();
            for (int f = 0; f <= missTick; f++) {
                expected.add(f);
            }
            assertEquals(expected, recorder.frames(id));
            LayerStats l = player.snapshot().layers().get(0);
            assertEquals(0, l.dropped());
            assertEquals(1, l.misses());
            assertTrue(
                    l.acquire().maxNanos() >= 20_000_000,
                    "the acquire waited for the read: " + l.acquire().maxNanos());
        }
    }
}
