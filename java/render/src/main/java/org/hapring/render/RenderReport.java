package org.hapring.render;

import java.util.List;
import org.hapring.prebuffer.LatencySummary;

/**
 * The renderer's part of a run's report (beside the engine's stats in {@code --stats-json}).
 *
 * @param output the output, e.g. {@code window 1280x720 on Xvfb @60 Hz (vsync)}
 * @param driver the GL renderer and version
 * @param uploadPath {@code direct} or {@code pbo}
 * @param presented frames presented
 * @param droppedIntervals refresh intervals with no new frame presented
 * @param latePresents presents that came more than one interval after the previous one
 * @param ringBusyFallbacks PBO uploads done directly because the ring region was still in use
 * @param draw time to composite a frame (layers and overlay), CPU side
 * @param gpuWait time the render thread waited for the GPU to finish the frame before last (GPU too slow)
 * @param present time in the swap (a window: the copy to the window and, with vsync, the wait for the vertical
 *     blank; a software rasteriser finishes drawing there) or the flush (offscreen)
 * @param presentInterval time between presents
 * @param layers per layer: uploads, bytes, upload time on the render thread
 *
 * <p>Immutable; any thread.
 */
public record RenderReport(
        String output,
        String driver,
        String uploadPath,
        long presented,
        long droppedIntervals,
        long latePresents,
        long ringBusyFallbacks,
        LatencySummary draw,
        LatencySummary gpuWait,
        LatencySummary present,
        LatencySummary presentInterval,
        List<LayerUpload> layers) {

    /** One layer's uploads. */
    public record LayerUpload(int layerId, long uploads, long bytes, LatencySummary upload) {}
}
