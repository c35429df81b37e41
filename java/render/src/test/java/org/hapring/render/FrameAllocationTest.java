package org.hapring.render;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.hapring.decode.TextureFrame;
import org.hapring.render.compose.BlendMode;
import org.hapring.render.compose.FitMode;
import org.hapring.render.compose.Grid;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.gl.EglOffscreenOutput;
import org.hapring.render.overlay.OverlayStats;
import org.junit.jupiter.api.Test;

/**
 * A whole frame on the render thread (GPU wait, uploads, compositing with labels and the stats overlay, present)
 * allocates nothing on the Java heap once warmed up.
 *
 * <p>The test thread is the render thread.
 */
class FrameAllocationTest {
    @Test
    void aFrameAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes per thread");
        try (EglOffscreenOutput output = GlTestOutput.openOrSkip();
                Arena arena = Arena.ofConfined();
                Renderer renderer = new Renderer(output, new RenderOptions(160, 120, 3, null, true))) {
            TextureFrame[] frames = {
                SolidFrames.dxt1(arena, 64, 48, SolidFrames.RED), SolidFrames.dxt1(arena, 64, 48, SolidFrames.BLUE)
            };
            for (int id = 0; id < 3; id++) {
                renderer.looks()
                        .set(
                                id,
                                LayerLook.DEFAULT
                                        .withFit(FitMode.FIT)
                                        .withBox(Grid.cell(id, 3, 160, 120, 2))
                                        .withBlend(id == 2 ? BlendMode.SCREEN : BlendMode.NORMAL)
                                        .withOpacity(0.8));
                renderer.labels().set(id, "layer " + id);
            }
            renderer.overlay()
                    .publish(new OverlayStats(
                            "uring",
                            "a fallback",
                            List.of(
                                    new OverlayStats.Layer(0, "zero.mov", 10, 1, 1200, 300_000, 0),
                                    new OverlayStats.Layer(1, "one.mov", 10, 0, 900, 250_000, 2))));
            long tid = Thread.currentThread().threadId();
            long before = 0;
            for (int frame = 0; frame < 1_500; frame++) {
                if (frame == 1_000) {
                    before = threads.getThreadAllocatedBytes(tid);
                }
                renderer.awaitGpu();
                for (int id = 0; id < 3; id++) {
                    renderer.upload(id, frame, frames[(frame + id) % 2]);
                }
                renderer.drawFrame(frame);
                renderer.present(16_666_667L);
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            assertTrue(allocated < 16 * 1024, "500 frames allocated " + allocated + " bytes on the Java heap");
        }
    }
}
