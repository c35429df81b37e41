package org.hapring.render.gl;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where frames go ({@code --output}): a window, offscreen (headless, EGL), or {@link #AUTO}: a window when a
 * display is named in the environment and one opens, else offscreen (saying why once).
 *
 * <p>Immutable; any thread ({@link #open} on the render thread).
 */
public enum OutputKind {
    WINDOW("window"),
    OFFSCREEN("offscreen"),
    AUTO("auto");

    private final String cliName;

    OutputKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static OutputKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (OutputKind k : values()) {
            if (k.cliName.equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("output=" + name + ": expected window, offscreen or auto");
    }

    /**
     * Opens this kind of output on the calling thread (which becomes the render thread); {@link #AUTO} falls back
     * from window to offscreen and tells {@code notices} why.
     */
    public GlOutput open(WindowOptions window, Consumer<String> notices) throws GlUnavailableException {
        return switch (this) {
            case WINDOW -> GlfwWindowOutput.open(window);
            case OFFSCREEN -> EglOffscreenOutput.open();
            case AUTO -> {
                if (!GlfwWindowOutput.displayNamed()) {
                    notices.accept("no display (DISPLAY and WAYLAND_DISPLAY are unset): rendering offscreen");
                    yield EglOffscreenOutput.open();
                }
                try {
                    yield GlfwWindowOutput.open(window);
                } catch (GlUnavailableException e) {
                    notices.accept(e.getMessage() + "; rendering offscreen instead");
                    yield EglOffscreenOutput.open();
                }
            }
        };
    }
}
