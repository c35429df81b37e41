package org.hapring.write;

import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.SplittableRandom;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;

/**
 * The {@code noise} content: every frame is fresh random texture bytes (incompressible: Snappy gains
 * nothing, so compressed chunks are stored as they are, the worst-case data rate), with the stamp and
 * the caption drawn in random bright/dark {@link NoiseBlocks} so that they stay readable without
 * adding anything Snappy could compress. Deterministic: the same seed, layer and frame give the same
 * bytes.
 *
 * <p>Immutable; safe for concurrent {@link #render} calls from encode workers.
 */
public final class NoiseContent implements FrameContent {
    private final HapVariant variant;
    private final int widthPixels;
    private final int heightPixels;
    private final int blocksAcross;
    private final int layerId;
    private final long seed;
    private final List<TextureFormat> formats;
    private final Caption caption;

    public NoiseContent(
            HapVariant variant, int widthPixels, int heightPixels, int layerId, long frameCount, long seed) {
        if (!FrameStamp.fits(widthPixels, heightPixels)) {
            throw new IllegalArgumentException("picture " + widthPixels + "x" + heightPixels
                    + " is too small for the frame stamp (needs at least 64 blocks, e.g. 32x32)");
        }
        this.variant = variant;
        this.widthPixels = widthPixels;
        this.heightPixels = heightPixels;
        this.blocksAcross = TextureFormat.blocksAcross(widthPixels);
        this.layerId = layerId;
        this.seed = seed;
        this.formats = variant.planes();
        this.caption = new Caption(blocksAcross, TextureFormat.blocksDown(heightPixels), layerId, frameCount);
    }

    @Override
    public void render(long frameIndex, TextureFrame frame) {
        frame.reset(widthPixels, heightPixels);
        for (int p = 0; p < formats.size(); p++) {
            TextureFormat f = formats.get(p);
            long planeBytes = f.textureBytes(widthPixels, heightPixels);
            frame.setPlane(p, f, planeBytes);
            MemorySegment dst = frame.storage(p);
            SplittableRandom random = new SplittableRandom(mix(seed, layerId, frameIndex, p));
            NoiseBlocks.fill(dst, planeBytes, f, random);
            boolean matte = PlaneRoles.matte(variant, p);
            int blockBytes = f.blockBytes();
            caption.draw(
                    frameIndex,
                    (bx, by, ink) -> NoiseBlocks.level(
                            dst, ((long) by * blocksAcross + bx) * blockBytes, f, ink || matte, random));
            long code = FrameStamp.code(layerId, frameIndex);
            for (int bit = 0; bit < FrameStamp.BITS; bit++) {
                NoiseBlocks.level(
                        dst,
                        FrameStamp.blockOffsetBytes(bit, f, widthPixels),
                        f,
                        matte || FrameStamp.bit(code, bit),
                        random);
            }
        }
    }

    /** A well-mixed 64-bit seed for one plane of one frame (SplitMix64 finaliser over the inputs). */
    static long mix(long seed, int layerId, long frameIndex, int plane) {
        long z = seed ^ ((long) layerId << 48) ^ (frameIndex * 0x9E3779B97F4A7C15L) ^ ((long) plane << 40);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
