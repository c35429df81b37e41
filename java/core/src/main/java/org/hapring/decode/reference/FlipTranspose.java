package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * FFmpeg's lossless geometric filters on packed 4-byte pixels: {@code transpose} (libavfilter/vf_transpose.c)
 * and {@code hflip}/{@code vflip}. They only move whole pixels, so the decoder's pixel format does not matter.
 *
 * <p>{@code transpose=dir} writes a {@code height x width} picture with
 * {@code out(X, Y) = in(column = dir & 2 ? outh-1-Y : Y, row = dir & 1 ? inh-1-X : X)}: dir 0 {@code cclock_flip}
 * (the plain transpose), 1 {@code clock}, 2 {@code cclock}, 3 {@code clock_flip}.
 *
 * <p>Stateless; any thread, one picture per call.
 */
final class FlipTranspose {
    static final int CCLOCK_FLIP = 0;
    static final int CLOCK = 1;
    static final int CCLOCK = 2;
    static final int CLOCK_FLIP = 3;

    private static final ValueLayout.OfInt PIXEL = ValueLayout.JAVA_INT_UNALIGNED;

    private FlipTranspose() {}

    /** vf_transpose with direction {@code dir} (0..3); the output is {@code height} wide and {@code width} high. */
    static void transpose(MemorySegment in, int width, int height, MemorySegment out, int dir) {
        int outWidth = height;
        int outHeight = width;
        for (int y = 0; y < outHeight; y++) {
            int column = (dir & 2) != 0 ? outHeight - 1 - y : y;
            for (int x = 0; x < outWidth; x++) {
                int row = (dir & 1) != 0 ? height - 1 - x : x;
                int pixel = in.getAtIndex(PIXEL, (long) row * width + column);
                out.setAtIndex(PIXEL, (long) y * outWidth + x, pixel);
            }
        }
    }

    /** {@code hflip} when {@code horizontal}, then {@code vflip} when {@code vertical}; same size. */
    static void flip(MemorySegment in, int width, int height, MemorySegment out, boolean horizontal, boolean vertical) {
        for (int y = 0; y < height; y++) {
            int srcRow = vertical ? height - 1 - y : y;
            for (int x = 0; x < width; x++) {
                int srcColumn = horizontal ? width - 1 - x : x;
                int pixel = in.getAtIndex(PIXEL, (long) srcRow * width + srcColumn);
                out.setAtIndex(PIXEL, (long) y * width + x, pixel);
            }
        }
    }
}
