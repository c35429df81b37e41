package org.hapring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that fails with an unchecked exception on a filechannel pool thread (here: its buffer belongs to a
 * confined arena of the owner thread) completes with an error; it used to be lost, and reap waited forever.
 *
 * <p>JUnit test thread (the engine's owner).
 */
class PoolReadFailureTest {
    @TempDir
    Path dir;

    @Test
    void aBufferFromAConfinedArenaFailsTheReadInsteadOfLosingIt() throws Exception {
        Path file = EngineFixtures.randomFile(dir, "f.bin", 64 * 1024, 3);
        List<String> notices = new ArrayList<>();
        try (Arena confined = Arena.ofConfined();
                ReadEngine e = ReadEngines.create(
                        EngineKind.FILECHANNEL,
                        EngineFixtures.config(notices).queueDepth(4).build())) {
            BufferSet bufs = BufferSet.allocate(confined, 2, 64 * 1024, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            assertEquals(ReadEngine.QUEUED, e.queue(h, 0, 4096, bufs.index(0), 7));
            assertEquals(ReadEngine.QUEUED, e.queue(h, 4096, 4096, bufs.index(1), 8));
            e.submit();
            EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
            int got = 0;
            for (int i = 0; i < 2 && got < 2; i++) {
                got += e.reap(2 - got, 2, 10_000_000_000L, rec);
            }
            assertEquals(2, got, "both reads completed within 10 s");
            for (EngineFixtures.Done d : rec.done) {
                assertNotNull(d.error(), "a pool thread cannot write into a confined arena's buffer");
                assertTrue(
                        d.error().getMessage().contains("confined"), d.error().getMessage());
                assertTrue(
                        d.error().getMessage().contains(file.toString()),
                        d.error().getMessage());
            }
            assertEquals(0, e.inFlight());
            e.closeFile(h);
            e.unregisterBuffers(bufs);
        }
    }
}
