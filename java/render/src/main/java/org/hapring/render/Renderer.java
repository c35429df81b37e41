package org.hapring.render;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.IntUnaryOperator;
import org.hapring.decode.TextureFrame;
import org.hapring.decode.reference.PngWriter;
import org.hapring.render.compose.Canvas;
import org.hapring.render.compose.CompositeLayer;
import org.hapring.render.compose.Compositor;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.compose.PixelBox;
import org.hapring.render.gl.GlDriver;
import org.hapring.render.gl.GlException;
import org.hapring.render.gl.GlOutput;
import org.hapring.render.overlay.LayerLabels;
import org.hapring.render.overlay.StatsOverlay;
import org.hapring.render.texture.LayerTextures;
import org.hapring.render.texture.TextureStreamer;
import org.hapring.render.texture.UploadPath;
import org.lwjgl.opengl.GL11C;

/**
 * The render side in one object: texture streaming ({@link TextureStreamer}), compositing
 * ({@link Compositor}) onto the canvas, the stats overlay, presentation to the {@link GlOutput} and the
 * renderer's stats. A frame is {@link #upload} for the layers with a new picture, {@link #drawFrame}, then
 * {@link #present}; {@link #screenshot} between the last two saves exactly what was composited.
 *
 * <p>Render thread only (the thread that opened the output), except {@link #looks()} (any thread) and
 * {@link #report()} (any thread).
 */
public final class Renderer implements AutoCloseable {

    private final GlOutput output;
    private final GlDriver driver;
    private final TextureStreamer streamer;
    private final Compositor compositor;
    private final StatsOverlay overlay;
    private final LayerLabels labels;
    private final LayerLabels.Anchor labelAnchor = this::labelAnchor;
    private final LayerLooks looks;
    private final RenderStats stats = new RenderStats();
    private final CompositeLayer[] layers;
    private final IntUnaryOperator frameIndexOf = this::frameIndex;
    private final String driverLine;
    private volatile boolean overlayVisible;
    private long lastDrawNanos;
    private long lastGpuWaitNanos;
    private long lastPresentNanos;
    private long refreshNanos;
    private final FrameFences frameFences;
    private Arena readbackArena;
    private MemorySegment readback;

    /** Sets up streaming, compositing and the overlay on {@code output}'s context (current on this thread). */
    public Renderer(GlOutput output, RenderOptions options) {
        this.output = Objects.requireNonNull(output, "output");
        this.driver = GlDriver.current();
        this.frameFences = new FrameFences(driver.software());
        UploadPath path = options.upload() == null ? UploadPath.defaultFor(driver) : options.upload();
        this.looks = new LayerLooks(options.maxLayers());
        this.layers = new CompositeLayer[options.maxLayers()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = new CompositeLayer(i);
        }
        this.streamer = new TextureStreamer(driver, path);
        this.compositor = new Compositor(options.canvasWidthPixels(), options.canvasHeightPixels());
        this.overlay = new StatsOverlay();
        this.labels = new LayerLabels(options.maxLayers());
        this.driverLine = driver.renderer() + " " + driver.version();
        overlay.describe(output.description(), driverLine, path.cliName());
        this.overlayVisible = options.statsOverlay();
        output.setKeyListener(action -> {
            if (action == GlOutput.KeyAction.TOGGLE_STATS) {
                overlayVisible = !overlayVisible;
            }
        });
    }

    public GlOutput output() {
        return output;
    }

    public GlDriver driver() {
        return driver;
    }

    public UploadPath uploadPath() {
        return streamer.path();
    }

    /** Where control threads set the layers' looks. */
    public LayerLooks looks() {
        return looks;
    }

    public StatsOverlay overlay() {
        return overlay;
    }

    /** Per-layer text labels (set from any thread). */
    public LayerLabels labels() {
        return labels;
    }

    public RenderStats stats() {
        return stats;
    }

    public Canvas canvas() {
        return compositor.canvas();
    }

    public boolean overlayVisible() {
        return overlayVisible;
    }

    public void setOverlayVisible(boolean visible) {
        overlayVisible = visible;
    }

    /**
     * Uploads {@code frame} (frame number {@code frameIndex} of its file) as layer {@code layerId}'s picture,
     * timed into the layer's upload stats. When this returns, {@code frame}'s memory may be reused.
     */
    public void upload(int layerId, int frameIndex, TextureFrame frame) {
        Objects.checkIndex(layerId, layers.length);
        long start = System.nanoTime();
        streamer.upload(layerId, frameIndex, frame);
        long nanos = System.nanoTime() - start;
        LayerTextures t = streamer.textures(layerId);
        layers[layerId].setTextures(t);
        long bytes = frame.planeBytes(0) + (frame.planeCount() > 1 ? frame.planeBytes(1) : 0);
        stats.upload(layerId, nanos, bytes);
    }

