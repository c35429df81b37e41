package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.junit.jupiter.api.Test;

/**
 * Scaled YCoCg, including the scales greater than 1 that FFmpeg's encoder never writes, against the
 * conversion written out independently here (floating-point division truncated towards zero, clamping
 * with min/max).
 */
class YCoCgTest {

    @Test
    void everyCoCgAndScaleMatchesTheFormula() {
        int[] lumas = {0, 1, 37, 128, 200, 254, 255};
        for (int scaleCode = 0; scaleCode < 256; scaleCode += 3) {
            for (int co = 0; co < 256; co++) {
                for (int cg = 0; cg < 256; cg++) {
                    for (int y : lumas) {
                        int pixel = co | cg << 8 | scaleCode << 16 | y << 24;
                        int want = expected(co, cg, scaleCode, y);
                        int got = YCoCg.toRgba(pixel);
                        if (want != got) {
                            assertEquals(want, got, "Co=" + co + " Cg=" + cg + " B=" + scaleCode + " Y=" + y);
                        }
                    }
                }
            }
        }
    }

    @Test
    void scaledBlockDecodesThroughTheWholeHapQPath() throws HapFormatException {
        // one DXT5 block, uniform: alpha (Y) = 90 via alpha0 = alpha1 = 90; colour = RGB565 with
        // R5 = 8 (Co = 66), G6 = 50 (Cg = 202), B5 = 31 (scale code 255: s = 32)
        int colour = 8 << 11 | 50 << 5 | 31;
        byte[] block = {
            90,
            90,
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
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame frame = TextureFrame.allocate(arena, HapVariant.HAP_Q, 3, 2);
            frame.reset(3, 2);
            MemorySegment.copy(block, 0, frame.storage(0), ValueLayout.JAVA_BYTE, 0, 16);
            frame.setPlane(0, TextureFormat.YCOCG_DXT5, 16);
            MemorySegment rgba = arena.allocate(3 * 2 * 4);
            ReferenceDecoder.toRgba(frame, HapVariant.HAP_Q, rgba);
            int co = Bc1Block.widen5(8);
            int cg = Bc1Block.widen6(50);
            int want = expected(co, cg, Bc1Block.widen5(31), 90);
            for (int p = 0; p < 6; p++) {
                assertEquals(want, rgba.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 4L * p));
            }
            // s = 32 shrinks chroma: R' = 90 + (66-128)/32 - (202-128)/32 = 90 - 1 - 2
            assertEquals(87, want & 0xFF);
        }
    }

    private static int expected(int co0, int cg0, int scaleCode, int y) {
        int s = (int) Math.floor(scaleCode / 8.0) + 1;
        int co = (int) ((co0 - 128) / (double) s);
        int cg = (int) ((cg0 - 128) / (double) s);
        int r = Math.max(0, Math.min(255, y + co - cg));
        int g = Math.max(0, Math.min(255, y + cg));
        int b = Math.max(0, Math.min(255, y - co - cg));
        return r | g << 8 | b << 16 | 255 << 24;
    }
}
