package org.hapring.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Feeds arbitrary bytes, from a native segment, to the decoder on both paths (calling thread, and
 * helpers on a pool). A frame either decodes to planes of exactly the texture size, the same on
 * both paths, or is a {@link HapFormatException} with an offset inside the frame; anything else
 * (another exception, a JVM crash in Snappy, a hang) is a finding.
 *
 * <p>The picture size is taken from the frame's own first plane when it parses (one row of blocks
 * of that many texture bytes), so that mutated frames get past the size check and into Snappy.
 *
 * <p>Regression mode (plain surefire) runs the seeds in
 * {@code src/test/resources/org/hapring/decode/HapFrameDecoderFuzzTestInputs/decodeArbitraryFrame}
 * (written by {@link FuzzSeedsTest} with {@code -Dhapring.regenerateFuzzSeeds=true}). Fuzzing mode:
 * {@code JAZZER_FUZZ=1}, with {@code -Djazzer.max_duration=5m} to run longer than the default below.
 */
class HapFrameDecoderFuzzTest {
    /** Planes larger than this get the default size (the decode then fails on the size check). */
    static final long MAX_PLANE_BYTES = 8L << 20;

    static final int DEFAULT_WIDTH = 64;
    static final int DEFAULT_HEIGHT = 48;

    private static ForkJoinPool pool;
    private static HapFrameDecoder sequential;
    private static HapFrameDecoder parallel;

    @BeforeAll
    static void setUp() {
        pool = new ForkJoinPool(2);
        sequential = new HapFrameDecoder();
        parallel = new HapFrameDecoder(pool);
    }

    @AfterAll
    static void tearDown() {
        sequential.close();
        parallel.close();
        pool.shutdownNow();
    }

    @FuzzTest(maxDuration = "60s")
    void decodeArbitraryFrame(byte[] input) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment frame = HapFrames.nativeFrame(arena, input);
            HapFrameLayout layout = parseOrNull(frame);
            int[] size = pictureSize(layout);
            long capacityBytes = TextureFormat.DXT5.textureBytes(size[0], size[1]);
            TextureFrame a = TextureFrame.allocate(arena, capacityBytes, capacityBytes);
            TextureFrame b = TextureFrame.allocate(arena, capacityBytes, capacityBytes);
            boolean decodedA = decode(sequential, frame, size, a);
            boolean decodedB = decode(parallel, frame, size, b);
            assertEquals(decodedA, decodedB, "the two paths disagree");
            if (layout == null) {
                assertTrue(!decodedA, "a frame the parser rejects decoded");
            }
            if (decodedA) {
                assertEquals(layout.planes().size(), a.planeCount());
                for (int p = 0; p < a.planeCount(); p++) {
                    assertEquals(a.format(p).textureBytes(size[0], size[1]), a.planeBytes(p));
                    assertArrayEquals(HapFrames.bytes(a.plane(p)), HapFrames.bytes(b.plane(p)), "plane " + p);
                }
            }
        }
    }

    /** The frame's layout, or {@code null} when it does not parse (then the error must be in range). */
    static HapFrameLayout parseOrNull(MemorySegment frame) {
        try {
            return HapFrameParser.parse(frame);
        } catch (HapFormatException e) {
            assertInRange(e, frame);
            return null;
        }
    }

    /** One row of blocks holding plane 0's texture bytes, or the default size. */
    static int[] pictureSize(HapFrameLayout layout) {
        if (layout != null) {
            HapFrameLayout.Plane p = layout.planes().getFirst();
            long blockBytes = p.format().blockBytes();
            long bytes = p.textureBytes();
            if (bytes > 0 && bytes <= MAX_PLANE_BYTES && bytes % blockBytes == 0) {
                return new int[] {(int) (4 * (bytes / blockBytes)), 4};
            }
        }
        return new int[] {DEFAULT_WIDTH, DEFAULT_HEIGHT};
    }

    private static boolean decode(HapFrameDecoder decoder, MemorySegment frame, int[] size, TextureFrame out) {
        try {
            decoder.decode(frame, size[0], size[1], out);
            return true;
        } catch (HapFormatException e) {
            assertInRange(e, frame);
            assertEquals(0, out.planeCount());
            return false;
        }
    }

    private static void assertInRange(HapFormatException e, MemorySegment frame) {
        assertTrue(e.frameOffsetBytes() >= 0 && e.frameOffsetBytes() <= frame.byteSize(), e.getMessage());
    }
}
