package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hapring.io.EngineKind;
import org.hapring.mov.SampleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpaced runs of every engine on tiny generated movies: how much they read, how many ticks, what the
 * counters say per engine kind.
 *
 * <p>JUnit test thread.
 */
class UnpacedRunTest {
    @TempDir
    Path dir;

    static final Path PROC = Path.of("/proc/self");

    @Test
    void coldRunsReadEveryFrameOnceOnEveryEngine() throws Exception {
        List<SampleTable> files = FioTest.media(dir, 3, 24);
        long frameBytes = files.get(0).size(0);
        CacheControl cache = new CacheControl(CacheControl.ColdMethod.FADVISE);
        for (EngineKind k : List.of(
                EngineKind.URING, EngineKind.URING_NOREG, EngineKind.FILECHANNEL, EngineKind.MMAP, EngineKind.SYNC)) {
            cache.prepare(CacheState.COLD, files.stream().map(SampleTable::file).toList());
            UnpacedRun.Result r = UnpacedRun.run(new UnpacedRun.Spec(k, CacheState.COLD, files, 20, 0), PROC);
            assertEquals(20, r.ticks(), k.cliName());
            assertEquals(60, r.frames(), k.cliName());
            assertEquals(60 * frameBytes, r.bytes(), k.cliName());
            assertEquals(20, r.ticksTrace().count());
            assertTrue(r.wallNanos() > 0 && r.gigabytesPerSecond() > 0, k.cliName());
            assertTrue(r.cpuSecondsPerGigabyte() >= 0, k.cliName());
            if (r.engineName().startsWith("uring")) {
                // one submit per tick, plus at most one wait per tick
                assertTrue(
                        r.engine().enterCalls() >= 20 && r.engine().enterCalls() <= 40,
                        k.cliName() + " enter calls " + r.engine().enterCalls());
                assertEquals(r.engine().enterCalls() / 60.0, r.syscallsPerFrame(), 1e-12);
            } else if (k == EngineKind.SYNC || k == EngineKind.FILECHANNEL) {
                assertTrue(r.syscallsPerFrame() >= 1.0, k.cliName() + " pread calls per frame " + r.syscallsPerFrame());
            } else {
                assertTrue(r.syscallsPerFrame() < 1.0, "mmap reads without read calls: " + r.syscallsPerFrame());
            }
        }
    }

    @Test
    void directRunsSayWhenTheEngineCannotBypassTheCache() throws Exception {
        List<SampleTable> files = FioTest.media(dir, 2, 12);
        UnpacedRun.Result mmap =
                UnpacedRun.run(new UnpacedRun.Spec(EngineKind.MMAP, CacheState.DIRECT, files, 12, 0), PROC);
        assertEquals(24, mmap.frames());
        assertTrue(
                mmap.notices().stream().anyMatch(n -> n.contains("O_DIRECT")),
                mmap.notices().toString());
        UnpacedRun.Result sync =
                UnpacedRun.run(new UnpacedRun.Spec(EngineKind.SYNC, CacheState.DIRECT, files, 12, 0), PROC);
        assertEquals(24L * files.get(0).size(0), sync.bytes(), "frame bytes, not the aligned cover");
    }

    @Test
    void warmRunsWrapUntilTheirTimeIsUp() throws Exception {
        List<SampleTable> files = FioTest.media(dir, 2, 10);
        UnpacedRun.Result r =
                UnpacedRun.run(new UnpacedRun.Spec(EngineKind.SYNC, CacheState.WARM, files, 1, 50_000_000L), PROC);
        assertTrue(r.wallNanos() >= 50_000_000L, "ran " + r.wallNanos());
        assertTrue(r.ticks() > 10, "wrapped past the 10 frames: " + r.ticks());
        assertEquals(2 * r.ticks(), r.frames());
    }

    @Test
    void specsThatCannotWorkAreRefused() throws Exception {
        List<SampleTable> files = FioTest.media(dir, 1, 10);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new UnpacedRun.Spec(EngineKind.SYNC, CacheState.COLD, files, 11, 0));
        assertTrue(e.getMessage().contains("1..10"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new UnpacedRun.Spec(EngineKind.SYNC, CacheState.WARM, files, 1, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new UnpacedRun.Spec(EngineKind.SYNC, CacheState.WARM, List.of(), 1, 1));
    }
}
