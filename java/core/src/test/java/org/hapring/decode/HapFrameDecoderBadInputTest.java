package org.hapring.decode;

import static org.hapring.decode.HapFrames.SNAPPY;
import static org.hapring.decode.HapFrames.STORED;
import static org.hapring.decode.HapFrames.concat;
import static org.hapring.decode.HapFrames.le32;
import static org.hapring.decode.HapFrames.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed frames give a {@link HapFormatException} at a meaningful offset, on the calling-thread
 * and the helper paths, and leave the decoder usable; nothing else escapes and nothing crashes.
 */
class HapFrameDecoderBadInputTest {
    private static final int W = 64;
    private static final int H = 48;

    private static Arena arena;
    private static ForkJoinPool pool;
    private static HapFrameDecoder sequential;
    private static HapFrameDecoder parallel;
    private static TextureFrame out;

    @BeforeAll
    static void setUp() {
        arena = Arena.ofShared();
        pool = new ForkJoinPool(2);
        sequential = new HapFrameDecoder();
        parallel = new HapFrameDecoder(pool);
        long bytes = TextureFormat.DXT5.textureBytes(W, H);
        out = TextureFrame.allocate(arena, bytes, bytes);
    }

    @AfterAll
    static void tearDown() {
        sequential.close();
        parallel.close();
        pool.shutdownNow();
        arena.close();
    }

    /** Asserts both decoders reject {@code frame} at {@code offsetBytes} with {@code words} in the message. */
    private static HapFormatException assertRejected(byte[] frame, long offsetBytes, String... words) {
        HapFormatException last = null;
        for (HapFrameDecoder d : new HapFrameDecoder[] {sequential, parallel}) {
            HapFormatException e = assertThrows(
                    HapFormatException.class, () -> d.decode(HapFrames.nativeFrame(arena, frame), W, H, out));
            assertEquals(0, out.planeCount(), "no plane after a failed decode");
            for (String w : words) {
                assertTrue(e.getMessage().contains(w), "'" + w + "' missing from: " + e.getMessage());
            }
            if (offsetBytes >= 0) {
                assertEquals(offsetBytes, e.frameOffsetBytes(), e.getMessage());
            }
            last = e;
        }
        return last;
    }

    private static byte[] dxt5(long seed) {
        return HapFrames.patternTexture(TextureFormat.DXT5, W, H, seed);
    }

    private static List<byte[]> sampleFrames() {
        byte[] t = dxt5(1);
        byte[] alpha = HapFrames.noiseTexture(TextureFormat.BC4, W, H, 2);
        byte[] colour = HapFrames.patternTexture(TextureFormat.YCOCG_DXT5, W, H, 3);
        return List.of(
                HapFrames.stored(TextureFormat.DXT5, t, false),
                HapFrames.snappyTexture(TextureFormat.DXT5, t, true),
                HapFrames.chunked(TextureFormat.DXT5, t).split(4).reverseData().build(),
                HapFrames.chunked(TextureFormat.DXT5, t)
                        .split(3)
                        .compressors(SNAPPY, STORED)
                        .longHeaders(true, true, false)
                        .build(),
                HapFrames.multipleImages(
                        false,
                        HapFrames.stored(TextureFormat.BC4, alpha, true),
                        HapFrames.chunked(TextureFormat.YCOCG_DXT5, colour)
                                .split(2)
                                .build()));
    }

    @Test
    void anEmptyFrame() {
        assertRejected(new byte[0], 0, "empty");
    }

    @Test
    void everyTruncationOfValidFramesIsRejected() {
        for (byte[] frame : sampleFrames()) {
            for (int length = 0; length < frame.length; length++) {
                byte[] prefix = java.util.Arrays.copyOf(frame, length);
                HapFormatException e = assertRejected(prefix, -1);
                assertTrue(e.frameOffsetBytes() >= 0 && e.frameOffsetBytes() <= length, e.getMessage());
            }
        }
    }

    @Test
    void everySingleByteCorruptionDecodesOrIsRejected() {
        int rejected = 0;
        for (byte[] frame : sampleFrames()) {
            for (int pos = 0; pos < frame.length; pos++) {
                int original = frame[pos] & 0xFF;
                for (int value : new int[] {0x00, 0xFF, original ^ 0x80, (original + 1) & 0xFF}) {
                    byte[] bad = frame.clone();
                    bad[pos] = (byte) value;
                    for (HapFrameDecoder d : new HapFrameDecoder[] {sequential, parallel}) {
                        try {
                            d.decode(HapFrames.nativeFrame(arena, bad), W, H, out);
                            assertTrue(out.planeCount() >= 1);
                            assertEquals(out.format(0).textureBytes(W, H), out.planeBytes(0));
                        } catch (HapFormatException e) {
                            rejected++;
                            assertTrue(e.frameOffsetBytes() >= 0 && e.frameOffsetBytes() < bad.length, e.getMessage());
                        }
                    }
                }
            }
        }
        assertTrue(rejected > 1000, "only " + rejected + " corruptions were rejected");
    }

