package org.hapring.write.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Random;
import org.hapring.decode.TextureFormat;
import org.hapring.testing.TestBlockDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Encodes pictures with each block encoder, decodes them with the independent test decoder and
 * bounds the error. The bars are quality floors a working encoder of that format meets on smooth
 * and hard-edged content (a broken endpoint or index choice lands far above them).
 */
class BlockEncodersTest {
    private static final int W = 64;
    private static final int H = 64;
    private static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Gradients in every channel, a hard diagonal edge and flat patches: the kinds of blocks a test card has. */
    static int picture(int x, int y) {
        int r;
        int g;
        int b;
        if (x + y > 60 && x + y < 68) {
            r = 250;
            g = 30;
            b = 60;
        } else if (y >= 48) {
            r = x < 32 ? 255 : 0;
            g = x < 16 || (x >= 32 && x < 48) ? 255 : 0;
            b = 128;
        } else {
            r = x * 4;
            g = y * 5;
            b = 255 - (x + y) * 2;
        }
        int a = y < 32 ? Math.min(255, x * 8) : 255 - y * 2;
        return r << 24 | g << 16 | (b & 0xFF) << 8 | a;
    }

    @ParameterizedTest(name = "{0}: rms <= {1}, max <= {2}")
    @CsvSource({
        // format, rms error bar (8-bit levels, over the channels the format stores), largest single error
        "DXT1,          4.0, 28",
        "DXT5,          3.5, 28",
        "YCOCG_DXT5,    4.0, 28",
        "BC4,           1.0,  4",
        "BC7,           3.0, 20",
        "BC6H_UNSIGNED, 3.5, 24",
    })
    void decodedPictureIsCloseToTheSource(TextureFormat format, double rmsBar, int maxBar) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment plane = arena.allocate(format.textureBytes(W, H));
            PlaneEncoder.encode(BlockEncodersTest::picture, format, W / 4, H / 4, plane);
            double sum = 0;
            int count = 0;
            int max = 0;
            for (int by = 0; by < H / 4; by++) {
                for (int bx = 0; bx < W / 4; bx++) {
                    int[] px = TestBlockDecoder.decodeBlock(
                            plane, ((long) by * (W / 4) + bx) * format.blockBytes(), format);
                    for (int t = 0; t < 16; t++) {
                        int src = picture(bx * 4 + t % 4, by * 4 + t / 4);
                        for (int c : channels(format)) {
                            int want = (src >>> (24 - 8 * c)) & 0xFF;
                            int got = format == TextureFormat.BC4 ? px[4 * t] : px[4 * t + c];
                            int err = Math.abs(want - got);
                            sum += err * err;
                            count++;
                            max = Math.max(max, err);
                        }
                    }
                }
            }
            double rms = Math.sqrt(sum / count);
            assertTrue(rms <= rmsBar, format + " rms error " + rms + " > " + rmsBar);
            assertTrue(max <= maxBar, format + " largest error " + max + " > " + maxBar);
        }
    }

    /** Channels a format stores: RGB, RGBA, or only alpha (BC4 encodes the alpha channel). */
    private static int[] channels(TextureFormat f) {
        return switch (f) {
            case DXT1, YCOCG_DXT5, BC6H_UNSIGNED, BC6H_SIGNED -> new int[] {0, 1, 2};
            case DXT5, BC7 -> new int[] {0, 1, 2, 3};
            case BC4 -> new int[] {3};
        };
    }

    @ParameterizedTest
    @EnumSource(value = TextureFormat.class, names = "BC6H_SIGNED", mode = EnumSource.Mode.EXCLUDE)
    void solidBlocksOfEveryGreyDecodeWithinTwoLevels(TextureFormat format) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(16);
            BlockEncoder encoder = BlockEncoders.create(format);
            for (int v = 0; v < 256; v++) {
                int[] px = new int[64];
                java.util.Arrays.fill(px, v);
                encoder.encode(px, block, 0);
                int[] out = TestBlockDecoder.decodeBlock(block, 0, format);
                for (int t = 0; t < 16; t++) {
                    for (int c = 0; c < 3; c++) {
                        assertTrue(
                                Math.abs(out[4 * t + c] - v) <= 2,
                                format + " grey " + v + " decoded as " + out[4 * t + c]);
                    }
                }
            }
        }
    }

    @Test
    void dxt1BlocksAlwaysUseFourColourModeOrASingleColour() {
        Random random = new Random(11);
        BlockEncoder encoder = BlockEncoders.create(TextureFormat.DXT1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(8);
            for (int i = 0; i < 5000; i++) {
                int[] px = new int[64];
                int base = random.nextInt(256);
                for (int k = 0; k < 64; k++) {
                    px[k] = i % 2 == 0 ? random.nextInt(256) : Math.min(255, base + random.nextInt(3));
                }
                encoder.encode(px, block, 0);
                long bits = block.get(LE_LONG, 0);
                int c0 = (int) bits & 0xFFFF;
                int c1 = (int) (bits >>> 16) & 0xFFFF;
                long indices = bits >>> 32;
                assertTrue(
                        c0 > c1 || (c0 == c1 && indices == 0),
                        "block " + i + ": c0=" + c0 + " c1=" + c1 + " indices=" + Long.toHexString(indices));
            }
        }
    }

    @Test
    void ycocgBlocksCarryOneOfTheThreeScalesInBothEndpoints() {
        Random random = new Random(5);
        BlockEncoder encoder = BlockEncoders.create(TextureFormat.YCOCG_DXT5);
        int[] seen = new int[32];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(16);
            for (int i = 0; i < 3000; i++) {
                int[] px = new int[64];
                int amplitude = new int[] {10, 80, 255}[i % 3];
                for (int k = 0; k < 64; k++) {
                    px[k] = Math.clamp(128 + random.nextInt(amplitude) - amplitude / 2, 0, 255);
                }
                encoder.encode(px, block, 0);
                long color = block.get(LE_LONG, 8);
                int b0 = (int) color & 31;
                int b1 = (int) (color >>> 16) & 31;
                assertEquals(b0, b1, "both endpoints carry the same scale bits");
                assertTrue(b0 == 0 || b0 == 1 || b0 == 3, "scale bits " + b0);
                seen[b0]++;
            }
        }
        assertTrue(seen[0] > 0 && seen[1] > 0 && seen[3] > 0, "all three scales occur on varied content");
    }

    @ParameterizedTest
    @EnumSource(
            value = TextureFormat.class,
            names = {"BC7", "BC6H_UNSIGNED"})
    void brightestFirstTexelSurvivesTheAnchorSwap(TextureFormat format) {
        // texel 0 at the bright end of the axis needs index 15 before the swap, which its 3 bits cannot hold
        Random random = new Random(9);
        BlockEncoder encoder = BlockEncoders.create(format);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(16);
            for (int i = 0; i < 500; i++) {
                int[] px = new int[64];
                for (int t = 0; t < 16; t++) {
                    int v = t == 0 ? 255 : random.nextInt(128);
                    px[4 * t] = px[4 * t + 1] = px[4 * t + 2] = v;
                    px[4 * t + 3] = 255;
                }
                encoder.encode(px, block, 0);
                int[] out = TestBlockDecoder.decodeBlock(block, 0, format);
                for (int c = 0; c < 3; c++) {
                    assertTrue(out[c] >= 240, format + " block " + i + ": white texel 0 decoded as " + out[c]);
                }
            }
        }
    }

    @Test
    void signedBc6hIsNotWritten() {
        assertThrows(IllegalArgumentException.class, () -> BlockEncoders.create(TextureFormat.BC6H_SIGNED));
    }
}
