package org.hapring.render;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.hapring.render.compose.LayerLook;

/**
 * The looks of every layer (opacity, z-order, blend, placement...), set by control threads (command line,
 * OSC, demo layout) and read by the render thread once per frame: one volatile read per layer, no locks.
 *
 * <p>Any thread.
 */
public final class LayerLooks {
    private final AtomicReferenceArray<LayerLook> looks;

    /** Room for layer ids {@code 0 .. maxLayers - 1}, each starting as {@link LayerLook#DEFAULT}. */
    public LayerLooks(int maxLayers) {
        if (maxLayers < 1 || maxLayers > 4096) {
            throw new IllegalArgumentException("maxLayers=" + maxLayers + ": must be 1..4096");
        }
        looks = new AtomicReferenceArray<>(maxLayers);
        for (int i = 0; i < maxLayers; i++) {
            looks.set(i, LayerLook.DEFAULT);
        }
    }

    public int maxLayers() {
        return looks.length();
    }

    public void set(int layerId, LayerLook look) {
        Objects.checkIndex(layerId, looks.length());
        looks.set(layerId, Objects.requireNonNull(look, "look"));
    }

    public LayerLook get(int layerId) {
        return looks.get(layerId);
    }
}
