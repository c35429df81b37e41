package org.hapring.playback;

/**
 * A sink that checks what it shows: the player's stats report its count of wrong frames per layer.
 *
 * <p>Any thread may ask.
 */
public interface FrameVerifier {
    /** Frames shown on {@code layerId} whose content was not the frame they claimed to be. */
    long wrongFrames(int layerId);
}
