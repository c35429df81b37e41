package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes one 16-byte BC6H (BPTC float) block, unsigned or signed, into 16 RGB half floats, following the
 * OpenGL ARB_texture_compression_bptc specification.
 *
 * <p>The mode is the low 2 bits when they are 0 or 1, else the low 5 bits; modes 19, 23, 27 and 31 are
 * reserved and decode to (0, 0, 0). Each mode's bit layout is its Table.F format string, copied verbatim
 * below and parsed once: {@code v[a:b]} moves block bits, lowest first, into bits b, b&plusmn;1 .. a of v
 * (so {@code r0[10:15]} fills bit 15 first: reversed). Endpoints: e0 = (r0, g0, b0) is sign-extended for
 * the signed format; the others are sign-extended at their stored width when the format is signed or the
 * mode is transformed; a transformed mode adds e0 to them, wrapped to the endpoint precision (and
 * sign-extended again when signed). Unquantisation, interpolation {@code ((64 - w) * a + w * b + 32) >> 6}
 * and the final scaling (x 31/64 unsigned; sign-magnitude x 31/32 signed) follow the specification's
 * pseudocode, giving IEEE half-float bit patterns.
 *
 * <p>Not thread-safe (holds scratch state): one instance per decoding thread.
 */
public final class Bc6hBlock {
    /** One Table.F field: variable (m, or r/g/b with endpoint 0..3), then v[a] or v[a:b]. */
    private static final Pattern FIELD = Pattern.compile("([mrgb])([0-3]?)\\[(\\d+)(?::(\\d+))?]");

    /** Table.MF and Table.F: mode, transformed, partition bits, endpoint bits, delta bits R G B, format. */
    private static final Mode[] MODES = {
        mode(
                0,
                true,
                5,
                10,
                5,
                5,
                5,
                "m[1:0],g2[4],b2[4],b3[4],r0[9:0],g0[9:0],b0[9:0],r1[4:0],g3[4],g2[3:0],"
                        + "g1[4:0],b3[0],g3[3:0],b1[4:0],b3[1],b2[3:0],r2[4:0],b3[2],r3[4:0],b3[3]"),
        mode(
                1,
                true,
                5,
                7,
                6,
                6,
                6,
                "m[1:0],g2[5],g3[4],g3[5],r0[6:0],b3[0],b3[1],b2[4],g0[6:0],b2[5],b3[2],"
                        + "g2[4],b0[6:0],b3[3],b3[5],b3[4],r1[5:0],g2[3:0],g1[5:0],g3[3:0],b1[5:0],"
                        + "b2[3:0],r2[5:0],r3[5:0]"),
        mode(
                2,
                true,
                5,
                11,
                5,
                4,
                4,
                "m[4:0],r0[9:0],g0[9:0],b0[9:0],r1[4:0],r0[10],g2[3:0],g1[3:0],g0[10],"
                        + "b3[0],g3[3:0],b1[3:0],b0[10],b3[1],b2[3:0],r2[4:0],b3[2],r3[4:0],b3[3]"),
        mode(
                6,
                true,
                5,
                11,
                4,
                5,
                4,
                "m[4:0],r0[9:0],g0[9:0],b0[9:0],r1[3:0],r0[10],g3[4],g2[3:0],g1[4:0],"
                        + "g0[10],g3[3:0],b1[3:0],b0[10],b3[1],b2[3:0],r2[3:0],b3[0],b3[2],r3[3:0],"
                        + "g2[4],b3[3]"),
        mode(
                10,
                true,
                5,
                11,
                4,
                4,
                5,
                "m[4:0],r0[9:0],g0[9:0],b0[9:0],r1[3:0],r0[10],b2[4],g2[3:0],g1[3:0],"
                        + "g0[10],b3[0],g3[3:0],b1[4:0],b0[10],b2[3:0],r2[3:0],b3[1],b3[2],r3[3:0],"
                        + "b3[4],b3[3]"),
        mode(
                14,
                true,
                5,
                9,
                5,
                5,
                5,
                "m[4:0],r0[8:0],b2[4],g0[8:0],g2[4],b0[8:0],b3[4],r1[4:0],g3[4],g2[3:0],"
                        + "g1[4:0],b3[0],g3[3:0],b1[4:0],b3[1],b2[3:0],r2[4:0],b3[2],r3[4:0],b3[3]"),
        mode(
                18,
                true,
                5,
                8,
                6,
                5,
                5,
                "m[4:0],r0[7:0],g3[4],b2[4],g0[7:0],b3[2],g2[4],b0[7:0],b3[3],b3[4],"
                        + "r1[5:0],g2[3:0],g1[4:0],b3[0],g3[3:0],b1[4:0],b3[1],b2[3:0],r2[5:0],"
                        + "r3[5:0]"),
        mode(
                22,
                true,
                5,
                8,
                5,
                6,
                5,
                "m[4:0],r0[7:0],b3[0],b2[4],g0[7:0],g2[5],g2[4],b0[7:0],g3[5],b3[4],"
                        + "r1[4:0],g3[4],g2[3:0],g1[5:0],g3[3:0],b1[4:0],b3[1],b2[3:0],r2[4:0],"
                        + "b3[2],r3[4:0],b3[3]"),
        mode(
                26,
                true,
                5,
                8,
                5,
                5,
                6,
                "m[4:0],r0[7:0],b3[1],b2[4],g0[7:0],b2[5],g2[4],b0[7:0],b3[5],b3[4],"
                        + "r1[4:0],g3[4],g2[3:0],g1[4:0],b3[0],g3[3:0],b1[5:0],b2[3:0],r2[4:0],"
                        + "b3[2],r3[4:0],b3[3]"),
        mode(
                30,
                false,
                5,
                6,
                6,
                6,
                6,
                "m[4:0],r0[5:0],g3[4],b3[0],b3[1],b2[4],g0[5:0],g2[5],b2[5],b3[2],"
                        + "g2[4],b0[5:0],g3[5],b3[3],b3[5],b3[4],r1[5:0],g2[3:0],g1[5:0],g3[3:0],"
                        + "b1[5:0],b2[3:0],r2[5:0],r3[5:0]"),
        mode(3, false, 0, 10, 10, 10, 10, "m[4:0],r0[9:0],g0[9:0],b0[9:0],r1[9:0],g1[9:0],b1[9:0]"),
        mode(
                7,
                true,
                0,
                11,
                9,
                9,
                9,
                "m[4:0],r0[9:0],g0[9:0],b0[9:0],r1[8:0],r0[10],g1[8:0],g0[10],b1[8:0]," + "b0[10]"),
        mode(
                11,
                true,
                0,
                12,
                8,
                8,
                8,
                "m[4:0],r0[9:0],g0[9:0],b0[9:0],r1[7:0],r0[10:11],g1[7:0],g0[10:11]," + "b1[7:0],b0[10:11]"),
        mode(
                15,
                true,
                0,
                16,
                4,
                4,
                4,
                "m[4:0],r0[9:0],g0[9:0],b0[9:0],r1[3:0],r0[10:15],g1[3:0],g0[10:15]," + "b1[3:0],b0[10:15]"),
    };

