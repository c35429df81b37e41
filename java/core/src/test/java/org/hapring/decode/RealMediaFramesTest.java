package org.hapring.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.hapring.decode.reference.HapTestFrames;
import org.hapring.testing.RealMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every frame of the real HAP files made by other encoders decodes, with the structure their
 * README describes (sizes and section types from testdata/real/README.md), the same on both paths.
 */
class RealMediaFramesTest {
    private static ForkJoinPool pool;
    private static HapFrameDecoder sequential;
    private static HapFrameDecoder parallel;
    private static Arena arena;

    @BeforeAll
    static void setUp() {
        pool = new ForkJoinPool(2);
        sequential = new HapFrameDecoder();
        parallel = new HapFrameDecoder(pool);
        arena = Arena.ofShared();
    }

    @AfterAll
    static void tearDown() {
        sequential.close();
        parallel.close();
        pool.shutdownNow();
        arena.close();
    }

    /** Decodes every frame on both paths, checks they agree, and returns the layouts. */
    private static List<HapFrameLayout> decodeAll(String file, HapVariant variant, int w, int h) throws Exception {
        Path movie = RealMedia.movie(file);
        List<byte[]> frames = HapTestFrames.packets(movie);
        Path reference = RealMedia.referenceFramemd5(movie);
        if (reference != null) {
            long referenceFrames = Files.readAllLines(reference).stream()
                    .filter(l -> !l.startsWith("#"))
                    .count();
            assertEquals(referenceFrames, frames.size(), "frames in " + file);
        }
        TextureFrame a = TextureFrame.allocate(arena, variant, w, h);
        TextureFrame b = TextureFrame.allocate(arena, variant, w, h);
        for (int i = 0; i < frames.size(); i++) {
            MemorySegment frame = HapFrames.nativeFrame(arena, frames.get(i));
            sequential.decode(frame, w, h, a);
            parallel.decode(frame, w, h, b);
            assertEquals(variant.planes().size(), a.planeCount(), file + " frame " + i);
            for (int p = 0; p < a.planeCount(); p++) {
                assertEquals(variant.planes().get(p), a.format(p));
                assertEquals(variant.planes().get(p).textureBytes(w, h), a.planeBytes(p));
                assertArrayEquals(HapFrames.bytes(a.plane(p)), HapFrames.bytes(b.plane(p)), file + " frame " + i);
            }
        }
        return frames.stream()
                .map(f -> {
                    try {
                        return HapFrameParser.parse(MemorySegment.ofArray(f));
                    } catch (HapFormatException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    @Test
    void vidvoxHapAlpha() throws Exception {
        for (HapFrameLayout l : decodeAll("vidvox_qtdemo_SampleHapAlpha.mov", HapVariant.HAP_ALPHA, 640, 480)) {
            assertEquals(0xBE, l.topLevelType());
            assertEquals(4, l.topLevelHeaderBytes());
        }
    }

    @Test
    void adobeMediaEncoderHapWithOneChunkInAChunkedSection() throws Exception {
        String file = "gameoverhack_STND_LEFT_BLADIMIRSL_Hap1.mov";
        for (HapFrameLayout l : decodeAll(file, HapVariant.HAP, 100, 100)) {
            HapFrameLayout.Plane p = l.planes().getFirst();
            assertEquals(0xCB, l.topLevelType());
            assertEquals(4, p.sectionHeaderBytes());
            assertEquals(4, p.instructionsHeaderBytes());
            assertEquals(4, p.compressorTableHeaderBytes());
            assertEquals(4, p.sizeTableHeaderBytes());
            assertFalse(p.hasOffsetTable());
            assertEquals(1, p.chunkCount());
            assertEquals(HapCompressor.SNAPPY, p.chunks().getFirst().compressor());
        }
    }

    @Test
    void hapQAlphaAsAMultipleImageFrame() throws Exception {
        HapFrameLayout l = decodeAll("bluecadet_hapm.mov", HapVariant.HAP_Q_ALPHA, 640, 360)
                .getFirst();
        assertEquals(0x0D, l.topLevelType());
        assertEquals(0xAF, l.planes().get(0).sectionType());
        assertEquals(0xA1, l.planes().get(1).sectionType());
    }

    @Test
    void hapR() throws Exception {
        HapFrameLayout l =
                decodeAll("bluecadet_hap7.mov", HapVariant.HAP_R, 640, 360).getFirst();
        assertEquals(0xAC, l.topLevelType());
    }

    @Test
    void ffmpegHapBesideAnAudioTrack() throws Exception {
        for (HapFrameLayout l : decodeAll("bluecadet_hap1_audio.mov", HapVariant.HAP, 640, 360)) {
            assertEquals(8, l.topLevelHeaderBytes());
            assertEquals(TextureFormat.DXT1, l.planes().getFirst().format());
        }
    }
}
