package org.hapring.render.loop;

import java.util.Locale;

/**
 * What paces presentation ({@code --pacing}).
 *
 * <p>Immutable; any thread.
 */
public enum Pacing {
    /**
     * The display: swaps wait for the vertical blank (swap interval 1) and each frame shows the tick the frame
     * clock is at when the previous swap returned; never ahead of the clock. Tear-free; a window's default.
     */
    VSYNC("vsync"),
    /**
     * The frame clock: each tick runs when it is due and is presented at once (swap interval 0). Offscreen's
     * only choice; in a window it may tear but follows the clock exactly.
     */
    CLOCK("clock");

    private final String cliName;

    Pacing(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Pacing parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Pacing p : values()) {
            if (p.cliName.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("pacing=" + name + ": expected vsync or clock");
    }
}
