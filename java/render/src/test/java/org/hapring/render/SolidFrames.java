package org.hapring.render;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;

/**
 * Texture frames made of hand-built DXT1 blocks in native memory: one colour everywhere, or one colour for
 * the top block rows and another below (to see which way up a picture lands).
 *
 * <p>Any thread.
 */
public final class SolidFrames {
    /** RGB565 colours that widen to exact 8-bit values in every decoder. */
    public static final int RED = 0xF800;

    public static final int BLUE = 0x001F;
    public static final int WHITE = 0xFFFF;

    private static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private SolidFrames() {}

    /** A {@code width x height} DXT1 frame of {@code rgb565} everywhere. */
    public static TextureFrame dxt1(Arena arena, int width, int height, int rgb565) {
        return dxt1(arena, width, height, rgb565, rgb565, TextureFormat.blocksDown(height));
    }

    /** {@code top} in the first {@code topBlockRows} block rows (HAP's top of picture), {@code bottom} below. */
    public static TextureFrame dxt1(Arena arena, int width, int height, int top, int bottom, int topBlockRows) {
        long bytes = TextureFormat.DXT1.textureBytes(width, height);
        TextureFrame frame = TextureFrame.allocate(arena, bytes, 1);
        MemorySegment s = frame.storage(0);
        int across = TextureFormat.blocksAcross(width);
        for (long b = 0; b < bytes / 8; b++) {
            int colour = b / across < topBlockRows ? top : bottom;
            // c0 == c1 with every index 0: colour 0 (4-colour mode needs c0 > c1, but index 0 is c0 either way)
            s.set(LE16, b * 8, (short) colour);
            s.set(LE16, b * 8 + 2, (short) colour);
            s.set(ValueLayout.JAVA_INT_UNALIGNED, b * 8 + 4, 0);
        }
        frame.reset(width, height);
        frame.setPlane(0, TextureFormat.DXT1, bytes);
        return frame;
    }
}
