package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/**
 * BC1, BC3 and BC4 blocks built by hand, checked against the formulas of the S3TC/RGTC descriptions
 * written out here (endpoints 0 and full scale, where every widening agrees, so the expected values do
 * not depend on FFmpeg's widening; that is checked against FFmpeg itself in CraftedBlocksFfmpegTest).
 */
class S3tcBlocksTest {
    private static final int RED = 0xF800;
    private static final int BLUE = 0x001F;
    private static final int WHITE = 0xFFFF;

    @Test
    void bc1FourColourModeInterpolatesTwoThirdsTruncated() {
        int[] px = new int[16];
        Bc1Block.decode(block8(RED, BLUE, 0xE4E4E4E4), 0, px);
        // indices per row: 0, 1, 2, 3
        assertPixel(px[0], 255, 0, 0, 255);
        assertPixel(px[1], 0, 0, 255, 255);
        assertPixel(px[2], 510 / 3, 0, 255 / 3, 255);
        assertPixel(px[3], 255 / 3, 0, 510 / 3, 255);
        assertEquals(px[0], px[12]);
        assertEquals(px[3], px[15]);
    }

    @Test
    void bc1ThreeColourModeHasHalfwayColourAndBlack() {
        int[] px = new int[16];
        // colour0 <= colour1 selects three colours
        Bc1Block.decode(block8(BLUE, WHITE, 0xE4E4E4E4), 0, px);
        assertPixel(px[0], 0, 0, 255, 255);
        assertPixel(px[1], 255, 255, 255, 255);
        assertPixel(px[2], 255 / 2, 255 / 2, 255, 255);
        assertPixel(px[3], 0, 0, 0, 255);

        Bc1Block.decodePunchThrough(block8(BLUE, WHITE, 0xE4E4E4E4), 0, px);
        assertPixel(px[3], 0, 0, 0, 0);
        assertPixel(px[2], 255 / 2, 255 / 2, 255, 255);
    }

    @Test
    void bc1EqualEndpointsAreThreeColourMode() {
        int[] px = new int[16];
        Bc1Block.decodePunchThrough(block8(RED, RED, 0xFFFFFFFF), 0, px);
        for (int p : px) {
            assertPixel(p, 0, 0, 0, 0);
        }
    }

    @Test
    void bc4EightValueAndSixValueModes() {
        int[] v = new int[16];
        Bc4Block.decode(bc4(200, 10), 0, v);
        for (int i = 0; i < 16; i++) {
            int code = i % 8;
            int expected =
                    code == 0 ? 200 : code == 1 ? 10 : (int) Math.floor(((8 - code) * 200 + (code - 1) * 10) / 7.0);
            assertEquals(expected, v[i], "8-value code " + code);
        }
        Bc4Block.decode(bc4(10, 200), 0, v);
        for (int i = 0; i < 16; i++) {
            int code = i % 8;
            int expected = switch (code) {
                case 0 -> 10;
                case 1 -> 200;
                case 6 -> 0;
                case 7 -> 255;
                default -> (int) Math.floor(((6 - code) * 10 + (code - 1) * 200) / 5.0);
            };
            assertEquals(expected, v[i], "6-value code " + code);
        }
    }

    @Test
    void bc3AlwaysHasFourColoursAndTakesAlphaFromItsBc4Half() {
        byte[] b = new byte[16];
        MemorySegment alpha = bc4(10, 200);
        MemorySegment.copy(alpha, 0, MemorySegment.ofArray(b), 0, 8);
        MemorySegment.copy(block8(BLUE, WHITE, 0xE4E4E4E4), 0, MemorySegment.ofArray(b), 8, 8);
        int[] px = new int[16];
        new Bc3Block().decode(MemorySegment.ofArray(b), 0, px);
        // colour0 < colour1, yet index 2 is the 2/3 mix, not the half mix, and index 3 is not black
        assertPixel(px[2], 255 / 3, 255 / 3, 255, (int) Math.floor((4 * 10 + 200) / 5.0));
        assertPixel(px[3], 510 / 3, 510 / 3, 255, (int) Math.floor((3 * 10 + 2 * 200) / 5.0));
        assertEquals(0, px[6] >>> 24);
        assertEquals(255, px[7] >>> 24);
    }

    static MemorySegment block8(int colour0, int colour1, int indices) {
        long v = colour0 | (long) colour1 << 16 | (indices & 0xFFFFFFFFL) << 32;
        return le64(v);
    }

    /** A BC4 block whose pixel i has code i % 8. */
    static MemorySegment bc4(int r0, int r1) {
        long indices = 0;
        for (int i = 0; i < 16; i++) {
            indices |= (long) (i % 8) << (3 * i);
        }
        return le64(r0 | (long) r1 << 8 | indices << 16);
    }

    private static MemorySegment le64(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return MemorySegment.ofArray(b);
    }

    static void assertPixel(int packed, int r, int g, int b, int a) {
        assertEquals(
                String.format("RGBA(%d,%d,%d,%d)", r, g, b, a),
                String.format(
                        "RGBA(%d,%d,%d,%d)",
                        packed & 0xFF, (packed >>> 8) & 0xFF, (packed >>> 16) & 0xFF, packed >>> 24));
    }
}
