package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command works with nothing but a cache directory, and generates only once. */
class DemoCommandTest {
    @TempDir
    Path cache;

    @Test
    void generatesOnceDescribesAndVerifiesEveryFrame() throws Exception {
        CliRun first = CliRun.of("demo", "--cache-dir", cache.toString());
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("HapY (hap_q: YCOCG_DXT5)"), first.out());
        assertTrue(first.out().contains("wrong frames 0"), first.out());
        assertTrue(first.err().contains("generating"), first.err());
        Path clip = cache.resolve("demo/layer1_1080p_hap_q.mov");
        long modified = Files.getLastModifiedTime(clip).toMillis();
        assertTrue(Files.size(cache.resolve("demo/frame0120.png")) > 0);

        CliRun second = CliRun.of("demo", "--cache-dir", cache.toString());
        assertEquals(0, second.status(), second.err());
        assertTrue(!second.err().contains("generating"), second.err());
        assertEquals(modified, Files.getLastModifiedTime(clip).toMillis());
    }
}
