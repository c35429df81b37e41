package org.hapring.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import org.hapring.decode.reference.HapTestFrames;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffmpeg.Spec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FFmpeg's HAP encoder is deterministic: for one source, the texture bytes must be identical whether
 * it stored the frames uncompressed (the texture is then the section payload itself), as one Snappy
 * block, or as 2..8 chunks, some of them stored (0x0A) when Snappy gains nothing on noise.
 */
class FfmpegClipsTest {
    // multiples of 4 (FFmpeg's encoder needs that) but not of 16
    private static final int W = 100;
    private static final int H = 60;

    private static ForkJoinPool pool;
    private static HapFrameDecoder decoder;
    private static Arena arena;

    @BeforeAll
    static void setUp() {
        pool = new ForkJoinPool(2);
        decoder = new HapFrameDecoder(pool);
        arena = Arena.ofShared();
    }

    @AfterAll
    static void tearDown() {
        decoder.close();
        pool.shutdownNow();
        arena.close();
    }

    @ParameterizedTest(name = "{0} noise={2}")
    @CsvSource({
        "hap,       DXT1,       false", "hap,       DXT1,       true",
        "hap_alpha, DXT5,       false", "hap_alpha, DXT5,       true",
        "hap_q,     YCOCG_DXT5, false", "hap_q,     YCOCG_DXT5, true",
    })
    void textureBytesAreTheSameForEveryCompressorAndChunkCount(String format, TextureFormat texture, boolean noise)
            throws HapFormatException {
        Spec base = Spec.of(format).size(W, H).frames(4).noise(noise);
        List<byte[]> stored = HapTestFrames.packets(Ffmpeg.clip(base.snappy(false)));
        assertEquals(4, stored.size());
        List<byte[]> expected = new ArrayList<>();
        for (byte[] frame : stored) {
            HapFrameLayout layout = HapFrameParser.parse(MemorySegment.ofArray(frame));
            assertEquals(0xA0 | texture.hapCode(), layout.topLevelType());
            assertEquals(8, layout.topLevelHeaderBytes(), "FFmpeg always writes the 8-byte form at top level");
            byte[] payload = java.util.Arrays.copyOfRange(frame, 8, frame.length);
            assertArrayEquals(payload, decode(frame, texture));
            expected.add(payload);
        }
        Set<Integer> chunkCounts = new TreeSet<>();
        int storedChunks = 0;
        for (int chunks = 1; chunks <= 8; chunks++) {
            storedChunks += assertSameTextures(Ffmpeg.clip(base.chunks(chunks)), texture, expected, chunkCounts);
        }
        assertSameTextures(Ffmpeg.clip(base.snappy(false).chunks(4)), texture, expected, chunkCounts);
        // FFmpeg lowers the chunk count until it divides the 375 blocks of 100x60: 1, 3 or 5 chunks
        assertEquals(Set.of(1, 3, 5), chunkCounts);
        if (noise && texture != TextureFormat.DXT5) {
            // (DXT5 of noise still compresses: the picture is opaque, so every alpha half-block is the same)
            assertTrue(storedChunks > 0, "FFmpeg stored no chunk as 0x0A on noise");
        }
    }

    /** Returns how many chunks inside chunked sections were stored uncompressed. */
    private static int assertSameTextures(
            java.nio.file.Path clip, TextureFormat texture, List<byte[]> expected, Set<Integer> chunkCounts)
            throws HapFormatException {
        List<byte[]> frames = HapTestFrames.packets(clip);
        assertEquals(expected.size(), frames.size());
        int storedChunks = 0;
        for (int i = 0; i < frames.size(); i++) {
            HapFrameLayout.Plane plane = HapFrameParser.parse(MemorySegment.ofArray(frames.get(i)))
                    .planes()
                    .getFirst();
            assertEquals(texture, plane.format());
            chunkCounts.add(plane.chunkCount());
            if (plane.chunkCount() > 1) {
                assertEquals(HapCompressor.CHUNKED, plane.compressor(), clip + " frame " + i);
                storedChunks += (int) plane.chunks().stream()
                        .filter(c -> c.compressor() == HapCompressor.NONE)
                        .count();
            } else {
                assertTrue(plane.compressor() != HapCompressor.CHUNKED, "FFmpeg writes one chunk as 0xA or 0xB");
            }
            assertArrayEquals(expected.get(i), decode(frames.get(i), texture), clip + " frame " + i);
        }
        return storedChunks;
    }

    private static byte[] decode(byte[] frame, TextureFormat format) throws HapFormatException {
        TextureFrame out = TextureFrame.allocate(arena, format.textureBytes(W, H), 1);
        decoder.decode(HapFrames.nativeFrame(arena, frame), W, H, out);
        assertEquals(1, out.planeCount());
        assertEquals(format, out.format(0));
        return HapFrames.bytes(out.plane(0));
    }
}
