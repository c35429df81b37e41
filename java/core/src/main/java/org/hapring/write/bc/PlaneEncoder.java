package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;
import java.util.stream.IntStream;
import org.hapring.decode.TextureFormat;

/**
 * Compresses a whole picture into one texture plane, block rows in parallel (the common fork-join
 * pool), each worker with its own {@link BlockEncoder}.
 *
 * <p>Called by whichever thread prepares content; it blocks until the plane is complete.
 */
public final class PlaneEncoder {
    private PlaneEncoder() {}

    /**
     * Encodes {@code blocksAcross} x {@code blocksDown} blocks of {@code source} (pixels 0 to
     * 4 * blocks - 1 in each direction) into {@code dst}, row-major, top row first. {@code dst} must be
     * accessible from other threads (a shared or global arena's memory, or a heap segment).
     */
    public static void encode(
            PixelSource source, TextureFormat format, int blocksAcross, int blocksDown, MemorySegment dst) {
        long needed = (long) blocksAcross * blocksDown * format.blockBytes();
        if (dst.byteSize() < needed) {
            throw new IllegalArgumentException("plane needs " + needed + " bytes, dst holds " + dst.byteSize());
        }
        IntStream.range(0, blocksDown).parallel().forEach(by -> {
            BlockEncoder encoder = BlockEncoders.create(format);
            int[] pixels = new int[64];
            long offset = (long) by * blocksAcross * format.blockBytes();
            for (int bx = 0; bx < blocksAcross; bx++, offset += format.blockBytes()) {
                fetch(source, bx * 4, by * 4, pixels);
                encoder.encode(pixels, dst, offset);
            }
        });
    }

    /** Encodes one block filled with a single pixel value (0xRRGGBBAA) into a new 8- or 16-byte array. */
    public static byte[] solidBlock(TextureFormat format, int rgba) {
        byte[] block = new byte[format.blockBytes()];
        int[] pixels = new int[64];
        for (int i = 0; i < 16; i++) {
            unpack(rgba, pixels, i);
        }
        BlockEncoders.create(format).encode(pixels, MemorySegment.ofArray(block), 0);
        return block;
    }

    private static void fetch(PixelSource source, int x0, int y0, int[] pixels) {
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                unpack(source.rgba(x0 + x, y0 + y), pixels, y * 4 + x);
            }
        }
    }

    private static void unpack(int rgba, int[] pixels, int texel) {
        pixels[4 * texel] = rgba >>> 24;
        pixels[4 * texel + 1] = (rgba >>> 16) & 0xFF;
        pixels[4 * texel + 2] = (rgba >>> 8) & 0xFF;
        pixels[4 * texel + 3] = rgba & 0xFF;
    }
}