    @Test
    void sectionsPastTheEnd() {
        assertRejected(new byte[] {5, 0, 0, (byte) 0xAB, 1, 2, 3, 4}, 0, "declares 5 payload bytes", "only 4");
        assertRejected(new byte[] {0, 0, 0, (byte) 0xAB, 1, 2}, 0, "8-byte header", "only 6");
        assertRejected(concat(new byte[] {0, 0, 0, (byte) 0xAB}, le32(0xFFFFFFFFL)), 0, "4294967295");
    }

    @Test
    void chunkSizeOrOffsetPastTheEndOfTheChunkData() {
        byte[] frame = HapFrames.chunked(TextureFormat.DXT5, dxt5(4))
                .split(3)
                .offsetTable(true)
                .build();
        // 4-byte headers: top at 0, instructions at 4, compressor table at 8 (body 12..14),
        // size table at 15 (body 19..30), offset table at 31 (body 35..46), chunk data from 47
        byte[] bigSize = frame.clone();
        System.arraycopy(le32(frame.length), 0, bigSize, 19 + 4, 4);
        assertRejected(bigSize, 35 + 4, "chunk 1", "run past the end");
        byte[] bigOffset = frame.clone();
        System.arraycopy(le32(0x7FFFFFF0L), 0, bigOffset, 35 + 8, 4);
        assertRejected(bigOffset, 35 + 8, "chunk 2", "run past the end");
        byte[] noOffsets =
                HapFrames.chunked(TextureFormat.DXT5, dxt5(4)).split(3).build();
        System.arraycopy(le32(0xFFFFFFFFL), 0, noOffsets, 19, 4);
        assertRejected(noOffsets, 19, "chunk 0", "4294967295");
    }

    @Test
    void chunkTablesThatDisagreeOrAreMissing() {
        byte[] compressors = section(0x02, new byte[] {SNAPPY, SNAPPY, SNAPPY}, false);
        byte[] sizes = section(0x03, concat(le32(1), le32(1)), false);
        byte[] offsets = section(0x04, concat(le32(0), le32(1), le32(2)), true);
        byte[] data = new byte[] {0, 0, 0};
        assertRejected(chunkedFrame(concat(compressors, sizes), data), 4 + 4 + 7, "disagree", "3", "2");
        assertRejected(chunkedFrame(concat(sizes, compressors), data), 4 + 4 + 12, "disagree", "2", "3");
        assertRejected(chunkedFrame(concat(sizes, offsets), data), 4 + 4 + 12, "disagree");
        assertRejected(chunkedFrame(sizes, data), 4, "compressor table");
        assertRejected(chunkedFrame(compressors, data), 4, "size table");
        assertRejected(chunkedFrame(concat(compressors, compressors), data), 4 + 4 + 7, "second chunk compressor");
        assertRejected(
                chunkedFrame(concat(compressors, section(0x03, new byte[] {1, 0, 0}, false)), data),
                4 + 4 + 7,
                "not a multiple of 4");
        assertRejected(
                chunkedFrame(concat(section(0x02, new byte[0], true), section(0x03, new byte[0], true)), data),
                4,
                "empty");
        byte[] notInstructions = section(0xCE, concat(section(0x02, new byte[] {SNAPPY}, false), data), false);
        assertRejected(notInstructions, 4, "decode instructions", "0x02");
    }

    /** A 0xCE frame (4-byte headers) whose decode instructions hold {@code tables}, then {@code data}. */
    private static byte[] chunkedFrame(byte[] tables, byte[] data) {
        return section(0xCE, concat(section(0x01, tables, false), data), false);
    }

