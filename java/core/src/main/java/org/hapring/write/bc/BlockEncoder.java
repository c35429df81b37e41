package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;
import org.hapring.decode.TextureFormat;

/**
 * Compresses one 4x4 block of 8-bit RGBA pixels into one block of a texture format.
 *
 * <p>Instances keep scratch arrays: one instance per thread ({@link BlockEncoders#create} makes a
 * fresh one).
 */
public interface BlockEncoder {
    /** The format this encoder writes. */
    TextureFormat format();

    /**
     * Encodes 16 pixels, row-major (texel 0 = top left), four ints each (r, g, b, a; 0-255), into
     * {@code format().blockBytes()} bytes at {@code offsetBytes} of {@code dst}.
     */
    void encode(int[] pixels, MemorySegment dst, long offsetBytes);
}
