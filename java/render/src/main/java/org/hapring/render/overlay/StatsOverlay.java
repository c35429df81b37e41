package org.hapring.render.overlay;

import java.util.function.IntUnaryOperator;
import org.hapring.render.RenderStats;

/**
 * The on-screen stats: a translucent panel at the top-left (or bottom-left) of the canvas with the output and
 * driver, the engine in use and any fallback, the frame counters (dropped refresh intervals, the last frame's draw
 * submission time, GPU wait and present time), one line per layer (frame number, hit rate, misses,
 * acquire and upload p99, dropped ticks) and a graph of the last {@link RenderStats#GRAPH_FRAMES} frame
 * intervals (bars, red above one refresh interval, with a line at the interval). The text is rebuilt every
 * frame into reused buffers: drawing it allocates nothing.
 *
 * <p>Render thread only, except {@link #publish} (any thread: a control thread hands over fresh engine stats).
 */
public final class StatsOverlay implements AutoCloseable {
    private static final int MAX_LINES = 40;
    private static final int LINE_CHARS = 110;

    private final QuadBatch batch = new QuadBatch(LINE_CHARS * MAX_LINES + RenderStats.GRAPH_FRAMES + 16);
    private final TextLine[] lines = new TextLine[MAX_LINES];
    private final float[] graph = new float[RenderStats.GRAPH_FRAMES];
    private static final int GRAPH_HEIGHT = 48;
    private static final int MARGIN = 4;
    private static final int FIXED_LINES = 5;
    private volatile OverlayStats engine = OverlayStats.NONE;
    private volatile boolean bottom;
    private String header = "hapring";
    private String driverLine = "";

    public StatsOverlay() {
        for (int i = 0; i < lines.length; i++) {
            lines[i] = new TextLine(LINE_CHARS);
        }
    }

    /** The text scale for a canvas this high: 1 up to 1079 pixels, 2 at 1080p, 4 at 2160p. */
    public static int scaleFor(int canvasHeightPixels) {
        return Math.max(1, Math.min(4, canvasHeightPixels / 540));
    }

    /** The panel's height (with its margins) for {@code layers} layer lines on a canvas this high. */
    public static int heightPixels(int layers, int canvasHeightPixels) {
        int scale = scaleFor(canvasHeightPixels);
        return (FIXED_LINES + layers) * BitmapFont.CELL_HEIGHT * scale + GRAPH_HEIGHT * scale + 4 * MARGIN * scale;
    }

    /** Puts the panel at the bottom-left of the canvas (true) or the top-left (false, the default); any thread. */
    public void setBottom(boolean atBottom) {
        bottom = atBottom;
    }

    /** Hands over the engine's latest numbers (any thread). */
    public void publish(OverlayStats stats) {
        engine = stats == null ? OverlayStats.NONE : stats;
    }

    /** The fixed lines: what the output is and which driver and upload path draw it. */
    public void describe(String output, String driver, String uploadPath) {
        header = "hapring  " + output;
        driverLine = "gl " + driver + "  upload=" + uploadPath;
    }

