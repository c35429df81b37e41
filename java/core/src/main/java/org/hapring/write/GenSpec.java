package org.hapring.write;

import java.nio.file.Path;
import java.util.Objects;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.HapVariant;

/**
 * Everything {@link HapGenerator} needs to write one movie, validated on creation (messages name the
 * setting as the {@code gen} command spells it).
 *
 * @param output         the movie to write
 * @param variant        HAP variant (fourcc and texture planes)
 * @param widthPixels    picture width; any size from the stamp's minimum (64 blocks) up to {@link #MAX_SIZE_PIXELS}
 * @param heightPixels   picture height
 * @param rate           frame rate
 * @param frameCount     frames to write, 1 to {@link #MAX_FRAMES}
 * @param content        test card or noise
 * @param layerId        layer id stamped into every frame, 0 to 65535
 * @param seed           noise seed (the pattern ignores it)
 * @param encoding       HAP section options
 * @param moov           moov before or after the frames
 * @param workerThreads  frame encoding threads, 1 to 256 (plus the caller, which writes)
 *
 * <p>Immutable; any thread.
 */
public record GenSpec(
        Path output,
        HapVariant variant,
        int widthPixels,
        int heightPixels,
        FrameRate rate,
        long frameCount,
        Content content,
        int layerId,
        long seed,
        HapEncoding encoding,
        MovWriter.MoovPlacement moov,
        int workerThreads) {

    /** Largest width or height accepted, pixels. */
    public static final int MAX_SIZE_PIXELS = 16384;
    /** Most frames in one movie (46 hours at 60 fps). */
    public static final long MAX_FRAMES = 10_000_000L;

    /** What the frames show. */
    public enum Content {
        /** A scrolling test card with captions: compresses like real footage. */
        PATTERN,
        /** Random texture bytes: Snappy gains nothing, the worst-case data rate. */
        NOISE
    }

    public GenSpec {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(variant, "format");
        Objects.requireNonNull(rate, "fps");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(moov, "moov");
        if (widthPixels < 1 || heightPixels < 1 || widthPixels > MAX_SIZE_PIXELS || heightPixels > MAX_SIZE_PIXELS) {
            throw new IllegalArgumentException("size=" + widthPixels + "x" + heightPixels + " is outside 1.."
                    + MAX_SIZE_PIXELS + " in each direction");
        }
        if (!FrameStamp.fits(widthPixels, heightPixels)) {
            throw new IllegalArgumentException("size=" + widthPixels + "x" + heightPixels + " holds fewer than "
                    + FrameStamp.BITS + " 4x4 blocks, the frame stamp's minimum (e.g. 32x32, 64x16, 256x4)");
        }
        if (frameCount < 1 || frameCount > MAX_FRAMES) {
            throw new IllegalArgumentException(
                    "frames=" + frameCount + " is outside 1.." + MAX_FRAMES + " (check --seconds and --fps)");
        }
        if (layerId < 0 || layerId > FrameStamp.MAX_LAYER_ID) {
            throw new IllegalArgumentException("layer-id=" + layerId + " is outside 0.." + FrameStamp.MAX_LAYER_ID);
        }
        if (workerThreads < 1 || workerThreads > 256) {
            throw new IllegalArgumentException("threads=" + workerThreads + " is outside 1..256");
        }
    }
}
