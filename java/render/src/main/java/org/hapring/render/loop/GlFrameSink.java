package org.hapring.render.loop;

import org.hapring.playback.FrameSink;
import org.hapring.prebuffer.ReadyFrame;
import org.hapring.render.Renderer;

/**
 * The player's sink for a GL output: on the render thread (which runs the player's ticks), uploads a layer's
 * frame when it differs from the one the layer's texture holds, through the renderer's upload path. The upload
 * is finished with the frame's memory when it returns (the direct path's driver has copied it; the PBO path's
 * copy is in the fenced ring), so the frame is not retained: the player may recycle its slot after the tick.
 * A frame shown again (a paused layer, a clip slower than the clock, a dropped tick) is not uploaded again.
 * Compositing and presenting happen after the tick, in {@link RenderLoop}.
 *
 * <p>Called on the render thread (the player's tick thread).
 */
public final class GlFrameSink implements FrameSink {
    private final Renderer renderer;

    public GlFrameSink(Renderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public void show(int layerId, long tick, int dueFrame, ReadyFrame frame) {
        if (frame != null && renderer.frameIndex(layerId) != frame.frameIndex()) {
            renderer.upload(layerId, frame.frameIndex(), frame.texture());
        }
    }

    @Override
    public void layerClosed(int layerId) {
        renderer.forget(layerId);
        renderer.labels().set(layerId, null);
    }
}
