package org.hapring.decode.reference;

import static org.hapring.decode.reference.S3tcBlocksTest.assertPixel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.MemorySegment;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * BC7 blocks written field by field from the specification's Table.M (bit order, p-bits, anchors,
 * index selection, rotation) with expected colours worked out here. Every mode against random data is
 * compared with Mesa's decoder in the render module's tests.
 */
class Bc7BlockTest {
    /** The specification's interpolation weights, written out again. */
    private static final int[] W2 = {0, 21, 43, 64};

    private static final int[] W3 = {0, 9, 18, 27, 37, 46, 55, 64};
    private static final int[] W4 = {0, 4, 9, 13, 17, 21, 26, 30, 34, 38, 43, 47, 51, 55, 60, 64};

    private final Bc7Block bc7 = new Bc7Block();
    private final int[] px = new int[16];

    @Test
    void reservedModeDecodesToZeros() {
        byte[] b = new byte[16];
        new Random(1).nextBytes(b);
        b[0] = 0;
        bc7.decode(MemorySegment.ofArray(b), 0, px);
        for (int p : px) {
            assertEquals(0, p);
        }
        assertEquals(8, Bc7Block.mode(MemorySegment.ofArray(b), 0));
    }

    @Test
    void mode6EndpointsWithPBitsAndFourBitIndices() {
        // R0 R1 G0 G1 B0 B1 A0 A1 (7 bits each), p0, p1, then 16 indices (anchor 3 bits)
        BitWriter w = new BitWriter().put(1 << 6, 7);
        w.put(0, 7)
                .put(0x7F, 7)
                .put(0x10, 7)
                .put(0x50, 7)
                .put(0x7F, 7)
                .put(0, 7)
                .put(0x7F, 7)
                .put(0x7F, 7);
        w.put(0, 1).put(1, 1);
        w.put(0, 3);
        for (int i = 1; i < 16; i++) {
            w.put(i, 4);
        }
        bc7.decode(w.block(), 0, px);
        int r0 = 0;
        int r1 = 0x7F << 1 | 1;
        int g0 = 0x10 << 1;
        int g1 = 0x50 << 1 | 1;
        int b0 = 0x7F << 1;
        int b1 = 1;
        int a0 = 0x7F << 1;
        int a1 = 0x7F << 1 | 1;
        for (int i = 0; i < 16; i++) {
            int wt = W4[i];
            assertPixel(px[i], mix(r0, r1, wt), mix(g0, g1, wt), mix(b0, b1, wt), mix(a0, a1, wt));
        }
    }

    @Test
    void mode5RotationSwapsAlphaWithAChannel() {
        for (int rotation = 0; rotation < 4; rotation++) {
            // rotation(2); R0 R1 G0 G1 B0 B1 (7 bits); A0 A1 (8 bits); 31 + 31 index bits
            BitWriter w = new BitWriter().put(1 << 5, 6).put(rotation, 2);
            w.put(0x40, 7)
                    .put(0x40, 7)
                    .put(0x20, 7)
                    .put(0x20, 7)
                    .put(0x10, 7)
                    .put(0x10, 7)
                    .put(0x33, 8)
                    .put(0x33, 8);
            w.put(0, 62);
            bc7.decode(w.block(), 0, px);
            int r = Bc7Block.widen(0x40, 7);
            int g = Bc7Block.widen(0x20, 7);
            int b = Bc7Block.widen(0x10, 7);
            int a = 0x33;
            int[][] expect = {{r, g, b, a}, {a, g, b, r}, {r, a, b, g}, {r, g, a, b}};
            assertPixel(px[5], expect[rotation][0], expect[rotation][1], expect[rotation][2], expect[rotation][3]);
        }
    }