    /** MODE_BY_CODE[low 5 bits] = the mode, or null when reserved. */
    private static final Mode[] MODE_BY_CODE = new Mode[32];

    static {
        for (Mode m : MODES) {
            if (m.code < 2) {
                for (int high = 0; high < 8; high++) {
                    MODE_BY_CODE[high << 2 | m.code] = m;
                }
            } else {
                MODE_BY_CODE[m.code] = m;
            }
        }
    }

    private final BlockBits bits = new BlockBits();
    /** values[channel * 4 + endpoint]: r0..r3, g0..g3, b0..b3. */
    private final int[] values = new int[12];

    private final int[] indices = new int[16];

    /**
     * Decodes the block at {@code offsetBytes} into {@code rgbHalf48} (R, G, B half-float bit patterns per
     * pixel, pixels in x-major order).
     */
    public void decodeHalf(MemorySegment texture, long offsetBytes, boolean signed, short[] rgbHalf48) {
        bits.load(texture, offsetBytes);
        Mode mode = MODE_BY_CODE[bits.at(0, 2) < 2 ? bits.at(0, 2) : bits.at(0, 5)];
        if (mode == null) {
            Arrays.fill(rgbHalf48, 0, 48, (short) 0);
            return;
        }
        Arrays.fill(values, 0);
        int[] moves = mode.moves;
        for (int i = 0; i < moves.length; i++) {
            int move = moves[i];
            if (move >= 0) {
                values[move >>> 8] |= bits.at(i, 1) << (move & 0xFF);
            }
        }
        int subsets = mode.partitionBits == 0 ? 1 : 2;
        bits.seek(moves.length);
        int partition = bits.read(mode.partitionBits);
        int indexBits = subsets == 1 ? 4 : 3;
        for (int i = 0; i < 16; i++) {
            indices[i] = bits.read(BptcTables.isAnchor(subsets, partition, i) ? indexBits - 1 : indexBits);
        }
        int precision = mode.endpointBits;
        int mask = (1 << precision) - 1;
        for (int c = 0; c < 3; c++) {
            int base = c * 4;
            if (signed) {
                values[base] = signExtend(values[base], precision);
            }
            for (int e = 1; e < subsets * 2; e++) {
                int v = values[base + e];
                if (signed || mode.transformed) {
                    v = signExtend(v, mode.deltaBits[c]);
                }
                if (mode.transformed) {
                    v = (values[base] + v) & mask;
                    if (signed) {
                        v = signExtend(v, precision);
                    }
                }
                values[base + e] = v;
            }
            for (int e = 0; e < subsets * 2; e++) {
                values[base + e] = signed
                        ? unquantizeSigned(values[base + e], precision)
                        : unquantizeUnsigned(values[base + e], precision);
            }
        }
        int[] weights = BptcTables.WEIGHTS[indexBits];
        byte[] subsetOf = BptcTables.SUBSETS[subsets];
        for (int i = 0; i < 16; i++) {
            int e0 = subsetOf[partition * 16 + i] * 2;
            int w = weights[indices[i]];
            for (int c = 0; c < 3; c++) {
                int v = BptcTables.interpolate(values[c * 4 + e0], values[c * 4 + e0 + 1], w);
                rgbHalf48[i * 3 + c] = (short) (signed ? finishSigned(v) : finishUnsigned(v));
            }
        }
    }

