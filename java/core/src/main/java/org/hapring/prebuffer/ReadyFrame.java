package org.hapring.prebuffer;

import org.hapring.decode.TextureFrame;

/**
 * A frame whose texture bytes are in memory and ready for upload, as a {@code FrameSink} receives it. It
 * stays valid (its slot is not reused) while held: during the sink's call, and after it for as long as the
 * sink keeps a {@link #retain()} (for example until a GPU upload's fence signals), ended by {@link #release()}.
 *
 * <p>{@link #frameIndex()}, {@link #texture()} and {@link #readyNanos()} are read by the thread that holds the
 * frame; {@link #retain()} by the thread showing it, {@link #release()} by any thread.
 */
public interface ReadyFrame {
    /** The frame number in its file (0-based, decode order). */
    int frameIndex();

    /** The texture planes; do not keep references to the planes beyond {@link #release()}. */
    TextureFrame texture();

    /** When the frame became ready (the {@link System#nanoTime()} scale). */
    long readyNanos();

    /** Keeps the frame beyond the current call; pair with one {@link #release()}. */
    void retain();

    /** Ends one {@link #retain()}; throws IllegalStateException when there is none to end. */
    void release();
}
