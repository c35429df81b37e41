package org.hapring.render.compose;

import java.util.Locale;

/**
 * How a layer's picture is sized into its box (the whole canvas unless the layer has one), before the layer's
 * own scale. The picture stays centred in the box (plus the layer's offset) and is clipped to the box.
 *
 * <p>Immutable; any thread.
 */
public enum FitMode {
    /** As large as fits wholly inside the box, aspect kept (letterbox/pillarbox). */
    FIT("fit"),
    /** As small as covers the whole box, aspect kept (the overflow is cropped). */
    FILL("fill"),
    /** Exactly the box, aspect ignored. */
    STRETCH("stretch"),
    /** One picture pixel per canvas pixel, placed on whole pixels (pixel-exact at scale 1). */
    NATIVE("native");

    private final String cliName;

    FitMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static FitMode parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (FitMode m : values()) {
            if (m.cliName.equals(n)) {
                return m;
            }
        }
        throw new IllegalArgumentException("fit=" + name + ": expected fit, fill, stretch or native");
    }
}
