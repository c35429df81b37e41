package org.hapring.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Decodes a frame through every path (calling thread only and with helpers; native and heap input)
 * and checks each result against the textures the frame was built from.
 *
 * <p>Test thread only (the decoders are thread-confined).
 */
final class DecodeAssertions implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final HapFrameDecoder sequential = new HapFrameDecoder();
    private final HapFrameDecoder parallel;

    DecodeAssertions(HapFrameDecoder parallel) {
        this.parallel = parallel;
    }

    /** Output planes big enough for any plane of this picture (BC6H/DXT5 are the largest). */
    TextureFrame output(int widthPixels, int heightPixels) {
        long bytes = TextureFormat.DXT5.textureBytes(widthPixels, heightPixels);
        return TextureFrame.allocate(arena, bytes, bytes);
    }

    /** Asserts that {@code frame} decodes to {@code planes} (formats and bytes) on every path. */
    void assertDecodes(byte[] frame, int widthPixels, int heightPixels, TextureFormat[] formats, byte[]... planes) {
        TextureFrame out = output(widthPixels, heightPixels);
        for (HapFrameDecoder decoder : new HapFrameDecoder[] {sequential, parallel}) {
            for (boolean heap : new boolean[] {false, true}) {
                MemorySegment input = heap ? MemorySegment.ofArray(frame) : HapFrames.nativeFrame(arena, frame);
                String path = (decoder == sequential ? "calling thread" : "helpers") + (heap ? ", heap" : ", native");
                try {
                    decoder.decode(input, widthPixels, heightPixels, out);
                } catch (HapFormatException e) {
                    throw new AssertionError(path + ": " + e.getMessage(), e);
                }
                assertEquals(planes.length, out.planeCount(), path + ": plane count");
                assertEquals(widthPixels, out.widthPixels(), path);
                assertEquals(heightPixels, out.heightPixels(), path);
                for (int p = 0; p < planes.length; p++) {
                    assertEquals(formats[p], out.format(p), path + ": format of plane " + p);
                    assertEquals(formats[p].textureBytes(widthPixels, heightPixels), out.planeBytes(p), path);
                    assertArrayEquals(planes[p], HapFrames.bytes(out.plane(p)), path + ": bytes of plane " + p);
                }
            }
        }
    }

    void assertDecodes(byte[] frame, int widthPixels, int heightPixels, TextureFormat format, byte[] texture) {
        assertDecodes(frame, widthPixels, heightPixels, new TextureFormat[] {format}, texture);
    }

    @Override
    public void close() {
        sequential.close();
        parallel.close();
        arena.close();
    }
}
