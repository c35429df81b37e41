package org.hapring.mov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.hapring.testing.ByteArrayChannel;

/**
 * Feeds arbitrary bytes to {@link MovReader#read}: the only outcomes allowed are a valid file or a
 * {@link MovFormatException} (no other exception, no hang, no runaway allocation). A table that is built
 * must keep its invariants: every frame inside the file, times never going back, {@code frameAt} finding
 * each frame's time.
 *
 * <p>Plain {@code mvn test} runs the seeds in {@code MovReaderFuzzTestInputs/fuzz/} (written by
 * {@link MovReaderFuzzSeeds}); with {@code JAZZER_FUZZ=1} Jazzer mutates them for
 * {@code -Djazzer.max_duration} (default below).
 */
class MovReaderFuzzTest {
    private static final Path NAME = Path.of("fuzz.mov");

    @FuzzTest(maxDuration = "2m")
    void fuzz(byte[] data) throws IOException {
        MovFile mov;
        try {
            mov = MovReader.read(NAME, new ByteArrayChannel(data));
        } catch (MovFormatException expected) {
            return;
        }
        assertEquals(data.length, mov.fileSizeBytes());
        SampleTable t;
        try {
            t = mov.video();
        } catch (MovFormatException expected) {
            return;
        }
        assertTrue(t.frameCount() > 0);
        long previous = Long.MIN_VALUE;
        for (int f = 0; f < t.frameCount(); f++) {
            assertTrue(t.offset(f) >= 0 && t.offset(f) + t.size(f) <= data.length, "frame " + f + " inside the file");
            long pts = t.ptsTicks(f);
            assertTrue(pts >= previous, "times never go back");
            assertTrue(t.durationTicks(f) >= 0);
            int shown = t.frameAt(pts);
            assertTrue(shown >= f && t.ptsTicks(shown) == pts, "frameAt finds frame " + f + "'s time");
            int description = t.sampleDescriptionIndex(f);
            assertTrue(MovFile.HAP_FOURCCS.contains(t.sampleDescriptionFourccs().get(description - 1)));
            previous = pts;
        }
        t.nominalFrameRate();
        t.averageFrameRate();
        t.firstPresentedFrame();
    }
}
