package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hapring.io.EngineKind;
import org.hapring.mov.SampleTable;
import org.hapring.write.FrameRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paced runs on the real player with tiny movies: the counts add up (every layer due a frame every tick), the
 * trace has a point per tick run, layers may share a file and start apart.
 *
 * <p>JUnit test thread (the player's tick thread during a run).
 */
class PlayerPacedRunTest {
    @TempDir
    Path dir;

    @Test
    void everyEnginePlaysAndTheCountsAddUp() throws Exception {
        List<SampleTable> files = FioTest.media(dir, 2, 40);
        List<Path> paths = files.stream().map(SampleTable::file).toList();
        for (EngineKind k : List.of(
                EngineKind.URING, EngineKind.URING_NOREG, EngineKind.FILECHANNEL, EngineKind.MMAP, EngineKind.SYNC)) {
            PacedRun.Result r = new PlayerPacedRun()
                    .run(new PacedRun.Spec(
                            k,
                            CacheState.WARM,
                            List.of(paths.get(0), paths.get(1), paths.get(0)),
                            new int[] {0, 0, 20},
                            FrameRate.parse("60"),
                            0.25));
            String ctx = k.cliName() + ": " + r;
            assertEquals(k.cliName(), r.engineRan(), ctx);
            assertTrue(r.ticks() >= 14 && r.ticks() <= 16, "0.25 s at 60 fps is 15 ticks: " + ctx);
            assertEquals(3 * r.ticks(), r.framesDue(), "three layers, one frame due each per tick: " + ctx);
            assertTrue(r.dropped() >= 0 && r.dropped() <= r.framesDue(), ctx);
            assertTrue(r.hits() + r.misses() > 0, ctx);
            assertTrue(r.acquireTrace().count() <= r.ticks() && r.acquireTrace().count() > 0, ctx);
            assertTrue(r.bytesRead() > 0, ctx);
            assertTrue(r.droppedPercent() >= 0 && r.droppedPercent() <= 100, ctx);
            assertTrue(r.acquireP99Micros() >= r.acquireP50Micros(), ctx);
        }
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() throws Exception {
        Path missing = dir.resolve("missing.mov");
        IOException e = assertThrows(
                IOException.class,
                () -> new PlayerPacedRun()
                        .run(new PacedRun.Spec(
                                EngineKind.SYNC,
                                CacheState.WARM,
                                List.of(missing),
                                new int[] {0},
                                FrameRate.parse("60"),
                                0.2)));
        assertTrue(
                String.valueOf(e.getMessage()).contains("missing.mov")
                        || e instanceof java.nio.file.NoSuchFileException,
                e.toString());
    }
}
