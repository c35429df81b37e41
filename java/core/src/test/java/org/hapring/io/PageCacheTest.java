package org.hapring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load, evict and residency of one file's pages (the benchmark's warm and cold states).
 *
 * <p>JUnit test thread.
 */
class PageCacheTest {
    @TempDir
    Path dir;

    @Test
    void loadThenEvictThenLoadAgain() throws IOException {
        String fs = Files.getFileStore(dir).type();
        assumeFalse(
                fs.equals("tmpfs") || fs.equals("ramfs"),
                () -> "the temporary directory is on " + fs + ", whose pages cannot be evicted; skipping");
        int sizeBytes = 8 << 20;
        Path f = EngineFixtures.randomFile(dir, "pages.bin", sizeBytes, 7);

        assertEquals(sizeBytes, PageCache.load(f));
        assertEquals(1.0, PageCache.residentFraction(f), 1e-9, "every slice cached after load");

        PageCache.evict(f);
        assertEquals(
                0.0, PageCache.residentFraction(f), 1e-9, "no slice cached after evict (dirty pages flushed first)");

        assertEquals(sizeBytes, PageCache.load(f));
        assertEquals(1.0, PageCache.residentFraction(f), 1e-9);
    }

    @Test
    void residencyOfAnEmptyFileIsOne() throws IOException {
        Path f = Files.createFile(dir.resolve("empty"));
        assertEquals(1.0, PageCache.residentFraction(f));
        PageCache.evict(f);
    }

    @Test
    void missingFileIsATypedError() {
        Path missing = dir.resolve("missing.bin");
        assertThrows(NoSuchFileException.class, () -> PageCache.evict(missing));
        assertThrows(NoSuchFileException.class, () -> PageCache.residentFraction(missing));
        assertTrue(PageCache.canDropAllCaches() == Files.isWritable(Path.of("/proc/sys/vm/drop_caches")));
    }
}
