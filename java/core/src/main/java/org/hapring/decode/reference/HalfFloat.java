package org.hapring.decode.reference;

/**
 * Maps IEEE half floats (BC6H output) to 8-bit channels for PNG/RGBA export and framemd5s.
 *
 * <p>The mapping is deliberately simple and documented: the half is taken as a linear value, clamped
 * to [0, 1] (negatives, -0 and NaN give 0, anything at or above 1.0 gives 255), then
 * {@code round(x * 255)} with halves rounded up. No exposure, tone curve or sRGB transfer is applied:
 * an HDR frame's highlights clip, exactly as an 8-bit texture upload of the same values would.
 *
 * <p>Immutable table built once; any thread.
 */
public final class HalfFloat {
    private static final byte[] TO_UNORM8 = new byte[1 << 16];

    static {
        for (int h = 0; h < TO_UNORM8.length; h++) {
            float f = Float.float16ToFloat((short) h);
            int v;
            if (!(f > 0f)) {
                v = 0;
            } else if (f >= 1f) {
                v = 255;
            } else {
                v = (int) Math.floor(f * 255.0 + 0.5);
            }
            TO_UNORM8[h] = (byte) v;
        }
    }

    private HalfFloat() {}

    /** The 8-bit value (0..255) of a half float's bit pattern. */
    public static int toUnorm8(short half) {
        return TO_UNORM8[half & 0xFFFF] & 0xFF;
    }

    /** The float value of a half float's bit pattern. */
    public static float toFloat(short half) {
        return Float.float16ToFloat(half);
    }
}
