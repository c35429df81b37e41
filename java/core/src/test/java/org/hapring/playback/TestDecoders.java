package org.hapring.playback;

import org.hapring.decode.HapFormatException;
import org.hapring.prebuffer.FrameDecoder;

/**
 * Decoders for the player's tests that must fail (the real one is {@code FrameDecoders.hap}).
 *
 * <p>Each instance is thread-confined (a decode worker's).
 */
final class TestDecoders {
    private TestDecoders() {}

    /** Makes every frame fail with a HapFormatException. */
    static FrameDecoder failing() {
        return (frame, w, h, out) -> {
            throw new HapFormatException("test decoder refuses every frame", 0);
        };
    }
}
