package org.hapring.render.compose;

import java.util.Locale;
import org.lwjgl.opengl.GL11C;

/**
 * How a layer's premultiplied colour {@code s} (alpha {@code sa}, opacity already applied) combines with what
 * is below it, {@code d}, on the canvas, which is opaque (cleared to black, alpha 1), so that every mode is
 * exactly its W3C compositing formula with one fixed-function blend:
 * <ul>
 * <li>NORMAL (source-over): {@code s + d (1 - sa)}
 * <li>ADD (plus): {@code s + d}, clamped to 1
 * <li>MULTIPLY: {@code s d + d (1 - sa)} (the W3C formula {@code s d + s (1 - da) + d (1 - sa)} with {@code da = 1})
 * <li>SCREEN: {@code s + d - s d = s + d (1 - s)}
 * </ul>
 * The canvas alpha follows source-over in every mode ({@code sa + da (1 - sa)}), so it stays 1.
 *
 * <p>Immutable; any thread.
 */
public enum BlendMode {
    NORMAL("normal", GL11C.GL_ONE, GL11C.GL_ONE_MINUS_SRC_ALPHA),
    ADD("add", GL11C.GL_ONE, GL11C.GL_ONE),
    MULTIPLY("multiply", GL11C.GL_DST_COLOR, GL11C.GL_ONE_MINUS_SRC_ALPHA),
    SCREEN("screen", GL11C.GL_ONE, GL11C.GL_ONE_MINUS_SRC_COLOR);

    private final String cliName;
    private final int sourceFactor;
    private final int destinationFactor;

    BlendMode(String cliName, int sourceFactor, int destinationFactor) {
        this.cliName = cliName;
        this.sourceFactor = sourceFactor;
        this.destinationFactor = destinationFactor;
    }

    public String cliName() {
        return cliName;
    }

    /** The colour channels' source factor (glBlendFuncSeparate). */
    int sourceFactor() {
        return sourceFactor;
    }

    int destinationFactor() {
        return destinationFactor;
    }

    /**
     * The mode's formula on one channel, in [0, 1]: {@code s} the layer's premultiplied value, {@code sa} its
     * alpha, {@code d} the canvas below. For CPU references and tests.
     */
    public double apply(double s, double sa, double d) {
        double v = switch (this) {
            case NORMAL -> s + d * (1 - sa);
            case ADD -> s + d;
            case MULTIPLY -> s * d + d * (1 - sa);
            case SCREEN -> s + d * (1 - s);
        };
        return Math.min(1.0, Math.max(0.0, v));
    }

    public static BlendMode parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (BlendMode m : values()) {
            if (m.cliName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("blend=" + name + ": expected normal, add, multiply or screen");
    }
}
