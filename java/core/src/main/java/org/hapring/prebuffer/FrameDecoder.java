package org.hapring.prebuffer;

import java.lang.foreign.MemorySegment;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.TextureFrame;

/**
 * Turns the bytes of one HAP frame into texture planes (Snappy, chunk-parallel where the decoder can); the
 * seam between the pre-buffer and the HAP decoder, so that scheduling can be tested with a scripted decoder.
 *
 * <p>Thread-confined: each decode worker owns one instance.
 */
@FunctionalInterface
public interface FrameDecoder {
    /** Decodes {@code frame} (exactly its bytes) of a {@code widthPixels} x {@code heightPixels} picture into {@code out}. */
    void decode(MemorySegment frame, int widthPixels, int heightPixels, TextureFrame out) throws HapFormatException;
}
