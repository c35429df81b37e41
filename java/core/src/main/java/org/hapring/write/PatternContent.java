package org.hapring.write;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.write.bc.PlaneEncoder;

/**
 * The {@code pattern} content: the {@link TestCard} compressed once per plane (the "canvas"), then
 * every frame assembled from already-compressed blocks: each block row is the canvas row rotated left
 * by {@code frame % blocksAcross} blocks (two copies per row), the {@link Caption} is written from a
 * pre-encoded ink block and paper block, and the {@link FrameStamp} from its solid blocks. A 1080p
 * frame costs a few memory copies, not a texture compression.
 *
 * <p>Construction compresses the canvas (using the common fork-join pool); afterwards immutable and
 * safe for concurrent {@link #render} calls from encode workers.
 */
public final class PatternContent implements FrameContent {
    private static final ValueLayout.OfLong LE_LONG =
            ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final HapVariant variant;
    private final int widthPixels;
    private final int heightPixels;
    private final int blocksAcross;
    private final int blocksDown;
    private final int layerId;
    private final List<TextureFormat> formats;
    private final MemorySegment[] canvas;
    private final long[][] ink;
    private final long[][] paper;
    private final Caption caption;

    /** Compresses the canvas of every plane into memory from {@code arena}. */
    public PatternContent(
            HapVariant variant, int widthPixels, int heightPixels, int layerId, long frameCount, Arena arena) {
        if (!FrameStamp.fits(widthPixels, heightPixels)) {
            throw new IllegalArgumentException("picture " + widthPixels + "x" + heightPixels
                    + " is too small for the frame stamp (needs at least 64 blocks, e.g. 32x32)");
        }
        this.variant = variant;
        this.widthPixels = widthPixels;
        this.heightPixels = heightPixels;
        this.blocksAcross = TextureFormat.blocksAcross(widthPixels);
        this.blocksDown = TextureFormat.blocksDown(heightPixels);
        this.layerId = layerId;
        this.formats = variant.planes();
        this.canvas = new MemorySegment[formats.size()];
        this.ink = new long[formats.size()][];
        this.paper = new long[formats.size()][];
        this.caption = new Caption(blocksAcross, blocksDown, layerId, frameCount);
        TestCard card = new TestCard(blocksAcross * 4, blocksDown * 4);
        for (int p = 0; p < formats.size(); p++) {
            TextureFormat f = formats.get(p);
            canvas[p] = arena.allocate(f.textureBytes(widthPixels, heightPixels), 64);
            PlaneEncoder.encode(card, f, blocksAcross, blocksDown, canvas[p]);
            ink[p] = words(PlaneEncoder.solidBlock(f, PlaneRoles.INK));
            paper[p] = words(PlaneEncoder.solidBlock(f, PlaneRoles.paper(variant, p)));
        }
    }

    @Override
    public void render(long frameIndex, TextureFrame frame) {
        frame.reset(widthPixels, heightPixels);
        for (int p = 0; p < formats.size(); p++) {
            TextureFormat f = formats.get(p);
            long planeBytes = f.textureBytes(widthPixels, heightPixels);
            frame.setPlane(p, f, planeBytes);
            MemorySegment dst = frame.storage(p);
            scroll(canvas[p], dst, f.blockBytes(), (int) (frameIndex % blocksAcross));
            long[] inkWords = ink[p];
            long[] paperWords = paper[p];
            int blockBytes = f.blockBytes();
            caption.draw(
                    frameIndex,
                    (bx, by, isInk) ->
                            put(dst, ((long) by * blocksAcross + bx) * blockBytes, isInk ? inkWords : paperWords));
            if (PlaneRoles.matte(variant, p)) {
                for (int bit = 0; bit < FrameStamp.BITS; bit++) {
                    put(dst, FrameStamp.blockOffsetBytes(bit, f, widthPixels), inkWords);
                }
            } else {
                FrameStamp.write(dst, f, widthPixels, heightPixels, layerId, frameIndex);
            }
        }
    }

    private void scroll(MemorySegment src, MemorySegment dst, int blockBytes, int shiftBlocks) {
        long rowBytes = (long) blocksAcross * blockBytes;
        long shiftBytes = (long) shiftBlocks * blockBytes;
        for (int by = 0; by < blocksDown; by++) {
            long row = by * rowBytes;
            MemorySegment.copy(src, row + shiftBytes, dst, row, rowBytes - shiftBytes);
            MemorySegment.copy(src, row, dst, row + rowBytes - shiftBytes, shiftBytes);
        }
    }

    private static void put(MemorySegment dst, long offset, long[] words) {
        for (int i = 0; i < words.length; i++) {
            dst.set(LE_LONG, offset + 8L * i, words[i]);
        }
    }

    private static long[] words(byte[] block) {
        MemorySegment s = MemorySegment.ofArray(block);
        long[] w = new long[block.length / 8];
        for (int i = 0; i < w.length; i++) {
            w[i] = s.get(LE_LONG, 8L * i);
        }
        return w;
    }
}
