package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.hapring.decode.HapVariant;
import org.hapring.io.EngineFixtures;
import org.hapring.io.EngineKind;
import org.hapring.mov.MovReader;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.write.HapEncoding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Files damaged while playing, on every real engine (the I/O and decode threads real, this thread ticking):
 * a file truncated under a layer fails that layer with a typed error naming the file, the layer holds its last
 * good frame, and the other layers play on with every frame right; mapped files that shrink give the same
 * typed error, not a crash. A file deleted while open keeps playing (Linux keeps its data until it is closed).
 */
class DamagedFilesRealEnginesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "FILECHANNEL", "MMAP", "SYNC"})
    void aTruncatedFileFailsOnlyItsLayerAndADeletedOnePlaysOn(EngineKind kind) throws Exception {
        if (kind == EngineKind.URING) {
            EngineFixtures.assumeUring();
        }
        Path cut = StampedMovies.copy(
                StampedMovies.movie(HapVariant.HAP, 90, 1, HapEncoding.Compressor.NONE), dir, "cut.mov");
        Path gone = StampedMovies.copy(
                StampedMovies.movie(HapVariant.HAP_Q, 90, 2, HapEncoding.Compressor.SNAPPY), dir, "gone.mov");
        Path good = StampedMovies.movie(HapVariant.HAP_ALPHA, 90, 3, HapEncoding.Compressor.SNAPPY);
        long cutAt = MovReader.open(cut).video().offset(40);
        PlayerConfig config = PlayerConfig.builder()
                .set("engine", kind.cliName())
                .set("maxLayers", 8)
                .build();
        VerifyFrameSink verify = new VerifyFrameSink(8, null);
        try (Player player = Player.start(config, verify, FrameDecoders.hap(), m -> {})) {
            int c = player.openLayer(cut);
            int g = player.openLayer(gone);
            int k = player.openLayer(good);
            for (int id : new int[] {c, g, k}) {
                player.play(id);
            }
            assertTrue(player.awaitReady(10_000_000_000L));
            for (long t = 0; t < 170; t++) {
                if (t == 10) {
                    try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
                        raf.setLength(cutAt); // frames 40.. are gone
                    }
                    Files.delete(gone);
                }
                player.tick(t);
                LockSupport.parkNanos(2_000_000); // give the I/O thread time: correctness, not speed, is checked
            }
            assertNull(player.failure());
            PlayerStats s = player.snapshot();
            LayerStats lc = byId(s, c);
            LayerStats lg = byId(s, g);
            LayerStats lk = byId(s, k);
            assertNotNull(lc.error(), "the truncated layer reports an error");
            assertTrue(lc.error().contains("cut.mov"), lc.error());
            assertNull(lg.error(), "a deleted file plays on from its open descriptor");
            assertNull(lk.error());
            assertEquals(0, s.wrong(), "every frame shown is the right one, the held last good frame included");
            assertTrue(
                    lk.shown() > 100 && lg.shown() > 100,
                    "the other layers play on: " + lk.shown() + ", " + lg.shown());
        }
    }

    private static LayerStats byId(PlayerStats s, int id) {
        return s.layers().stream().filter(l -> l.layerId() == id).findFirst().orElseThrow();
    }
}