    @Test
    void mode4IndexSelectionSwapsWhichIndicesColourAndAlphaUse() {
        for (int selection = 0; selection < 2; selection++) {
            // rotation 0, isb; R0 R1 G0 G1 B0 B1 (5 bits); A0 A1 (6 bits); 31 primary (2-bit), 47 secondary (3-bit)
            BitWriter w = new BitWriter().put(1 << 4, 5).put(0, 2).put(selection, 1);
            w.put(0, 5)
                    .put(31, 5)
                    .put(0, 5)
                    .put(31, 5)
                    .put(31, 5)
                    .put(0, 5)
                    .put(0, 6)
                    .put(63, 6);
            w.put(1, 1);
            for (int i = 1; i < 16; i++) {
                w.put(1, 2);
            }
            w.put(3, 2);
            for (int i = 1; i < 16; i++) {
                w.put(3, 3);
            }
            bc7.decode(w.block(), 0, px);
            int colourWeight = selection == 0 ? W2[1] : W3[3];
            int alphaWeight = selection == 0 ? W3[3] : W2[1];
            for (int i = 0; i < 16; i++) {
                assertPixel(
                        px[i],
                        mix(0, 255, colourWeight),
                        mix(0, 255, colourWeight),
                        mix(255, 0, colourWeight),
                        mix(0, 255, alphaWeight));
            }
        }
    }

    @Test
    void mode1TwoSubsetsSharedPBitsAndAnchorOfSubsetOne() {
        // partition 13: top two rows subset 0, bottom two subset 1; its second anchor is pixel 15
        int partition = 13;
        String shape = "0000000011111111";
        BitWriter w = new BitWriter().put(1 << 1, 2).put(partition, 6);
        int[] subset0 = {0, 63};
        int[] subset1 = {63, 0};
        for (int c = 0; c < 3; c++) {
            w.put(subset0[0], 6).put(subset0[1], 6).put(subset1[0], 6).put(subset1[1], 6);
        }
        w.put(0, 1).put(1, 1);
        int[] index = new int[16];
        for (int i = 0; i < 16; i++) {
            index[i] = (i * 5) % (i == 0 || i == 15 ? 4 : 8);
            w.put(index[i], i == 0 || i == 15 ? 2 : 3);
        }
        bc7.decode(w.block(), 0, px);
        for (int i = 0; i < 16; i++) {
            int[] e = shape.charAt(i) == '0' ? new int[] {0, 63 << 1} : new int[] {63 << 1 | 1, 1};
            int v = mix(Bc7Block.widen(e[0], 7), Bc7Block.widen(e[1], 7), W3[index[i]]);
            assertPixel(px[i], v, v, v, 255);
        }
    }

    @Test
    void mode0ThreeSubsetsWithTheirAnchors() {
        // partition 9: row 0 subset 0, rows 1-2 subset 1, row 3 subset 2; anchors 0, 8 and 15
        int partition = 9;
        String shape = "0000111111112222";
        BitWriter w = new BitWriter().put(1, 1).put(partition, 4);
        int[] ends = {0, 15, 15, 0, 5, 10};
        for (int c = 0; c < 3; c++) {
            for (int e : ends) {
                w.put(e, 4);
            }
        }
        int[] p = {0, 1, 1, 0, 1, 1};
        for (int bit : p) {
            w.put(bit, 1);
        }
        int[] index = new int[16];
        for (int i = 0; i < 16; i++) {
            boolean anchor = i == 0 || i == 8 || i == 15;
            index[i] = (i * 3 + 1) % (anchor ? 4 : 8);
            w.put(index[i], anchor ? 2 : 3);
        }
        bc7.decode(w.block(), 0, px);
        for (int i = 0; i < 16; i++) {
            int s = shape.charAt(i) - '0';
            int e0 = Bc7Block.widen(ends[2 * s] << 1 | p[2 * s], 5);
            int e1 = Bc7Block.widen(ends[2 * s + 1] << 1 | p[2 * s + 1], 5);
            int v = mix(e0, e1, W3[index[i]]);
            assertPixel(px[i], v, v, v, 255);
        }
    }

    @Test
    void anchorsLieInTheirSubsets() {
        for (int p = 0; p < 64; p++) {
            assertEquals(1, BptcTables.SUBSETS[2][p * 16 + BptcTables.ANCHOR_2_OF_2[p]], "P2 partition " + p);
            assertEquals(1, BptcTables.SUBSETS[3][p * 16 + BptcTables.ANCHOR_2_OF_3[p]], "P3 partition " + p);
            assertEquals(2, BptcTables.SUBSETS[3][p * 16 + BptcTables.ANCHOR_3_OF_3[p]], "P3 partition " + p);
        }
    }

    private static int mix(int e0, int e1, int weight) {
        return ((64 - weight) * e0 + weight * e1 + 32) >> 6;
    }
}
