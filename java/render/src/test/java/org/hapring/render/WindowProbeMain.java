package org.hapring.render;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.hapring.decode.TextureFrame;
import org.hapring.render.compose.FitMode;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.gl.GlfwWindowOutput;
import org.hapring.render.gl.WindowOptions;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GL30C;

/**
 * Child-JVM probe for {@link WindowOutputTest}, run under a virtual X server: opens a window (windowed or
 * fullscreen, as args[0] says), composites a red 40x30 picture in the middle of a 160x120 canvas, copies it
 * into the window, reads the window's back buffer before the swap and prints what it found as
 * {@code key=value} lines; exit status 0 when it got that far.
 *
 * <p>Runs on its main thread, which owns the window's context.
 */
public final class WindowProbeMain {
    private WindowProbeMain() {}

    public static void main(String[] args) throws Exception {
        boolean fullscreen = args.length > 0 && args[0].equals("fullscreen");
        try (Arena arena = Arena.ofConfined();
                GlfwWindowOutput window =
                        GlfwWindowOutput.open(new WindowOptions("hapring probe", 160, 120, fullscreen, 0, true));
                Renderer renderer = new Renderer(window, new RenderOptions(160, 120, 1, null, false))) {
            System.out.println("description=" + window.description());
            TextureFrame red = SolidFrames.dxt1(arena, 40, 30, SolidFrames.RED);
            renderer.upload(0, 0, red);
            renderer.looks().set(0, LayerLook.DEFAULT.withFit(FitMode.NATIVE));
            for (int frame = 0; frame < 3; frame++) {
                renderer.awaitGpu();
                window.pollEvents();
                renderer.drawFrame(frame);
                int w = window.framebufferWidthPixels();
                int h = window.framebufferHeightPixels();
                renderer.canvas().blitToWindow(w, h);
                if (frame == 2) {
                    System.out.println("framebuffer=" + w + "x" + h);
                    MemorySegment pixels = arena.allocate((long) w * h * 4);
                    GL30C.glBindFramebuffer(GL30C.GL_READ_FRAMEBUFFER, 0);
                    GL11C.glReadBuffer(GL11C.GL_BACK);
                    GL11C.glPixelStorei(GL11C.GL_PACK_ALIGNMENT, 1);
                    GL11C.nglReadPixels(0, 0, w, h, GL11C.GL_RGBA, GL11C.GL_UNSIGNED_BYTE, pixels.address());
                    System.out.println("centre=" + rgb(pixels, w, w / 2, h / 2));
                    System.out.println("corner=" + rgb(pixels, w, 1, 1));
                    // the picture is a quarter of the canvas each way: its edge sits at 3/8 of the window; look 2
                    // canvas pixels off it
                    System.out.println("insideEdge=" + rgb(pixels, w, w * 3 / 8 + w / 80, h / 2));
                    System.out.println("outsideEdge=" + rgb(pixels, w, w * 3 / 8 - w / 80, h / 2));
                }
                renderer.present(window.refreshPeriodNanos());
            }
            System.out.println("presented=" + renderer.stats().presented());
            // a window frame (events, draw, copy into the window, swap) allocates nothing once warm
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = 0;
            for (int frame = 0; frame < 600; frame++) {
                if (frame == 400) {
                    before = threads.getThreadAllocatedBytes(
                            Thread.currentThread().threadId());
                }
                window.pollEvents();
                renderer.awaitGpu();
                renderer.upload(0, frame, red);
                renderer.drawFrame(frame);
                renderer.present(window.refreshPeriodNanos());
            }
            System.out.println("allocatedBytesPer200Frames="
                    + (threads.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before));
            System.out.println("closeRequested=" + window.closeRequested());
        }
    }

    private static String rgb(MemorySegment pixels, int width, int x, int y) {
        long at = ((long) y * width + x) * 4;
        return (pixels.get(ValueLayout.JAVA_BYTE, at) & 0xFF) + "," + (pixels.get(ValueLayout.JAVA_BYTE, at + 1) & 0xFF)
                + "," + (pixels.get(ValueLayout.JAVA_BYTE, at + 2) & 0xFF);
    }
}
