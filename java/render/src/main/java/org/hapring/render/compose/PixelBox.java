package org.hapring.render.compose;

/**
 * A rectangle on the canvas in whole pixels, origin at the canvas's top-left corner, y downwards.
 *
 * <p>Immutable; any thread.
 */
public record PixelBox(int x, int y, int width, int height) {
    public PixelBox {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box " + width + "x" + height + ": size must be >= 0");
        }
    }

    /** The part of this box inside a {@code canvasWidth x canvasHeight} canvas (possibly empty). */
    public PixelBox clipTo(int canvasWidth, int canvasHeight) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(canvasWidth, x + width);
        int y1 = Math.min(canvasHeight, y + height);
        return new PixelBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }
}
