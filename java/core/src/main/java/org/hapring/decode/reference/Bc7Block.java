package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Decodes one 16-byte BC7 (BPTC UNORM) block into 16 RGBA pixels, following the OpenGL
 * ARB_texture_compression_bptc specification (all integer; there is nothing to round differently).
 *
 * <p>The mode is the number of zero bits below the lowest set bit of byte 0; a block whose byte 0 is zero
 * is reserved and decodes to zeros in all four channels (as Direct3D specifies and Mesa does). Then come,
 * per Table.M: partition, rotation, index selection, colour endpoints (R of every endpoint, then G, then
 * B), alpha endpoints, per-endpoint or shared p-bits, primary and secondary indices. The anchor pixel of
 * each subset has one index bit less. Endpoints are widened to 8 bits by repeating their top bits;
 * interpolation is {@code ((64 - w) * e0 + w * e1 + 32) >> 6}; rotation then swaps alpha with R, G or B.
 *
 * <p>Pixels are packed as {@code R | G << 8 | B << 16 | A << 24}.
 *
 * <p>Not thread-safe (holds scratch state): one instance per decoding thread.
 */
public final class Bc7Block {
    /** Table.M columns per mode: NS PB RB ISB CB AB EPB SPB IB IB2. */
    private static final int[][] MODES = {
        {3, 4, 0, 0, 4, 0, 1, 0, 3, 0},
        {2, 6, 0, 0, 6, 0, 0, 1, 3, 0},
        {3, 6, 0, 0, 5, 0, 0, 0, 2, 0},
        {2, 6, 0, 0, 7, 0, 1, 0, 2, 0},
        {1, 0, 2, 1, 5, 6, 0, 0, 2, 3},
        {1, 0, 2, 0, 7, 8, 0, 0, 2, 2},
        {1, 0, 0, 0, 7, 7, 1, 0, 4, 0},
        {2, 6, 0, 0, 5, 5, 1, 0, 2, 0},
    };

    private final BlockBits bits = new BlockBits();
    /** endpoints[(subset * 2 + end) * 4 + channel], channel 0..3 = R, G, B, A. */
    private final int[] endpoints = new int[3 * 2 * 4];

    private final int[] primary = new int[16];
    private final int[] secondary = new int[16];

    /** The mode of the block at {@code offsetBytes} (0..7), or 8 for the reserved encoding. */
    public static int mode(MemorySegment texture, long offsetBytes) {
        int b0 = texture.get(ValueLayout.JAVA_BYTE, offsetBytes) & 0xFF;
        return b0 == 0 ? 8 : Integer.numberOfTrailingZeros(b0);
    }

    /** Decodes the block at {@code offsetBytes} into {@code rgba16}. */
    public void decode(MemorySegment texture, long offsetBytes, int[] rgba16) {
        int mode = mode(texture, offsetBytes);
        if (mode == 8) {
            Arrays.fill(rgba16, 0, 16, 0);
            return;
        }
        int[] m = MODES[mode];
        int subsets = m[0];
        int colourBits = m[4];
        int alphaBits = m[5];
        boolean endpointPBits = m[6] != 0;
        boolean sharedPBits = m[7] != 0;
        int indexBits = m[8];
        int secondaryBits = m[9];

        bits.load(texture, offsetBytes);
        bits.skip(mode + 1);
        int partition = bits.read(m[1]);
        int rotation = bits.read(m[2]);
        int indexSelection = bits.read(m[3]);
        int ends = subsets * 2;
        for (int c = 0; c < 3; c++) {
            for (int e = 0; e < ends; e++) {
                endpoints[e * 4 + c] = bits.read(colourBits);
            }
        }
        for (int e = 0; e < ends; e++) {
            endpoints[e * 4 + 3] = bits.read(alphaBits);
        }
        int pBits = 0;
        if (endpointPBits) {
            for (int e = 0; e < ends; e++) {
                addPBit(e, bits.read(1), alphaBits);
            }
            pBits = 1;
        } else if (sharedPBits) {
            for (int s = 0; s < subsets; s++) {
                int p = bits.read(1);
                addPBit(2 * s, p, alphaBits);
                addPBit(2 * s + 1, p, alphaBits);
            }
            pBits = 1;
        }
        for (int e = 0; e < ends; e++) {
            for (int c = 0; c < 3; c++) {
                endpoints[e * 4 + c] = widen(endpoints[e * 4 + c], colourBits + pBits);
            }
            endpoints[e * 4 + 3] = alphaBits == 0 ? 255 : widen(endpoints[e * 4 + 3], alphaBits + pBits);
        }
        readIndices(primary, indexBits, subsets, partition);
        if (secondaryBits > 0) {
            readIndices(secondary, secondaryBits, 1, 0);
        }

        int[] colourIndex = secondaryBits > 0 && indexSelection == 1 ? secondary : primary;
        int[] alphaIndex = secondaryBits > 0 && indexSelection == 0 ? secondary : primary;
        int[] colourWeights = BptcTables.WEIGHTS[colourIndex == primary ? indexBits : secondaryBits];
        int[] alphaWeights = BptcTables.WEIGHTS[alphaIndex == primary ? indexBits : secondaryBits];
        byte[] subsetOf = BptcTables.SUBSETS[subsets];
        for (int i = 0; i < 16; i++) {
            int e0 = subsetOf[partition * 16 + i] * 8;
            int e1 = e0 + 4;
            int wc = colourWeights[colourIndex[i]];
            int wa = alphaWeights[alphaIndex[i]];
            int r = BptcTables.interpolate(endpoints[e0], endpoints[e1], wc);
            int g = BptcTables.interpolate(endpoints[e0 + 1], endpoints[e1 + 1], wc);
            int b = BptcTables.interpolate(endpoints[e0 + 2], endpoints[e1 + 2], wc);
            int a = BptcTables.interpolate(endpoints[e0 + 3], endpoints[e1 + 3], wa);
            rgba16[i] = switch (rotation) {
                case 1 -> Bc1Block.pack(a, g, b, r);
                case 2 -> Bc1Block.pack(r, a, b, g);
                case 3 -> Bc1Block.pack(r, g, a, b);
                default -> Bc1Block.pack(r, g, b, a);
            };
        }
    }

    private void addPBit(int end, int p, int alphaBits) {
        for (int c = 0; c < (alphaBits > 0 ? 4 : 3); c++) {
            endpoints[end * 4 + c] = endpoints[end * 4 + c] << 1 | p;
        }
    }

    private void readIndices(int[] out, int indexBits, int subsets, int partition) {
        for (int i = 0; i < 16; i++) {
            out[i] = bits.read(BptcTables.isAnchor(subsets, partition, i) ? indexBits - 1 : indexBits);
        }
    }

    /** Widens an n-bit value (4 &lt;= n &lt;= 8) to 8 bits by repeating its top bits below it. */
    static int widen(int value, int valueBits) {
        return (value << (8 - valueBits) | value >> (2 * valueBits - 8)) & 0xFF;
    }
}
