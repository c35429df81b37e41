package org.hapring.playback;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.TextureFormat;
import org.hapring.prebuffer.FrameDecoder;
import org.xerial.snappy.Snappy;

/**
 * Decoders for the player's tests: single-section HAP frames, stored (0xA?) or one Snappy block (0xB?), with
 * the 4- or 8-byte header; anything else is a HapFormatException. Enough for the writer's one-chunk movies.
 *
 * <p>Each instance is thread-confined (a decode worker's).
 */
final class TestDecoders {
    private TestDecoders() {}

    static FrameDecoder singleSection() {
        return (frame, w, h, out) -> {
            ValueLayout.OfInt le = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
            int word = frame.get(le, 0);
            int type = word >>> 24;
            long size = word & 0xFFFFFF;
            int header = 4;
            if (size == 0) {
                size = frame.get(le, 4) & 0xFFFFFFFFL;
                header = 8;
            }
            TextureFormat format = TextureFormat.fromHapCode(type & 0xF);
            if (format == null || header + size > frame.byteSize()) {
                throw new HapFormatException("not a single-section frame", 0);
            }
            long textureBytes = format.textureBytes(w, h);
            out.reset(w, h);
            MemorySegment payload = frame.asSlice(header, size);
            if (type >>> 4 == 0xA) {
                MemorySegment.copy(payload, 0, out.storage(0), 0, textureBytes);
            } else if (type >>> 4 == 0xB) {
                try {
                    int n = Snappy.uncompress(payload.asByteBuffer(), out.storage(0).asSlice(0, textureBytes).asByteBuffer());
                    if (n != textureBytes) {
                        throw new HapFormatException("Snappy gave " + n + " bytes", header);
                    }
                } catch (IOException e) {
                    throw new HapFormatException("corrupt Snappy block: " + e.getMessage(), header, e);
                }
            } else {
                throw new HapFormatException("compressor " + (type >>> 4) + " not handled by the test decoder", 0);
            }
            out.setPlane(0, format, textureBytes);
        };
    }

    /** Makes every frame fail with a HapFormatException. */
    static FrameDecoder failing() {
        return (frame, w, h, out) -> {
            throw new HapFormatException("test decoder refuses every frame", 0);
        };
    }
}