    /**
     * Draws the panel onto the bound canvas ({@code canvasWidth x canvasHeight}). {@code frameIndexOf} gives a
     * layer's frame on screen (-1 when none); {@code refreshNanos} is the interval frames should last.
     */
    public void draw(
            int canvasWidth,
            int canvasHeight,
            long tick,
            RenderStats stats,
            long lastDrawNanos,
            long lastGpuWaitNanos,
            long lastPresentNanos,
            long refreshNanos,
            long ringBusyFallbacks,
            IntUnaryOperator frameIndexOf) {
        int scale = scaleFor(canvasHeight);
        OverlayStats e = engine;
        int n = 0;
        lines[n++].clear().append(header);
        TextLine driver = lines[n++].clear().append(driverLine);
        if (ringBusyFallbacks > 0) {
            driver.append("  ring busy ").append(ringBusyFallbacks);
        }
        lines[n].clear().append("engine ").append(e.engine());
        if (e.fallbackReason() != null) {
            lines[n].append("  FALLBACK: ").append(e.fallbackReason());
        }
        n++;
        lines[n++]
                .clear()
                .append("tick ")
                .append(tick)
                .append("  presented ")
                .append(stats.presented())
                .append("  dropped ")
                .append(stats.droppedIntervals())
                .append("  draw ")
                .appendFixed(lastDrawNanos / 1e6, 2, 0)
                .append(" ms  gpu wait ")
                .appendFixed(lastGpuWaitNanos / 1e6, 2, 0)
                .append(" ms  present ")
                .appendFixed(lastPresentNanos / 1e6, 2, 0)
                .append(" ms");
        lines[n++].clear().append("layer name                     frame   hit%  miss  acq p99  upl p99  drop");
        for (int i = 0; i < e.layers().size() && n < MAX_LINES; i++) {
            OverlayStats.Layer l = e.layers().get(i);
            TextLine t = lines[n++].clear();
            t.append(l.layerId(), 5).append(' ');
            int start = t.length;
            t.append(l.name());
            t.length = Math.min(t.length, start + 24);
            while (t.length < start + 24) {
                t.append(' ');
            }
            t.append(frameIndexOf.applyAsInt(l.layerId()), 6)
                    .append(' ')
                    .appendFixed(l.hitRate() * 100, 1, 6)
                    .append(l.misses(), 6)
                    .append(' ')
                    .appendFixed(l.acquireP99Nanos() / 1e3, 1, 6)
                    .append("us")
                    .append(' ')
                    .appendFixed(l.uploadP99Nanos() / 1e6, 2, 5)
                    .append("ms")
                    .append(l.dropped(), 6);
        }
        float cellW = BitmapFont.CELL_WIDTH * scale;
        float cellH = BitmapFont.CELL_HEIGHT * scale;
        float margin = MARGIN * scale;
        int widest = 0;
        for (int i = 0; i < n; i++) {
            widest = Math.max(widest, lines[i].length);
        }
        float graphH = GRAPH_HEIGHT * scale;
        float panelW = Math.min(
                canvasWidth - 2 * margin, Math.max(widest * cellW, RenderStats.GRAPH_FRAMES * scale) + 2 * margin);
        float panelH = n * cellH + graphH + 3 * margin;
        float top = bottom ? canvasHeight - margin - panelH : margin;
        batch.begin(canvasWidth, canvasHeight);
        batch.rect(margin, top, panelW, panelH, 0f, 0f, 0f, 0.7f);
        for (int i = 0; i < n; i++) {
            boolean warn = i == 2 && e.fallbackReason() != null;
            batch.text(
                    lines[i].chars,
                    lines[i].length,
                    2 * margin,
                    top + margin + i * cellH,
                    scale,
                    1f,
                    warn ? 0.6f : 1f,
                    warn ? 0.2f : 1f,
                    1f);
        }
        drawGraph(2 * margin, top + margin + n * cellH + margin, graphH, scale, stats, refreshNanos);
        batch.flush();
    }

    private void drawGraph(float x, float y, float height, int scale, RenderStats stats, long refreshNanos) {
        stats.frameMillis(graph);
        float refreshMillis = refreshNanos > 0 ? refreshNanos / 1e6f : 16.667f;
        float fullMillis = 3 * refreshMillis;
        batch.rect(x, y, RenderStats.GRAPH_FRAMES * scale, height, 0.15f, 0.15f, 0.15f, 0.8f);
        for (int i = 0; i < graph.length; i++) {
            float ms = graph[i];
            if (ms <= 0) {
                continue;
            }
            float h = Math.min(1f, ms / fullMillis) * height;
            boolean late = ms > refreshMillis * 1.5f;
            batch.rect(x + i * scale, y + height - h, scale, h, late ? 1f : 0.3f, late ? 0.3f : 0.9f, 0.3f, 1f);
        }
        float line = y + height - height / 3;
        batch.rect(x, line, RenderStats.GRAPH_FRAMES * scale, Math.max(1, scale / 2), 1f, 1f, 1f, 0.8f);
    }

    @Override
    public void close() {
        batch.delete();
    }
}