    /** The mode code (Table.MF "MN") of the block at {@code offsetBytes}, or -1 when reserved. */
    public static int modeCode(MemorySegment texture, long offsetBytes) {
        int low5 = (int) (texture.get(BlockBits.LE64, offsetBytes) & 0x1F);
        Mode m = MODE_BY_CODE[(low5 & 3) < 2 ? low5 & 3 : low5];
        return m == null ? -1 : m.code;
    }

    static int unquantizeUnsigned(int x, int precision) {
        if (precision >= 15) {
            return x;
        }
        if (x == 0) {
            return 0;
        }
        if (x == (1 << precision) - 1) {
            return 0xFFFF;
        }
        return ((x << 15) + 0x4000) >> (precision - 1);
    }

    static int unquantizeSigned(int x, int precision) {
        if (precision >= 16) {
            return x;
        }
        boolean negative = x < 0;
        int magnitude = Math.abs(x);
        int unq;
        if (magnitude == 0) {
            unq = 0;
        } else if (magnitude >= (1 << (precision - 1)) - 1) {
            unq = 0x7FFF;
        } else {
            unq = ((magnitude << 15) + 0x4000) >> (precision - 1);
        }
        return negative ? -unq : unq;
    }

    static int finishUnsigned(int v) {
        return (v * 31) >> 6;
    }

    static int finishSigned(int v) {
        return v < 0 ? ((-v * 31) >> 5) | 0x8000 : (v * 31) >> 5;
    }

    static int signExtend(int v, int bits) {
        return (v << (32 - bits)) >> (32 - bits);
    }

    /** The bits each mode assigns, for tests: moves[blockBit] = variable << 8 | bit, or -1 for mode bits. */
    static List<int[]> layoutsForTest() {
        List<int[]> out = new ArrayList<>();
        for (Mode m : MODES) {
            out.add(new int[] {
                m.code,
                m.transformed ? 1 : 0,
                m.partitionBits,
                m.endpointBits,
                m.deltaBits[0],
                m.deltaBits[1],
                m.deltaBits[2]
            });
            out.add(m.moves.clone());
        }
        return out;
    }

    private record Mode(
            int code, boolean transformed, int partitionBits, int endpointBits, int[] deltaBits, int[] moves) {}

    private static Mode mode(
            int code,
            boolean transformed,
            int partitionBits,
            int endpointBits,
            int deltaR,
            int deltaG,
            int deltaB,
            String format) {
        List<Integer> moves = new ArrayList<>();
        for (String field : format.split(",")) {
            Matcher f = FIELD.matcher(field.trim());
            if (!f.matches()) {
                throw new IllegalStateException("bad BC6H layout field '" + field + "' in mode " + code);
            }
            // v[a:b]: the first block bit goes to bit b, the next towards a (a < b: reversed order)
            int a = Integer.parseInt(f.group(3));
            int b0 = f.group(4) == null ? a : Integer.parseInt(f.group(4));
            int step = a >= b0 ? 1 : -1;
            for (int b = b0; ; b += step) {
                if (f.group(1).equals("m")) {
                    moves.add(-1);
                } else {
                    int channel = "rgb".indexOf(f.group(1));
                    moves.add((channel * 4 + Integer.parseInt(f.group(2))) << 8 | b);
                }
                if (b == a) {
                    break;
                }
            }
        }
        return new Mode(
                code,
                transformed,
                partitionBits,
                endpointBits,
                new int[] {deltaR, deltaG, deltaB},
                moves.stream().mapToInt(Integer::intValue).toArray());
    }
}
