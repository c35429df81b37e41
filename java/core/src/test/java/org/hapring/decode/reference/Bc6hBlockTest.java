package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BC6H: every mode's transcribed bit layout is checked for completeness, and hand-written blocks are
 * checked against values worked out from the specification's pseudocode. Random blocks of every mode are
 * compared with Mesa's decoder in the render module's tests.
 */
class Bc6hBlockTest {
    private final Bc6hBlock bc6h = new Bc6hBlock();
    private final short[] half = new short[48];

    @Test
    void everyLayoutAssignsEachEndpointBitExactlyOnce() {
        List<int[]> layouts = Bc6hBlock.layoutsForTest();
        assertEquals(28, layouts.size());
        for (int m = 0; m < layouts.size(); m += 2) {
            int[] info = layouts.get(m);
            int[] moves = layouts.get(m + 1);
            int code = info[0];
            int partitionBits = info[2];
            int precision = info[3];
            assertEquals(partitionBits == 5 ? 77 : 65, moves.length, "header bits of mode " + code);
            int modeBits = 0;
            int[][] seen = new int[12][];
            for (int v = 0; v < 12; v++) {
                seen[v] = new int[16];
            }
            for (int move : moves) {
                if (move < 0) {
                    modeBits++;
                } else {
                    seen[move >>> 8][move & 0xFF]++;
                }
            }
            assertEquals(code < 2 ? 2 : 5, modeBits, "mode bits of mode " + code);
            int ends = partitionBits == 5 ? 4 : 2;
            for (int c = 0; c < 3; c++) {
                for (int e = 0; e < 4; e++) {
                    int width = e >= ends ? 0 : e == 0 ? precision : info[4 + c];
                    for (int bit = 0; bit < 16; bit++) {
                        assertEquals(
                                bit < width ? 1 : 0,
                                seen[c * 4 + e][bit],
                                "mode " + code + " " + "rgb".charAt(c) + e + "[" + bit + "]");
                    }
                }
            }
        }
    }

    @Test
    void reservedModesDecodeToZero() {
        Random random = new Random(3);
        for (int code : new int[] {19, 23, 27, 31}) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            b[0] = (byte) ((b[0] & ~0x1F) | code);
            MemorySegment block = MemorySegment.ofArray(b);
            assertEquals(-1, Bc6hBlock.modeCode(block, 0));
            bc6h.decodeHalf(block, 0, false, half);
            for (short h : half) {
                assertEquals(0, h);
            }
        }
    }

    @Test
    void mode3UnsignedFullRangeEndpoints() {
        // m = 00011, r0 g0 b0 = 1023, r1 g1 b1 = 0 (10 bits each), 63 index bits
        BitWriter w = new BitWriter()
                .put(3, 5)
                .put(1023, 10)
                .put(1023, 10)
                .put(1023, 10)
                .put(0, 30);
        int[] index = new int[16];
        for (int i = 0; i < 16; i++) {
            index[i] = i;
            w.put(i, i == 0 ? 3 : 4);
        }
        bc6h.decodeHalf(w.block(), 0, false, half);
        // unquantize: 1023 is the top value -> 0xFFFF, 0 -> 0; interpolate; finish x 31/64
        int[] weights = {0, 4, 9, 13, 17, 21, 26, 30, 34, 38, 43, 47, 51, 55, 60, 64};
        for (int i = 0; i < 16; i++) {
            int v = ((64 - weights[index[i]]) * 0xFFFF + 32) >> 6;
            int expected = v * 31 / 64;
            for (int c = 0; c < 3; c++) {
                assertEquals(expected, half[3 * i + c] & 0xFFFF, "pixel " + i);
            }
        }
        assertEquals(65504f, HalfFloat.toFloat(half[0]));
        assertEquals(0f, HalfFloat.toFloat(half[45]));
    }

    @Test
    void mode3SignedExtremesAreMinusAndPlusMaxHalf() {
        // r0 = -511 (0x201 as 10-bit two's complement), r1 = +511; all indices 0 except pixel 1 = 15
        BitWriter w = new BitWriter().put(3, 5).put(0x201, 10).put(0x201, 10).put(0x201, 10);
        w.put(511, 10).put(511, 10).put(511, 10).put(0, 3).put(15, 4).put(0, 56);
        bc6h.decodeHalf(w.block(), 0, true, half);
        assertEquals(-65504f, HalfFloat.toFloat(half[0]));
        assertEquals(65504f, HalfFloat.toFloat(half[3]));
        assertEquals(-65504f, HalfFloat.toFloat(half[47]));
    }

    @Test
    void mode15StoresTheTopEndpointBitsReversed() {
        // m = 01111; r0 = g0 = b0 = 0x8000: low 10 bits 0, then r0[10:15] whose FIRST bit is bit 15
        BitWriter w = new BitWriter().put(15, 5).put(0, 10).put(0, 10).put(0, 10);
        for (int c = 0; c < 3; c++) {
            w.put(0xF, 4); // delta -1 (4-bit two's complement)
            w.put(1, 1).put(0, 5); // bits 15, 14, 13, 12, 11, 10
        }
        w.put(0, 3).put(15, 4).put(0, 56);
        bc6h.decodeHalf(w.block(), 0, false, half);
        // precision 16: unquantized as is; e0 = 0x8000 -> 0x8000 * 31 / 64 = 0x3E00 (1.5)
        assertEquals(0x3E00, half[0] & 0xFFFF);
        assertEquals(1.5f, HalfFloat.toFloat(half[0]));
        // e1 = (0x8000 - 1) & 0xFFFF = 0x7FFF -> 0x7FFF * 31 / 64
        assertEquals(0x7FFF * 31 / 64, half[3] & 0xFFFF);
    }

    @Test
    void twoSubsetModeUsesThePartitionAndItsAnchor() {
        // mode 30 (not transformed, 6-bit endpoints): subset 0 = (0 .. 63), subset 1 = (63 .. 0); partition 13
        int[] moves = Bc6hBlock.layoutsForTest().get(2 * 9 + 1);
        assertEquals(30, Bc6hBlock.layoutsForTest().get(2 * 9)[0]);
        int[] values = {0, 63, 63, 0};
        long[] bits = new long[2];
        for (int i = 0; i < moves.length; i++) {
            int bit = moves[i] < 0 ? (30 >>> i) & 1 : (values[(moves[i] >>> 8) & 3] >>> (moves[i] & 0xFF)) & 1;
            bits[i / 64] |= (long) bit << (i % 64);
        }
        BitWriter w = new BitWriter().put(bits[0], 64).put(bits[1], 13).put(13, 5);
        for (int i = 0; i < 16; i++) {
            w.put(0, i == 0 || i == 15 ? 2 : 3);
        }
        bc6h.decodeHalf(w.block(), 0, false, half);
        for (int i = 0; i < 16; i++) {
            int expected = i < 8 ? 0 : 0xFFFF * 31 / 64;
            assertEquals(expected, half[3 * i] & 0xFFFF, "pixel " + i);
        }
        assertTrue(Bc6hBlock.modeCode(w.block(), 0) == 30);
    }
}