    @Test
    void aSnappyPreambleThatDisagreesWithTheTextureSize() {
        byte[] texture = dxt5(5);
        long expected = TextureFormat.DXT5.textureBytes(W, H);
        byte[] wrongSize = HapFrames.snappyTexture(TextureFormat.DXT5, java.util.Arrays.copyOf(texture, 1000), false);
        assertRejected(wrongSize, 0, "1000", Long.toString(expected));
        // a preamble claiming 4 GiB - 1: rejected before Snappy runs
        byte[] huge = section(0xBE, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F, 0}, false);
        assertRejected(huge, 0, "4294967295", Long.toString(expected));
        // one chunk of four claims 16 more bytes than it holds
        byte[] frame = HapFrames.chunked(TextureFormat.DXT5, texture)
                .split(4)
                .compressors(STORED, STORED, SNAPPY)
                .build();
        byte[] bigger = HapFrames.chunked(TextureFormat.DXT5, concat(texture, new byte[16]))
                .split(4)
                .compressors(STORED, STORED, SNAPPY)
                .build();
        assertTrue(bigger.length > frame.length);
        assertRejected(bigger, 0, Long.toString(expected + 16), Long.toString(expected));
    }

    @Test
    void preamblesThatDoNotParse() {
        byte[] sixBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        assertRejected(section(0xBE, sixBytes, false), 4, "preamble");
        byte[] fifthTooBig = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10, 0};
        assertRejected(section(0xBE, fifthTooBig, false), 4, "preamble");
        byte[] cutShort = {(byte) 0x80, (byte) 0x80};
        assertRejected(section(0xBE, cutShort, false), 4, "preamble");
        byte[] compressors = section(0x02, new byte[] {SNAPPY}, false);
        byte[] sizes = section(0x03, le32(0), false);
        assertRejected(chunkedFrame(concat(compressors, sizes), new byte[0]), 4 + 4 + 5 + 8, "Snappy chunk of 0 bytes");
    }

    @Test
    void unknownCompressorAndFormatCodes() {
        byte[] payload = new byte[] {1, 2, 3, 4};
        assertRejected(section(0xDB, payload, false), 0, "0xDB", "compressor");
        assertRejected(section(0x1B, payload, true), 0, "0x1B");
        assertRejected(section(0xA5, payload, false), 0, "0xA5", "texture format");
        assertRejected(section(0xC0, payload, false), 0, "0xC0", "texture format");
        byte[] compressors = section(0x02, new byte[] {SNAPPY, 0x0C}, false);
        byte[] sizes = section(0x03, concat(le32(1), le32(1)), false);
        assertRejected(chunkedFrame(concat(compressors, sizes), new byte[] {0, 0}), 4 + 4 + 4 + 1, "chunk 1", "0x0C");
    }

    @Test
    void badMultipleImageSections() {
        byte[] colour = HapFrames.stored(
                TextureFormat.YCOCG_DXT5, HapFrames.noiseTexture(TextureFormat.YCOCG_DXT5, W, H, 6), false);
        byte[] alpha = HapFrames.stored(TextureFormat.BC4, HapFrames.noiseTexture(TextureFormat.BC4, W, H, 7), false);
        byte[] nested = HapFrames.multipleImages(false, HapFrames.multipleImages(false, colour, alpha));
        assertRejected(nested, 4, "inside another");
        assertRejected(
                HapFrames.multipleImages(true, colour, alpha, alpha),
                8 + colour.length + alpha.length,
                "more than two");
        byte[] dxt1 = HapFrames.stored(TextureFormat.DXT1, HapFrames.noiseTexture(TextureFormat.DXT1, W, H, 8), false);
        assertRejected(HapFrames.multipleImages(false, colour, dxt1), 4 + colour.length, "DXT1", "permitted");
        assertRejected(HapFrames.multipleImages(false, section(0x42, new byte[] {1}, false)), 0, "no texture");
    }

    @Test
    void corruptSnappyDataOnEitherPathThenTheDecoderStillWorks() throws HapFormatException {
        byte[] texture = dxt5(9);
        byte[] frame = HapFrames.chunked(TextureFormat.DXT5, texture).split(4).build();
        // the 3rd chunk's data: after the headers (4 + 4), tables (4 + 4 + 4 + 16) and chunks 0 and 1
        byte[] chunk0 = HapFrames.snappy(java.util.Arrays.copyOfRange(texture, 0, texture.length / 4));
        byte[] chunk1 = HapFrames.snappy(java.util.Arrays.copyOfRange(texture, texture.length / 4, texture.length / 2));
        int chunk2 = 8 + 8 + 4 + 16 + chunk0.length + chunk1.length;
        byte[] bad = frame.clone();
        // keep the preamble, then a copy tag (01) whose offset points before the start of the output
        int afterPreamble = chunk2 + preambleBytes(bad, chunk2);
        bad[afterPreamble] = (byte) 0x01;
        bad[afterPreamble + 1] = (byte) 0xFF;
        assertRejected(bad, chunk2, "Snappy chunk 2", "corrupt");
        for (HapFrameDecoder d : new HapFrameDecoder[] {sequential, parallel}) {
            d.decode(HapFrames.nativeFrame(arena, frame), W, H, out);
            assertArrayEquals(texture, HapFrames.bytes(out.plane(0)));
        }
    }

    private static int preambleBytes(byte[] frame, int offset) {
        int n = 1;
        while ((frame[offset + n - 1] & 0x80) != 0) {
            n++;
        }
        return n;
    }

    @Test
    void aFrameWhoseFormatDoesNotFitTheOutputPlane() throws HapFormatException {
        TextureFrame small = TextureFrame.allocate(arena, HapVariant.HAP, W, H);
        byte[] frame = HapFrames.snappyTexture(TextureFormat.DXT5, dxt5(10), false);
        HapFormatException e = assertThrows(
                HapFormatException.class, () -> sequential.decode(HapFrames.nativeFrame(arena, frame), W, H, small));
        assertTrue(e.getMessage().contains("output plane 0"), e.getMessage());
        assertEquals(0, small.planeCount());
        byte[] ok = HapFrames.snappyTexture(
                TextureFormat.DXT1, HapFrames.noiseTexture(TextureFormat.DXT1, W, H, 11), false);
        sequential.decode(HapFrames.nativeFrame(arena, ok), W, H, small);
        if (small.planeCount() != 1) {
            fail("a good frame did not decode after a rejected one");
        }
    }
}
