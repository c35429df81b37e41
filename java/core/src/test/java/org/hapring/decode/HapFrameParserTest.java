package org.hapring.decode;

import static org.hapring.decode.HapFrames.SNAPPY;
import static org.hapring.decode.HapFrames.STORED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The parse-only layout reports headers, compressors and chunks as the frames were built. */
class HapFrameParserTest {
    private static final int W = 64;
    private static final int H = 48;

    private static HapFrameLayout parse(byte[] frame) throws HapFormatException {
        return HapFrameParser.parse(MemorySegment.ofArray(frame));
    }

    @Test
    void aStoredTextureWithA4ByteHeader() throws HapFormatException {
        byte[] texture = HapFrames.noiseTexture(TextureFormat.DXT1, W, H, 1);
        HapFrameLayout layout = parse(HapFrames.stored(TextureFormat.DXT1, texture, false));
        assertEquals(texture.length + 4, layout.frameBytes());
        assertEquals(0xAB, layout.topLevelType());
        assertEquals(4, layout.topLevelHeaderBytes());
        assertEquals(0, layout.trailingBytes());
        assertFalse(layout.multipleImages());
        HapFrameLayout.Plane p = layout.planes().getFirst();
        assertEquals(TextureFormat.DXT1, p.format());
        assertEquals(HapCompressor.NONE, p.compressor());
        assertEquals(4, p.sectionHeaderBytes());
        assertEquals(0, p.instructionsHeaderBytes());
        assertEquals(1, p.chunkCount());
        assertEquals(
                new HapFrameLayout.Chunk(HapCompressor.NONE, 4, texture.length, texture.length),
                p.chunks().getFirst());
        assertEquals(texture.length, layout.textureBytes());
        assertEquals(texture.length, layout.compressedBytes());
    }

    @Test
    void aSnappyTextureWithAn8ByteHeaderAndTrailingBytes() throws HapFormatException {
        byte[] texture = HapFrames.patternTexture(TextureFormat.DXT5, W, H, 2);
        byte[] section = HapFrames.snappyTexture(TextureFormat.DXT5, texture, true);
        HapFrameLayout layout = parse(HapFrames.concat(section, new byte[3]));
        assertEquals(0xBE, layout.topLevelType());
        assertEquals(8, layout.topLevelHeaderBytes());
        assertEquals(3, layout.trailingBytes());
        HapFrameLayout.Plane p = layout.planes().getFirst();
        assertEquals(HapCompressor.SNAPPY, p.compressor());
        assertEquals(
                new HapFrameLayout.Chunk(HapCompressor.SNAPPY, 8, section.length - 8, texture.length),
                p.chunks().getFirst());
        assertTrue(layout.compressedBytes() < layout.textureBytes());
    }

    @Test
    void aChunkedTextureReportsEveryLevelsHeaderAndEachChunk() throws HapFormatException {
        byte[] texture = HapFrames.patternTexture(TextureFormat.YCOCG_DXT5, W, H, 3);
        byte[] frame = HapFrames.chunked(TextureFormat.YCOCG_DXT5, texture)
                .split(3)
                .compressors(SNAPPY, STORED)
                .reverseData()
                .tableOrder(4, 2, 3)
                .longHeaders(true, false, true)
                .build();
        HapFrameLayout.Plane p = parse(frame).planes().getFirst();
        assertEquals(0xCF, p.sectionType());
        assertEquals(HapCompressor.CHUNKED, p.compressor());
        assertEquals(8, p.sectionHeaderBytes());
        assertEquals(4, p.instructionsHeaderBytes());
        assertEquals(8, p.compressorTableHeaderBytes());
        assertEquals(8, p.sizeTableHeaderBytes());
        assertEquals(8, p.offsetTableHeaderBytes());
        assertTrue(p.hasOffsetTable());
        assertEquals(3, p.chunkCount());
        int[] expectedSplit = {texture.length / 3, texture.length / 3, texture.length / 3};
        HapCompressor[] expectedCompressors = {HapCompressor.SNAPPY, HapCompressor.NONE, HapCompressor.SNAPPY};
        // data is stored in reverse: chunk 2 first, right after 8 + 4 + (8 + 12) * 2 + (8 + 3) header/table bytes
        long dataStart = 8 + 4 + 20 + 11 + 20;
        assertEquals(dataStart, p.chunks().get(2).offsetBytes());
        for (int i = 0; i < 3; i++) {
            HapFrameLayout.Chunk c = p.chunks().get(i);
            assertEquals(expectedCompressors[i], c.compressor(), "chunk " + i);
            assertEquals(expectedSplit[i], c.uncompressedBytes(), "chunk " + i);
        }
        HapFrameLayout.Chunk last = p.chunks().get(2);
        assertEquals(last.offsetBytes() + last.storedBytes(), p.chunks().get(1).offsetBytes());
        assertEquals(p.chunks().get(1).storedBytes(), expectedSplit[1], "a stored chunk stores its bytes as they are");
        assertEquals(
                frame.length,
                p.chunks().get(0).offsetBytes() + p.chunks().get(0).storedBytes());
        assertEquals(texture.length, p.textureBytes());
    }

    @Test
    void aMultipleImageFrameListsColourFirstAndRecordsTheStoredOrder() throws HapFormatException {
        byte[] colour = HapFrames.snappyTexture(
                TextureFormat.YCOCG_DXT5, HapFrames.patternTexture(TextureFormat.YCOCG_DXT5, W, H, 4), false);
        byte[] alpha = HapFrames.chunked(TextureFormat.BC4, HapFrames.noiseTexture(TextureFormat.BC4, W, H, 5))
                .split(2)
                .compressors(STORED)
                .build();
        HapFrameLayout layout = parse(HapFrames.multipleImages(true, alpha, colour));
        assertTrue(layout.multipleImages());
        assertEquals(0x0D, layout.topLevelType());
        assertEquals(8, layout.topLevelHeaderBytes());
        assertEquals(2, layout.planes().size());
        HapFrameLayout.Plane c = layout.planes().get(0);
        HapFrameLayout.Plane a = layout.planes().get(1);
        assertEquals(TextureFormat.YCOCG_DXT5, c.format());
        assertEquals(TextureFormat.BC4, a.format());
        assertEquals(8, a.sectionOffsetBytes());
        assertEquals(8 + alpha.length, c.sectionOffsetBytes());
        assertEquals(2, a.chunkCount());
        assertEquals(HapCompressor.CHUNKED, a.compressor());
        assertEquals(TextureFormat.BC4.textureBytes(W, H), a.textureBytes());
        assertEquals(
                TextureFormat.YCOCG_DXT5.textureBytes(W, H) + TextureFormat.BC4.textureBytes(W, H),
                layout.textureBytes());
    }

    @Test
    void parsingDoesNotReadPastTheSegment() {
        byte[] texture = HapFrames.patternTexture(TextureFormat.DXT1, W, H, 6);
        byte[] frame = HapFrames.chunked(TextureFormat.DXT1, texture).split(2).build();
        for (int length = 0; length < frame.length; length++) {
            MemorySegment prefix = MemorySegment.ofArray(Arrays.copyOf(frame, length));
            try {
                HapFrameParser.parse(prefix);
                throw new AssertionError("a " + length + "-byte prefix parsed");
            } catch (HapFormatException expected) {
                assertTrue(expected.frameOffsetBytes() <= length);
            }
        }
    }
}
