package org.hapring.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hapring.testing.TestBlockDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FrameStampTest {
    /** Sizes from the minimum (exactly 64 blocks) upward, including ones that are not multiples of 4. */
    private static final int[][] SIZES = {
        {256, 4}, {253, 1}, {4, 256}, {32, 32}, {64, 16}, {29, 32}, {33, 31}, {100, 60}, {98, 62}, {1920, 1080},
    };

    static Stream<Arguments> formatsAndSizes() {
        List<Arguments> args = new ArrayList<>();
        for (TextureFormat f : TextureFormat.values()) {
            for (int[] s : SIZES) {
                args.add(Arguments.of(f, s[0], s[1]));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("formatsAndSizes")
    void writtenStampReadsBackFromTextureAndFromDecodedPicture(TextureFormat f, int w, int h) {
        Random random = new Random(w * 31L + h + f.ordinal());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tex = arena.allocate(f.textureBytes(w, h));
            fillRandom(tex, random);
            for (long[] payload : new long[][] {
                {0, 0}, {65535, 0xFFFF_FFFFL}, {random.nextInt(65536), random.nextInt() & 0xFFFF_FFFFL}
            }) {
                int layer = (int) payload[0];
                long frame = payload[1];
                FrameStamp.write(tex, f, w, h, layer, frame);
                long stamp = FrameStamp.read(tex, f, w, h);
                assertEquals(FrameStamp.pack(layer, frame), stamp, "stamp read from the texture");
                assertEquals(layer, FrameStamp.layerId(stamp));
                assertEquals(frame, FrameStamp.frameNumber(stamp));
                byte[] rgba = decodeStampArea(tex, f, w, h);
                assertEquals(
                        stamp,
                        FrameStamp.readRgba(MemorySegment.ofArray(rgba), w, h),
                        "stamp read from the decoded picture");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TextureFormat.class)
    void everySingleFlippedBlockIsRejected(TextureFormat f) {
        int w = 64;
        int h = 16;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tex = arena.allocate(f.textureBytes(w, h));
            MemorySegment flipped = arena.allocate(tex.byteSize());
            long code = FrameStamp.code(1234, 987654321L);
            FrameStamp.write(tex, f, w, h, 1234, 987654321L);
            for (int bit = 0; bit < FrameStamp.BITS; bit++) {
                flipped.copyFrom(tex);
                SolidBlocks.write(flipped, FrameStamp.blockOffsetBytes(bit, f, w), f, !FrameStamp.bit(code, bit));
                assertEquals(FrameStamp.NONE, FrameStamp.read(flipped, f, w, h), "bit " + bit + " flipped");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TextureFormat.class)
    void blankAndRandomTexturesHaveNoStamp(TextureFormat f) {
        int w = 128;
        int h = 32;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tex = arena.allocate(f.textureBytes(w, h));
            assertEquals(FrameStamp.NONE, FrameStamp.read(tex, f, w, h), "all-zero texture");
            Random random = new Random(7);
            for (int i = 0; i < 50; i++) {
                fillRandom(tex, random);
                assertEquals(FrameStamp.NONE, FrameStamp.read(tex, f, w, h), "random texture " + i);
            }
        }
    }

    @Test
    void midGreyBlockIsNeitherBitAndSpoilsTheStamp() {
        TextureFormat f = TextureFormat.BC4;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tex = arena.allocate(f.textureBytes(256, 4));
            FrameStamp.write(tex, f, 256, 4, 5, 6);
            tex.set(ValueLayout.JAVA_BYTE, 8 * 10, (byte) 128);
            tex.set(ValueLayout.JAVA_BYTE, 8 * 10 + 1, (byte) 128);
            assertEquals(FrameStamp.NONE, FrameStamp.read(tex, f, 256, 4));
        }
    }

    @Test
    void codeLayoutIsMagicLayerFrameCrc() {
        long code = FrameStamp.code(0x1234, 0x89ABCDEFL);
        assertEquals(0xB5, code >>> 56);
        assertEquals(0x1234, (code >>> 40) & 0xFFFF);
        assertEquals(0x89ABCDEFL, (code >>> 8) & 0xFFFF_FFFFL);
        assertEquals(crc8ByPolynomialDivision(code >>> 8), code & 0xFF);
        assertTrue(FrameStamp.bit(code, 0), "bit 0 is the magic's top bit (1)");
        assertFalse(FrameStamp.bit(code, 1), "bit 1 is the magic's second bit (0)");
    }

    @Test
    void crcMatchesAnIndependentPolynomialDivision() {
        Random random = new Random(3);
        for (int i = 0; i < 1000; i++) {
            long head = random.nextLong() >>> 8;
            assertEquals(crc8ByPolynomialDivision(head), FrameStamp.crc8(head));
        }
    }

    @Test
    void minimumSizeIsSixtyFourBlocks() {
        assertTrue(FrameStamp.fits(256, 4));
        assertTrue(FrameStamp.fits(32, 32));
        assertTrue(FrameStamp.fits(29, 32), "8 x 8 blocks with a partial column");
        assertFalse(FrameStamp.fits(252, 4), "63 blocks");
        assertFalse(FrameStamp.fits(28, 36), "7 x 9 = 63 blocks");
        assertFalse(FrameStamp.fits(0, 100));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tex = arena.allocate(TextureFormat.DXT1.textureBytes(28, 36));
            assertThrows(IllegalArgumentException.class, () -> FrameStamp.write(tex, TextureFormat.DXT1, 28, 36, 1, 1));
            assertThrows(IllegalArgumentException.class, () -> FrameStamp.read(tex, TextureFormat.DXT1, 28, 36));
        }
    }

    @Test
    void rejectsOutOfRangePayloadAndShortTexture() {
        assertThrows(IllegalArgumentException.class, () -> FrameStamp.code(65536, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameStamp.code(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameStamp.code(0, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> FrameStamp.code(0, -1));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment tooSmall = arena.allocate(TextureFormat.DXT5.textureBytes(64, 16) - 1);
            assertThrows(
                    IllegalArgumentException.class, () -> FrameStamp.write(tooSmall, TextureFormat.DXT5, 64, 16, 1, 1));
        }
    }

    @Test
    void bitsWrapToTheNextBlockRowOnNarrowPictures() {
        assertEquals(0, FrameStamp.blockOffsetBytes(0, TextureFormat.DXT1, 32));
        assertEquals(7 * 8, FrameStamp.blockOffsetBytes(7, TextureFormat.DXT1, 32));
        assertEquals(
                8 * 8,
                FrameStamp.blockOffsetBytes(8, TextureFormat.DXT1, 32),
                "row 1, column 0 of an 8-block-wide picture");
        assertEquals(
                (1 * 8 + 1) * 16,
                FrameStamp.blockOffsetBytes(9, TextureFormat.BC7, 29),
                "29 px = 8 blocks: bit 9 at row 1, column 1");
        assertEquals(63 * 16, FrameStamp.blockOffsetBytes(63, TextureFormat.BC7, 1920));
    }

    /** The decoded picture of the stamp's 64 blocks (the rest stays black), via the test decoder. */
    private static byte[] decodeStampArea(MemorySegment tex, TextureFormat f, int w, int h) {
        byte[] rgba = new byte[w * h * 4];
        int across = TextureFormat.blocksAcross(w);
        for (int i = 0; i < FrameStamp.BITS; i++) {
            int bx = i % across;
            int by = i / across;
            {
                int[] px = TestBlockDecoder.decodeBlock(tex, ((long) by * across + bx) * f.blockBytes(), f);
                for (int t = 0; t < 16; t++) {
                    int x = bx * 4 + t % 4;
                    int y = by * 4 + t / 4;
                    if (x < w && y < h) {
                        for (int c = 0; c < 4; c++) {
                            rgba[(y * w + x) * 4 + c] = (byte) px[4 * t + c];
                        }
                    }
                }
            }
        }
        return rgba;
    }

    /** Random bytes over the whole texture. */
    private static void fillRandom(MemorySegment tex, Random random) {
        byte[] b = new byte[(int) tex.byteSize()];
        random.nextBytes(b);
        MemorySegment.copy(MemorySegment.ofArray(b), 0, tex, 0, b.length);
    }

    /** CRC-8 (x^8 + x^2 + x + 1) of 56 bits as the remainder of (head * x^8) mod the polynomial. */
    private static long crc8ByPolynomialDivision(long head) {
        BigInteger value = BigInteger.valueOf(head).shiftLeft(8);
        BigInteger poly = BigInteger.valueOf(0x107);
        for (int bit = value.bitLength() - 1; bit >= 8; bit--) {
            if (value.testBit(bit)) {
                value = value.xor(poly.shiftLeft(bit - 8));
            }
        }
        return value.longValueExact();
    }
}
