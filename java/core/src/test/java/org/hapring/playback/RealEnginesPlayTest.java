package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hapring.decode.HapVariant;
import org.hapring.io.EngineFixtures;
import org.hapring.io.EngineKind;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.write.HapEncoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * End to end on every real engine: three stamped movies (stored, Snappy, HAP Q) played on a real-time clock
 * for 1.5 s with a seek on every layer every 100 ms, forward and reverse, through the verifying sink. Timing on
 * a shared machine may drop ticks, so only correctness is asserted: no wrong frame, no layer error, most ticks
 * shown. io_uring kinds skip with the reason where io_uring is unavailable.
 */
class RealEnginesPlayTest {
    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"AUTO", "URING", "URING_NOREG", "FILECHANNEL", "MMAP", "SYNC"})
    void everyShownFrameIsTheRightOneWithSeeks(EngineKind kind) throws Exception {
        if (kind == EngineKind.URING || kind == EngineKind.URING_NOREG) {
            EngineFixtures.assumeUring();
        }
        List<Path> movies = List.of(
                StampedMovies.movie(HapVariant.HAP, 90, 7, HapEncoding.Compressor.NONE),
                StampedMovies.movie(HapVariant.HAP_Q, 90, 8, HapEncoding.Compressor.SNAPPY),
                StampedMovies.movie(HapVariant.HAP_ALPHA, 90, 9, HapEncoding.Compressor.SNAPPY));
        PlayerConfig config = PlayerConfig.builder()
                .set("engine", kind.cliName())
                .set("maxLayers", 8)
                .build();
        VerifyFrameSink verify = new VerifyFrameSink(8, null);
        List<String> notices = new ArrayList<>();
        try (Player player = Player.start(config, verify, FrameDecoders.hap(), notices::add)) {
            List<Integer> ids = new ArrayList<>();
            for (Path m : movies) {
                ids.add(player.openLayer(m));
            }
            player.setSpeed(ids.get(2), -1);
            ids.forEach(player::play);
            assertTrue(player.awaitReady(10_000_000_000L), "pre-roll");
            FrameClock clock = player.clock(System.nanoTime() + 10_000_000L);
            TickDriver driver = new TickDriver(player, clock, 90).start();
            Random random = new Random(5);
            while (!driver.join(100)) {
                for (int id : ids) {
                    player.seek(id, random.nextInt(90));
                }
            }
            assertNull(driver.failure());
            assertNull(player.failure());
            PlayerStats s = player.snapshot();
            for (LayerStats l : s.layers()) {
                assertNull(l.error(), l.file());
                assertEquals(
                        0, l.wrong(), () -> l.file() + ": wrong frames, first " + verify.firstWrongFrame(l.layerId()));
                assertTrue(
                        verify.checkedFrames(l.layerId()) > 10,
                        l.file() + " checked " + verify.checkedFrames(l.layerId()));
            }
            assertTrue(
                    s.shown() > s.layers().size() * 45L,
                    "shown " + s.shown() + " of " + 90 * s.layers().size());
            assertTrue(s.seekToReady().count() > 0 || kind == EngineKind.SYNC, "seeks measured");
        }
    }
}
