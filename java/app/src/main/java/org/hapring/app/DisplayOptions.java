package org.hapring.app;

import java.nio.file.Path;
import java.util.Locale;
import org.hapring.render.RenderOptions;
import org.hapring.render.compose.FitMode;
import org.hapring.render.compose.Grid;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.compose.PixelBox;
import org.hapring.render.gl.OutputKind;
import org.hapring.render.gl.WindowOptions;
import org.hapring.render.loop.LoopSettings;
import org.hapring.render.loop.Pacing;
import org.hapring.render.texture.UploadPath;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The output options shared by {@code play} and {@code demo}: where frames go, the canvas and window, pacing,
 * upload path, overlay, layout and screenshot. A bad value is one error naming the option.
 *
 * <p>Read on the main thread.
 */
final class DisplayOptions {
    /** How layers are arranged on the canvas. */
    enum Layout {
        /** Every layer fitted to the whole canvas, stacked in file order (the first at the bottom). */
        STACK,
        /** Each layer in its own labelled cell. */
        GRID
    }

    @Option(
            names = "--output",
            paramLabel = "OUT",
            defaultValue = "auto",
            description = "Where frames go: window, offscreen (headless OpenGL), none (no rendering) or auto (default:"
                    + " a window when a display exists, else offscreen, else none).")
    String output;

    @Option(
            names = "--size",
            paramLabel = "WxH",
            defaultValue = "1280x720",
            description =
                    "Canvas (and window) size in pixels (default ${DEFAULT-VALUE}); fullscreen scales it to the monitor.")
    String size;

    @Option(names = "--fullscreen", description = "Fullscreen window on the chosen monitor, in its current mode.")
    boolean fullscreen;

    @Option(
            names = "--monitor",
            paramLabel = "N",
            defaultValue = "0",
            description = "Monitor for the window (0 = primary).")
    int monitor;

    @Option(
            names = "--pacing",
            paramLabel = "P",
            description = "What paces presentation: vsync (a window's default) or clock (offscreen's only choice).")
    String pacing;

    @Option(
            names = "--upload",
            paramLabel = "PATH",
            defaultValue = "auto",
            description =
                    "Texture upload path: direct (from the frame's memory), pbo (persistent mapped ring with fences)"
                            + " or auto (default: direct on software renderers, pbo on GPUs).")
    String upload;

    @Option(
            names = "--stats-overlay",
            description = "Show the stats overlay from the start (S or F1 in the window toggles it).")
    boolean statsOverlay;

    @Option(
            names = "--layout",
            paramLabel = "L",
            defaultValue = "stack",
            description =
                    "stack (layers over each other, first file at the bottom; default) or grid (one labelled cell each).")
    String layout;

    @Option(
            names = "--screenshot",
            paramLabel = "OUT.png",
            description = "Write what was composited for --screenshot-frame as a PNG.")
    Path screenshot;

    @Option(
            names = "--screenshot-frame",
            paramLabel = "N",
            defaultValue = "0",
            description = "Output frame (clock tick from 0) the screenshot captures (default ${DEFAULT-VALUE}).")
    long screenshotFrame;

    /** null for --output none; else the render loop's settings for up to {@code maxLayers} layers. */
    LoopSettings settings(CommandSpec spec, int maxLayers, String title) {
        String o = output.trim().toLowerCase(Locale.ROOT);
        if (o.equals("none")) {
            if (screenshot != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--screenshot needs an output: --output=none" + " renders nothing");
            }
            return null;
        }
        try {
            OutputKind kind;
            try {
                kind = OutputKind.parse(o);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("output=" + output + ": expected auto, window, offscreen or none");
            }
            int[] wh = size();
            Pacing p = pacing == null ? null : Pacing.parse(pacing);
            if (p == Pacing.VSYNC && kind == OutputKind.OFFSCREEN) {
                throw new IllegalArgumentException("pacing=vsync: offscreen has no display to sync to; use clock");
            }
            if (screenshotFrame < 0) {
                throw new IllegalArgumentException("screenshot-frame=" + screenshotFrame + ": must be >= 0");
            }
            layout();
            return new LoopSettings(
                    kind,
                    new WindowOptions(title, wh[0], wh[1], fullscreen, monitor, true),
                    new RenderOptions(wh[0], wh[1], maxLayers, UploadPath.parse(upload), statsOverlay),
                    p,
                    screenshot,
                    screenshotFrame);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
    }

    /** Whether --output asked for auto (which may fall back to no rendering when there is no OpenGL at all). */
    boolean auto() {
        return output.trim().equalsIgnoreCase("auto");
    }

    Layout layout() {
        return switch (layout.trim().toLowerCase(Locale.ROOT)) {
            case "stack" -> Layout.STACK;
            case "grid" -> Layout.GRID;
            default -> throw new IllegalArgumentException("layout=" + layout + ": expected stack or grid");
        };
    }

    private int[] size() {
        String[] parts = size.trim().toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0]);
                int h = Integer.parseInt(parts[1]);
                if (w >= 16 && h >= 16 && w <= 16384 && h <= 16384) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("size=" + size + ": expected WxH, 16..16384 each, e.g. 1280x720");
    }

    /**
     * The look of layer {@code index} of {@code count} under {@code layout} on a canvas of {@code w x h}; a grid
     * leaves the bottom {@code reservedBottomPixels} free (for the stats overlay).
     */
    static LayerLook look(Layout layout, int index, int count, int w, int h, int reservedBottomPixels) {
        return switch (layout) {
            case STACK -> LayerLook.DEFAULT.withZOrder(index);
            case GRID ->
                LayerLook.DEFAULT
                        .withFit(FitMode.FIT)
                        .withBox(Grid.cell(
                                index,
                                count,
                                new PixelBox(0, 0, w, Math.max(count, h - reservedBottomPixels)),
                                Math.max(2, h / 90)))
                        .withZOrder(index);
        };
    }
}
