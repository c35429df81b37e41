package org.hapring.render.overlay;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A text label per layer (for example the demo's file names), drawn at the top-left corner of the layer's box
 * (or of the canvas when it has none) on a dark strip, above the layers and below the stats overlay. Labels are
 * set by control threads and drawn by the render thread; a null label draws nothing.
 *
 * <p>{@link #set} on any thread; {@link #draw} on the render thread.
 */
public final class LayerLabels implements AutoCloseable {
    private static final int MAX_CHARS = 60;

    private final AtomicReferenceArray<char[]> labels;
    private final QuadBatch batch;
    private final int[] at = new int[2];

    public LayerLabels(int maxLayers) {
        this.labels = new AtomicReferenceArray<>(maxLayers);
        this.batch = new QuadBatch(maxLayers * (MAX_CHARS + 1));
    }

    /** Sets (null: removes) layer {@code layerId}'s label; longer labels are cut at 60 characters. */
    public void set(int layerId, String label) {
        labels.set(
                layerId,
                label == null
                        ? null
                        : label.substring(0, Math.min(label.length(), MAX_CHARS))
                                .toCharArray());
    }

    public boolean any() {
        for (int i = 0; i < labels.length(); i++) {
            if (labels.get(i) != null) {
                return true;
            }
        }
        return false;
    }

    /** Where a layer's label goes: the left and top of its box, in canvas pixels. */
    @FunctionalInterface
    public interface Anchor {
        /** {@code out[0]} = x, {@code out[1]} = y; false when the layer is not shown. */
        boolean anchor(int layerId, int[] out);
    }

    /** Draws every label onto the bound canvas. */
    public void draw(int canvasWidth, int canvasHeight, Anchor anchor) {
        int scale = Math.max(1, Math.min(4, canvasHeight / 400));
        batch.begin(canvasWidth, canvasHeight);
        for (int id = 0; id < labels.length(); id++) {
            char[] label = labels.get(id);
            if (label == null || !anchor.anchor(id, at)) {
                continue;
            }
            float pad = 2f * scale;
            float w = label.length * BitmapFont.CELL_WIDTH * scale + 2 * pad;
            float h = BitmapFont.CELL_HEIGHT * scale + 2 * pad;
            batch.rect(at[0], at[1], w, h, 0f, 0f, 0f, 0.65f);
            batch.text(label, label.length, at[0] + pad, at[1] + pad, scale, 1f, 1f, 0.4f, 1f);
        }
        batch.flush();
    }

    @Override
    public void close() {
        batch.delete();
    }
}
