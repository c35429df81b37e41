package org.hapring.decode.reference;

import static org.hapring.decode.reference.S3tcBlocksTest.assertPixel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.junit.jupiter.api.Test;

/** Frame-level behaviour: block placement and cropping, HapM's plane combination, HapH output, validation. */
class ReferenceDecoderTest {
    private static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Test
    void blocksGoLeftToRightTopToBottomAndPartialBlocksAreCropped() throws HapFormatException {
        // 6x5 picture = 2x2 blocks; BC4 block k is uniform with value 10 * (k + 1)
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame frame = TextureFrame.allocate(arena, HapVariant.HAP_ALPHA_ONLY, 6, 5);
            frame.reset(6, 5);
            for (int k = 0; k < 4; k++) {
                frame.storage(0).set(ValueLayout.JAVA_BYTE, 8L * k, (byte) (10 * (k + 1)));
                frame.storage(0).set(ValueLayout.JAVA_BYTE, 8L * k + 1, (byte) (10 * (k + 1)));
            }
            frame.setPlane(0, TextureFormat.BC4, 32);
            MemorySegment rgba = arena.allocate(6 * 5 * 4 + 4);
            rgba.set(LE32, 6 * 5 * 4, 0x12345678);
            ReferenceDecoder.toRgba(frame, HapVariant.HAP_ALPHA_ONLY, rgba);
            for (int y = 0; y < 5; y++) {
                for (int x = 0; x < 6; x++) {
                    int v = 10 * ((y / 4) * 2 + x / 4 + 1);
                    assertPixel(rgba.get(LE32, (y * 6L + x) * 4), v, v, v, 255);
                }
            }
            assertEquals(0x12345678, rgba.get(LE32, 6 * 5 * 4), "wrote past width * height * 4");
        }
    }

    @Test
    void hapQAlphaTakesColourFromYCoCgAndAlphaFromBc4() throws HapFormatException {
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame frame = TextureFrame.allocate(arena, HapVariant.HAP_Q_ALPHA, 4, 4);
            frame.reset(4, 4);
            // YCoCg: Y = 100 (alpha endpoints), Co = Cg = 128 -> grey 100
            int colour = 16 << 11 | 32 << 5;
            byte[] dxt5 = {
                100,
                100,
                0,
                0,
                0,
                0,
                0,
                0,
                (byte) colour,
                (byte) (colour >>> 8),
                (byte) colour,
                (byte) (colour >>> 8),
                0,
                0,
                0,
                0
            };
            MemorySegment.copy(dxt5, 0, frame.storage(0), ValueLayout.JAVA_BYTE, 0, 16);
            frame.setPlane(0, TextureFormat.YCOCG_DXT5, 16);
            frame.storage(1).set(ValueLayout.JAVA_BYTE, 0, (byte) 33);
            frame.storage(1).set(ValueLayout.JAVA_BYTE, 1, (byte) 33);
            frame.setPlane(1, TextureFormat.BC4, 8);
            MemorySegment rgba = arena.allocate(64);
            ReferenceDecoder.toRgba(frame, HapVariant.HAP_Q_ALPHA, rgba);
            int co = Bc1Block.widen5(16) - 128;
            int cg = Bc1Block.widen6(32) - 128;
            assertPixel(rgba.get(LE32, 0), 100 + co - cg, 100 + cg, 100 - co - cg, 33);
        }
    }

    @Test
    void hapHdrGivesHalvesWithOpaqueAlphaAndTheirEightBitMapping() throws HapFormatException {
        // BC6H mode 3 unsigned, e0 = 1023 (65504), e1 = 0; pixel 1 has index 15 (e1)
        MemorySegment block = new BitWriter()
                .put(3, 5)
                .put(1023, 10)
                .put(1023, 10)
                .put(1023, 10)
                .put(0, 30)
                .put(0, 3)
                .put(15, 4)
                .put(0, 56)
                .block();
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame frame = TextureFrame.allocate(arena, HapVariant.HAP_HDR, 2, 1);
            frame.reset(2, 1);
            frame.storage(0).copyFrom(block);
            frame.setPlane(0, TextureFormat.BC6H_UNSIGNED, 16);
            MemorySegment halves = arena.allocate(2 * 8);
            ReferenceDecoder.toRgbaHalf(frame, halves);
            ValueLayout.OfShort le16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
            assertEquals(65504f, HalfFloat.toFloat(halves.get(le16, 0)));
            assertEquals(1f, HalfFloat.toFloat(halves.get(le16, 6)));
            assertEquals(0f, HalfFloat.toFloat(halves.get(le16, 8)));
            MemorySegment rgba = arena.allocate(2 * 4);
            ReferenceDecoder.toRgba(frame, HapVariant.HAP_HDR, rgba);
            assertPixel(rgba.get(LE32, 0), 255, 255, 255, 255);
            assertPixel(rgba.get(LE32, 4), 0, 0, 0, 255);
        }
    }

    @Test
    void refusesFramesThatDoNotMatch() {
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame frame = TextureFrame.allocate(arena, HapVariant.HAP_ALPHA, 8, 8);
            frame.reset(8, 8);
            frame.setPlane(0, TextureFormat.DXT5, 64);
            MemorySegment rgba = arena.allocate(8 * 8 * 4);
            HapFormatException wrongVariant = assertThrows(
                    HapFormatException.class, () -> ReferenceDecoder.toRgba(frame, HapVariant.HAP_Q, rgba));
            assertTrue(wrongVariant.getMessage().contains("YCOCG_DXT5"), wrongVariant.getMessage());
            assertThrows(HapFormatException.class, () -> ReferenceDecoder.toRgba(frame, HapVariant.HAP_Q_ALPHA, rgba));
            assertThrows(HapFormatException.class, () -> ReferenceDecoder.toRgbaHalf(frame, arena.allocate(8 * 8 * 8)));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> ReferenceDecoder.toRgba(frame, HapVariant.HAP_ALPHA, arena.allocate(8 * 8 * 4 - 1)));
            frame.setPlane(0, TextureFormat.DXT5, 48);
            HapFormatException shortPlane = assertThrows(
                    HapFormatException.class, () -> ReferenceDecoder.toRgba(frame, HapVariant.HAP_ALPHA, rgba));
            assertTrue(
                    shortPlane.getMessage().contains("holds 48 texture bytes, a 8x8 picture needs 64"),
                    shortPlane.getMessage());
        }
    }
}
