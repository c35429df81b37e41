package org.hapring.write;

/**
 * Where the caption goes: two lines, {@code L<layer id>} and {@code F<frame number>} (zero-padded to
 * the digits of the last frame), in 5x7 glyphs whose cells are squares of whole 4x4 blocks, on a
 * box of paper blocks centred in the picture. The cell size is the largest that keeps the box within
 * 60 % of the width and half the height (at least one block; tiny pictures clip the box).
 *
 * <pre>
 *   box: (6 * chars + 1) x 17 cells;  char k of line l at cell (1 + 6k, 1 + 8l)
 * </pre>
 *
 * <p>Immutable; any thread.
 */
final class Caption {
    /** Receives the caption's blocks. */
    @FunctionalInterface
    interface BlockSink {
        void block(int blockX, int blockY, boolean ink);
    }

    private static final int BOX_HEIGHT_CELLS = 2 * (Glyphs.HEIGHT + 1) + 1;

    private final int blocksAcross;
    private final int blocksDown;
    private final String layerLine;
    private final int frameDigits;
    private final int cellBlocks;
    private final int boxWidthCells;
    private final int originX;
    private final int originY;

    Caption(int blocksAcross, int blocksDown, int layerId, long frameCount) {
        this.blocksAcross = blocksAcross;
        this.blocksDown = blocksDown;
        this.layerLine = "L" + layerId;
        this.frameDigits = Long.toString(Math.max(0, frameCount - 1)).length();
        int chars = Math.max(layerLine.length(), 1 + frameDigits);
        this.boxWidthCells = chars * (Glyphs.WIDTH + 1) + 1;
        this.cellBlocks =
                Math.max(1, Math.min(blocksAcross * 3 / 5 / boxWidthCells, blocksDown / 2 / BOX_HEIGHT_CELLS));
        this.originX = (blocksAcross - boxWidthCells * cellBlocks) / 2;
        this.originY = (blocksDown - BOX_HEIGHT_CELLS * cellBlocks) / 2;
    }

    int cellBlocks() {
        return cellBlocks;
    }

    /** Calls {@code sink} for every caption block of frame {@code frameIndex} inside the picture. */
    void draw(long frameIndex, BlockSink sink) {
        String frameLine = "F" + pad(frameIndex);
        for (int cy = 0; cy < BOX_HEIGHT_CELLS; cy++) {
            for (int cx = 0; cx < boxWidthCells; cx++) {
                boolean ink = inked(cx, cy, frameLine);
                for (int dy = 0; dy < cellBlocks; dy++) {
                    int by = originY + cy * cellBlocks + dy;
                    if (by < 0 || by >= blocksDown) {
                        continue;
                    }
                    for (int dx = 0; dx < cellBlocks; dx++) {
                        int bx = originX + cx * cellBlocks + dx;
                        if (bx >= 0 && bx < blocksAcross) {
                            sink.block(bx, by, ink);
                        }
                    }
                }
            }
        }
    }

    private boolean inked(int cx, int cy, String frameLine) {
        int line = (cy - 1) / (Glyphs.HEIGHT + 1);
        int gy = (cy - 1) % (Glyphs.HEIGHT + 1);
        int k = (cx - 1) / (Glyphs.WIDTH + 1);
        int gx = (cx - 1) % (Glyphs.WIDTH + 1);
        if (cy < 1 || cx < 1 || line > 1 || gy >= Glyphs.HEIGHT || gx >= Glyphs.WIDTH) {
            return false;
        }
        String text = line == 0 ? layerLine : frameLine;
        return k < text.length() && Glyphs.ink(text.charAt(k), gx, gy);
    }

    private String pad(long frameIndex) {
        String digits = Long.toString(frameIndex);
        return digits.length() >= frameDigits ? digits : "0".repeat(frameDigits - digits.length()) + digits;
    }
}