    /** The frame number layer {@code layerId} shows, or -1 when it has no picture. */
    public int frameIndex(int layerId) {
        LayerTextures t = layerId >= 0 && layerId < layers.length ? layers[layerId].textures() : null;
        return t == null ? -1 : t.frameIndex();
    }

    /** A label sits at the top-left of the layer's box (the canvas when none), if the layer is shown. */
    private boolean labelAnchor(int layerId, int[] out) {
        CompositeLayer l = layers[layerId];
        LayerLook look = l.look();
        if (!look.visible() || l.textures() == null) {
            return false;
        }
        PixelBox box = look.box();
        out[0] = box == null ? 0 : Math.max(0, box.x());
        out[1] = box == null ? 0 : Math.max(0, box.y());
        return true;
    }

    /** Drops a layer's textures (it was closed); it disappears from the next frame. */
    public void forget(int layerId) {
        Objects.checkIndex(layerId, layers.length);
        layers[layerId].setTextures(null);
        streamer.forget(layerId);
    }

    /** Composites every layer (and the overlay when shown) onto the canvas for {@code tick}. */
    public void drawFrame(long tick) {
        long start = System.nanoTime();
        for (CompositeLayer l : layers) {
            l.setLook(looks.get(l.layerId()));
        }
        compositor.begin();
        compositor.drawLayers(layers, layers.length);
        Canvas c = compositor.canvas();
        if (labels.any()) {
            labels.draw(c.widthPixels(), c.heightPixels(), labelAnchor);
        }
        if (overlayVisible) {
            overlay.draw(
                    c.widthPixels(),
                    c.heightPixels(),
                    tick,
                    stats,
                    lastDrawNanos,
                    lastGpuWaitNanos,
                    lastPresentNanos,
                    refreshNanos,
                    streamer.ringBusyFallbacks(),
                    frameIndexOf);
        }
        int error = GL11C.glGetError();
        if (error != 0) {
            throw new GlException("drawing frame " + tick + " failed: GL error 0x" + Integer.toHexString(error), error);
        }
        lastDrawNanos = System.nanoTime() - start;
        stats.drawn(lastDrawNanos);
    }

    /**
     * Shows the canvas: a window gets it scaled to fit and swaps (waiting for the vertical blank with vsync);
     * offscreen flushes the commands. {@code refreshNanos} is the interval each frame should last, for the
     * dropped-frame count.
     */
    public void present(long refreshNanos) {
        this.refreshNanos = refreshNanos;
        long start = System.nanoTime();
        if (output.isWindow()) {
            compositor.canvas().blitToWindow(output.framebufferWidthPixels(), output.framebufferHeightPixels());
            output.present();
        } else {
            GL11C.glFlush();
        }
        long now = System.nanoTime();
        lastPresentNanos = now - start;
        stats.presented(now, refreshNanos, lastPresentNanos);
        frameFences.presented();
    }

    /**
     * Waits until the GPU has finished the frame before last (the previous one on software rasterisers; see
     * {@link FrameFences}) before this frame's uploads: the GPU's back-pressure is counted as GPU wait, not as
     * upload time. Call at the start of a frame, before the uploads.
     */
    public void awaitGpu() {
        lastGpuWaitNanos = frameFences.await();
        stats.gpuWaited(lastGpuWaitNanos);
    }

    /** Reads the canvas back (as composited, overlay included when shown) and writes it as a PNG. */
    public void screenshot(Path png) throws IOException {
        Canvas c = compositor.canvas();
        if (readback == null) {
            readbackArena = Arena.ofConfined();
            readback = readbackArena.allocate(c.rgbaBytes(), 64);
        }
        c.readRgba(readback);
        PngWriter.write(png, readback, c.widthPixels(), c.heightPixels());
    }

    /** The renderer's stats now (any thread). */
    public RenderReport report() {
        return stats.snapshot(
                output.description(), driverLine, streamer.path().cliName(), streamer.ringBusyFallbacks());
    }

    @Override
    public void close() {
        frameFences.delete();
        labels.close();
        overlay.close();
        compositor.close();
        streamer.close();
        if (readbackArena != null) {
            readbackArena.close();
        }
    }
}
