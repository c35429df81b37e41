package org.hapring.write;

import org.hapring.decode.TextureFrame;

/**
 * The texture planes of every frame of a generated movie: a test card or noise, each carrying the
 * layer id and frame number (as a {@link org.hapring.decode.FrameStamp} and as large digits).
 *
 * <p>Implementations are immutable after construction and safe to call from several encode workers
 * at once; each call writes only into the {@link TextureFrame} it is given.
 */
public interface FrameContent {
    /** Fills {@code frame} (sized for this content's variant and picture) with frame {@code frameIndex}. */
    void render(long frameIndex, TextureFrame frame);
}
