package org.hapring.render.compose;

/**
 * Boxes for showing {@code n} layers side by side: a grid of {@code ceil(sqrt(n))} columns and as many rows as
 * needed, filling the canvas (or a region of it) with a gap between cells (and around them), row by row from
 * the top-left. Cells are whole pixels and never overlap.
 *
 * <p>Stateless; any thread.
 */
public final class Grid {
    private Grid() {}

    /** The box of cell {@code index} of {@code count} on a {@code canvasWidth x canvasHeight} canvas. */
    public static PixelBox cell(int index, int count, int canvasWidth, int canvasHeight, int gapPixels) {
        return cell(index, count, new PixelBox(0, 0, canvasWidth, canvasHeight), gapPixels);
    }

    /** The box of cell {@code index} of {@code count} in {@code region} (canvas pixels). */
    public static PixelBox cell(int index, int count, PixelBox region, int gapPixels) {
        int canvasWidth = region.width();
        int canvasHeight = region.height();
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("cell " + index + " of " + count + ": index must be 0.." + (count - 1));
        }
        if (gapPixels < 0) {
            throw new IllegalArgumentException("gap=" + gapPixels + ": must be >= 0");
        }
        int columns = (int) Math.ceil(Math.sqrt(count));
        int rows = (count + columns - 1) / columns;
        int cellWidth = Math.max(1, (canvasWidth - gapPixels * (columns + 1)) / columns);
        int cellHeight = Math.max(1, (canvasHeight - gapPixels * (rows + 1)) / rows);
        int column = index % columns;
        int row = index / columns;
        return new PixelBox(
                region.x() + gapPixels + column * (cellWidth + gapPixels),
                region.y() + gapPixels + row * (cellHeight + gapPixels),
                cellWidth,
                cellHeight);
    }
}
