package org.hapring.decode;

import static org.hapring.decode.HapFrames.SNAPPY;
import static org.hapring.decode.HapFrames.STORED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hand-built frames of every form decode to the textures they were built from. */
class HapFrameDecoderTest {
    // not multiples of 4: partial blocks at the right and bottom edges
    private static final int W = 63;
    private static final int H = 47;
    private static final int[][] TABLE_ORDERS_WITH_OFFSETS = {
        {2, 3, 4}, {2, 4, 3}, {3, 2, 4}, {3, 4, 2}, {4, 2, 3}, {4, 3, 2},
    };
    private static final int[][] TABLE_ORDERS = {{2, 3}, {3, 2}};

    private static ForkJoinPool pool;
    private static DecodeAssertions check;

    @BeforeAll
    static void setUp() {
        pool = new ForkJoinPool(3);
        check = new DecodeAssertions(new HapFrameDecoder(pool));
    }

    @AfterAll
    static void tearDown() {
        check.close();
        pool.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(TextureFormat.class)
    void storedAndSnappyTexturesWithBothHeaderForms(TextureFormat format) {
        byte[] noise = HapFrames.noiseTexture(format, W, H, format.ordinal());
        byte[] pattern = HapFrames.patternTexture(format, W, H, format.ordinal());
        for (boolean longHeader : new boolean[] {false, true}) {
            check.assertDecodes(HapFrames.stored(format, noise, longHeader), W, H, format, noise);
            check.assertDecodes(HapFrames.snappyTexture(format, noise, longHeader), W, H, format, noise);
            check.assertDecodes(HapFrames.snappyTexture(format, pattern, longHeader), W, H, format, pattern);
        }
    }

    @ParameterizedTest
    @EnumSource(TextureFormat.class)
    void chunkedTexturesOfEveryFormat(TextureFormat format) {
        byte[] texture = HapFrames.patternTexture(format, W, H, 7);
        check.assertDecodes(HapFrames.chunked(format, texture).build(), W, H, format, texture);
        check.assertDecodes(
                HapFrames.chunked(format, texture)
                        .split(4)
                        .compressors(STORED, SNAPPY)
                        .build(),
                W,
                H,
                format,
                texture);
    }

    @Test
    void chunkTablesInAnyOrderWithAndWithoutOffsetTable() {
        TextureFormat f = TextureFormat.YCOCG_DXT5;
        byte[] texture = HapFrames.patternTexture(f, W, H, 11);
        for (int chunks = 1; chunks <= 5; chunks++) {
            for (int[] order : TABLE_ORDERS) {
                check.assertDecodes(
                        HapFrames.chunked(f, texture)
                                .split(chunks)
                                .tableOrder(order)
                                .build(),
                        W,
                        H,
                        f,
                        texture);
            }
            for (int[] order : TABLE_ORDERS_WITH_OFFSETS) {
                check.assertDecodes(
                        HapFrames.chunked(f, texture)
                                .split(chunks)
                                .offsetTable(true)
                                .tableOrder(order)
                                .build(),
                        W,
                        H,
                        f,
                        texture);
                check.assertDecodes(
                        HapFrames.chunked(f, texture)
                                .split(chunks)
                                .reverseData()
                                .tableOrder(order)
                                .build(),
                        W,
                        H,
                        f,
                        texture);
            }
        }
    }

    @Test
    void everyHeaderFormAtEveryLevelOfAChunkedTexture() {
        TextureFormat f = TextureFormat.DXT1;
        byte[] texture = HapFrames.patternTexture(f, W, H, 13);
        for (int mask = 0; mask < 8; mask++) {
            boolean top = (mask & 1) != 0;
            boolean instructions = (mask & 2) != 0;
            boolean tables = (mask & 4) != 0;
            byte[] frame = HapFrames.chunked(f, texture)
                    .split(3)
                    .offsetTable(mask % 3 == 0)
                    .longHeaders(top, instructions, tables)
                    .build();
            check.assertDecodes(frame, W, H, f, texture);
        }
    }

    @Test
    void storedAndSnappyChunksMixAndUnknownInstructionSectionsAreSkipped() {
        TextureFormat f = TextureFormat.BC7;
        byte[] texture = HapFrames.noiseTexture(f, W, H, 17);
        check.assertDecodes(
                HapFrames.chunked(f, texture).split(6).compressors(STORED).build(), W, H, f, texture);
        check.assertDecodes(
                HapFrames.chunked(f, texture)
                        .split(6)
                        .compressors(SNAPPY, STORED, STORED)
                        .build(),
                W,
                H,
                f,
                texture);
        check.assertDecodes(
                HapFrames.chunked(f, texture)
                        .split(2)
                        .unknownSection()
                        .offsetTable(true)
                        .build(),
                W,
                H,
                f,
                texture);
    }

    @Test
    void oneChunkInAChunkedSectionAsVidvoxWritesIt() {
        TextureFormat f = TextureFormat.DXT1;
        byte[] texture = HapFrames.patternTexture(f, 100, 100, 19);
        byte[] frame = HapFrames.chunked(f, texture).compressors(SNAPPY).build();
        check.assertDecodes(frame, 100, 100, f, texture);
    }

    @Test
    void multipleImagesGoColourToPlaneZeroAndAlphaToPlaneOneInEitherOrder() {
        byte[] colour = HapFrames.patternTexture(TextureFormat.YCOCG_DXT5, W, H, 23);
        byte[] alpha = HapFrames.noiseTexture(TextureFormat.BC4, W, H, 29);
        TextureFormat[] formats = {TextureFormat.YCOCG_DXT5, TextureFormat.BC4};
        for (int mask = 0; mask < 8; mask++) {
            boolean longTop = (mask & 1) != 0;
            boolean longInner = (mask & 2) != 0;
            byte[] c = (mask & 4) != 0
                    ? HapFrames.chunked(TextureFormat.YCOCG_DXT5, colour)
                            .split(3)
                            .longHeaders(longInner, false, true)
                            .build()
                    : HapFrames.snappyTexture(TextureFormat.YCOCG_DXT5, colour, longInner);
            byte[] a = HapFrames.stored(TextureFormat.BC4, alpha, !longInner);
            check.assertDecodes(HapFrames.multipleImages(longTop, c, a), W, H, formats, colour, alpha);
            check.assertDecodes(HapFrames.multipleImages(longTop, a, c), W, H, formats, colour, alpha);
        }
    }

    @Test
    void aMultipleImageSectionWithOneTextureOrUnknownSectionsDecodes() {
        byte[] texture = HapFrames.patternTexture(TextureFormat.DXT5, W, H, 31);
        byte[] inner = HapFrames.snappyTexture(TextureFormat.DXT5, texture, false);
        check.assertDecodes(HapFrames.multipleImages(false, inner), W, H, TextureFormat.DXT5, texture);
        byte[] unknown = HapFrames.section(0x42, new byte[] {9, 9}, false);
        check.assertDecodes(HapFrames.multipleImages(true, unknown, inner, unknown), W, H, TextureFormat.DXT5, texture);
    }

    @Test
    void bc6hSignedAndUnsignedCodes() {
        for (TextureFormat f : new TextureFormat[] {TextureFormat.BC6H_UNSIGNED, TextureFormat.BC6H_SIGNED}) {
            byte[] texture = HapFrames.noiseTexture(f, W, H, f.hapCode());
            byte[] frame = HapFrames.chunked(f, texture).split(2).build();
            assertEquals(0xC0 | f.hapCode(), frame[3] & 0xFF);
            check.assertDecodes(frame, W, H, f, texture);
        }
    }

    @Test
    void bytesAfterTheTopLevelSectionAreIgnored() {
        byte[] texture = HapFrames.noiseTexture(TextureFormat.DXT1, W, H, 37);
        byte[] frame = HapFrames.concat(HapFrames.snappyTexture(TextureFormat.DXT1, texture, true), new byte[] {1, 2});
        check.assertDecodes(frame, W, H, TextureFormat.DXT1, texture);
    }

    @Test
    void oneDecoderHandlesFramesOfChangingShapeInSequence() throws HapFormatException {
        try (Arena arena = Arena.ofConfined();
                HapFrameDecoder decoder = new HapFrameDecoder(pool)) {
            TextureFrame out = TextureFrame.allocate(arena, HapVariant.HAP_Q_ALPHA, 256, 128);
            for (int round = 0; round < 40; round++) {
                int chunks = 1 + round % 9;
                int w = 4 + (round * 37) % 253;
                int h = 4 + (round * 53) % 125;
                byte[] texture = HapFrames.patternTexture(TextureFormat.YCOCG_DXT5, w, h, round);
                byte[] frame = HapFrames.chunked(TextureFormat.YCOCG_DXT5, texture)
                        .split(chunks)
                        .offsetTable(round % 2 == 0)
                        .build();
                decoder.decode(HapFrames.nativeFrame(arena, frame), w, h, out);
                assertArrayEquals(texture, HapFrames.bytes(out.plane(0)), "round " + round);
            }
        }
    }

    @Test
    void outputPlanesMustBeNativeAndTheSizePositive() {
        byte[] texture = HapFrames.noiseTexture(TextureFormat.DXT1, W, H, 41);
        byte[] frame = HapFrames.stored(TextureFormat.DXT1, texture, false);
        TextureFrame heapOut =
                TextureFrame.wrap(MemorySegment.ofArray(new byte[texture.length]), MemorySegment.ofArray(new byte[1]));
        try (HapFrameDecoder decoder = new HapFrameDecoder()) {
            assertThrows(
                    IllegalArgumentException.class, () -> decoder.decode(MemorySegment.ofArray(frame), W, H, heapOut));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> decoder.decode(MemorySegment.ofArray(frame), 0, H, check.output(W, H)));
        }
    }
}
