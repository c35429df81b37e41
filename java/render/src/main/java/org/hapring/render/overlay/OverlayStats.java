package org.hapring.render.overlay;

import java.util.List;

/**
 * The engine's numbers the overlay shows, refreshed a few times a second by a control thread from the
 * player's stats snapshot (taking a snapshot waits and allocates, which the render thread must not).
 *
 * @param engine the read engine in use ({@code uring}, {@code filechannel}, ...)
 * @param fallbackReason why it is not the one asked for, or null
 * @param layers per layer
 *
 * <p>Immutable; any thread.
 */
public record OverlayStats(String engine, String fallbackReason, List<Layer> layers) {
    public static final OverlayStats NONE = new OverlayStats("-", null, List.of());

    public OverlayStats {
        layers = List.copyOf(layers);
    }

    /**
     * One layer's engine counters.
     *
     * @param layerId the player's layer id
     * @param name a short name (the file name)
     * @param hits acquires that found the due frame ready
     * @param misses acquires that did not
     * @param acquireP99Nanos 99th percentile of the acquire time (engine, render thread)
     * @param uploadP99Nanos 99th percentile of the texture upload time (renderer)
     * @param dropped ticks at which the layer's due frame was not on screen
     */
    public record Layer(
            int layerId, String name, long hits, long misses, long acquireP99Nanos, long uploadP99Nanos, long dropped) {
        public double hitRate() {
            long n = hits + misses;
            return n == 0 ? 1.0 : (double) hits / n;
        }
    }

    /** The entry for {@code layerId}, or null. */
    public Layer layer(int layerId) {
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l.layerId() == layerId) {
                return l;
            }
        }
        return null;
    }
}
