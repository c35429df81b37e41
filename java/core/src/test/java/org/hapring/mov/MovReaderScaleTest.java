package org.hapring.mov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.hapring.testing.ByteArrayChannel;
import org.junit.jupiter.api.Test;

/** One hour at 60 fps (216,000 frames): correctness at that scale, not timing (JMH measures speed). */
class MovReaderScaleTest {
    private static final int FRAMES = 216_000;

    @Test
    void oneHourAtSixtyFramesPerSecond() throws IOException {
        int[] sizes = new int[FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            sizes[i] = 8 + (int) ((i * 2_654_435_761L) % 29);
        }
        // Chunks of 1..7 frames in a repeating pattern, so stsc has tens of thousands of runs.
        int[] pattern = {1, 3, 3, 7, 2, 5, 5, 5, 4, 6};
        int[] perChunk = new int[FRAMES];
        int chunks = 0;
        for (int placed = 0; placed < FRAMES; chunks++) {
            int n = Math.min(pattern[chunks % pattern.length], FRAMES - placed);
            perChunk[chunks] = n;
            placed += n;
        }
        int[] chunkSizes = Arrays.copyOf(perChunk, chunks);
        MovBuilder.Built built = new MovBuilder()
                .sizes(sizes)
                .chunks(chunkSizes)
                .timescale(60_000)
                .stts(new long[] {FRAMES, 1001})
                .build();
        byte[] bytes = built.bytes();

        MovFile mov = MovReader.read(Path.of("hour.mov"), new ByteArrayChannel(bytes));
        assertFalse(mov.moovBeforeMdat());
        SampleTable t = mov.video();
        assertEquals(FRAMES, t.frameCount());
        ByteBuffer data = ByteBuffer.wrap(bytes);
        long total = 0;
        for (int f = 0; f < FRAMES; f++) {
            assertEquals(built.offsets()[f], t.offset(f));
            assertEquals(sizes[f], t.size(f));
            assertEquals(MovBuilder.marker(f), data.getInt((int) t.offset(f)));
            assertEquals(f * 1001L, t.ptsTicks(f));
            total += sizes[f];
        }
        assertEquals(total, t.totalSampleBytes());
        assertEquals(8 + 28, t.maxSampleBytes());
        assertEquals(FRAMES * 1001L, t.durationTicks());
        assertEquals(Rational.of(60_000, 1001), t.nominalFrameRate());
        assertEquals(Rational.of(60_000, 1001), t.averageFrameRate());
        assertTrue(t.constantFrameRate());
        for (int f = 0; f < FRAMES; f += 997) {
            assertEquals(f, t.frameAt(f * 1001L));
            assertEquals(f, t.frameAt(f * 1001L + 1000));
        }
        assertEquals(FRAMES - 1, t.frameAt(Long.MAX_VALUE));
        assertEquals(0, t.frameAt(Long.MIN_VALUE));
    }
}
