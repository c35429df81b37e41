package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command works with nothing but a cache directory: it generates its six layers once,
 * describes the first, plays them all with every frame verified (shortened here with {@code --seconds}).
 */
class DemoCommandTest {
    @TempDir
    Path cache;

    @Test
    void generatesOnceDescribesAndPlaysSixVerifiedLayers() throws Exception {
        CliRun first = CliRun.of("demo", "--cache-dir", cache.toString(), "--seconds", "1");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("HapY (hap_q: YCOCG_DXT5)"), first.out());
        assertTrue(first.out().contains("totals: shown=") && first.out().contains(" wrong=0 "), first.out());
        assertTrue(first.err().contains("generating"), first.err());
        for (int layer = 1; layer <= DemoCommand.LAYERS; layer++) {
            assertTrue(Files.size(cache.resolve("demo/layer" + layer + "_1080p_hap_q.mov")) > 0);
            assertTrue(first.out().contains("layer" + layer + "_1080p_hap_q.mov: shown="), first.out());
        }
        Path clip = cache.resolve("demo/layer1_1080p_hap_q.mov");
        long modified = Files.getLastModifiedTime(clip).toMillis();

        CliRun second = CliRun.of("demo", "--cache-dir", cache.toString(), "--seconds", "1");
        assertEquals(0, second.status(), second.err());
        assertTrue(!second.err().contains("generating"), second.err());
        assertEquals(modified, Files.getLastModifiedTime(clip).toMillis());
    }
}
