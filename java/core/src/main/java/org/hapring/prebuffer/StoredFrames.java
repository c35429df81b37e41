package org.hapring.prebuffer;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;

/**
 * Recognises a HAP frame that is one stored (uncompressed, type 0xA?) texture section whose payload is exactly
 * the picture's texture: such a frame can be shown straight from the read buffer, with no copy. Everything
 * else (Snappy, chunked, multiple images, sizes that do not match) goes to a decode worker, which validates it.
 *
 * <p>Stateless; any thread (the I/O thread calls it on each completion).
 */
final class StoredFrames {
    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private StoredFrames() {}

    /** The header bytes (4 or 8) of a stored single-texture frame of this variant and size, or -1. */
    static int storedHeaderBytes(MemorySegment frame, HapVariant variant, int widthPixels, int heightPixels) {
        return storedHeaderBytes(frame, frame.byteSize(), variant, widthPixels, heightPixels);
    }

    /**
     * The same, from the frame's first 8 bytes ({@code head}) and its length: what a probe that read only the
     * header can tell.
     */
    static int storedHeaderBytes(
            MemorySegment head, long frameBytes, HapVariant variant, int widthPixels, int heightPixels) {
        MemorySegment frame = head;
        if (variant.planes().size() != 1 || head.byteSize() < 8 || frameBytes < 8) {
            return -1;
        }
        int word = frame.get(LE_INT, 0);
        int type = word >>> 24;
        long payload = word & 0xFF_FFFFL;
        int header = 4;
        if (payload == 0) {
            payload = frame.get(LE_INT, 4) & 0xFFFF_FFFFL;
            header = 8;
        }
        if (type >>> 4 != 0xA) {
            return -1;
        }
        TextureFormat format = TextureFormat.fromHapCode(type & 0xF);
        if (format == null || !matches(variant, format)) {
            return -1;
        }
        long texture = format.textureBytes(widthPixels, heightPixels);
        return payload == texture && header + payload <= frameBytes ? header : -1;
    }

    /** The texture format of a frame {@link #storedHeaderBytes} accepted. */
    static TextureFormat format(MemorySegment frame) {
        return TextureFormat.fromHapCode(Byte.toUnsignedInt(frame.get(ValueLayout.JAVA_BYTE, 3)) & 0xF);
    }

    private static boolean matches(HapVariant variant, TextureFormat format) {
        if (variant == HapVariant.HAP_HDR) {
            return format == TextureFormat.BC6H_UNSIGNED || format == TextureFormat.BC6H_SIGNED;
        }
        return variant.planes().get(0) == format;
    }
}
