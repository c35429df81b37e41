package org.hapring.render.loop;

import java.nio.file.Path;
import java.util.Objects;
import org.hapring.render.RenderOptions;
import org.hapring.render.gl.OutputKind;
import org.hapring.render.gl.WindowOptions;

/**
 * Everything a {@link RenderLoop} needs before it starts.
 *
 * @param output window, offscreen or auto
 * @param window the window's title, size, fullscreen and monitor (its vsync follows {@code pacing})
 * @param render canvas size, layers, upload path, overlay
 * @param pacing what paces presentation; null: vsync for a window, the clock offscreen
 * @param screenshotPng where to write the screenshot, or null for none
 * @param screenshotTick the tick (output frame, from 0) to capture; that tick is never skipped
 *
 * <p>Immutable; any thread.
 */
public record LoopSettings(
        OutputKind output,
        WindowOptions window,
        RenderOptions render,
        Pacing pacing,
        Path screenshotPng,
        long screenshotTick) {
    public LoopSettings {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(render, "render");
        if (screenshotPng != null && screenshotTick < 0) {
            throw new IllegalArgumentException("screenshot-frame=" + screenshotTick + ": must be >= 0");
        }
    }
}
