package org.hapring.playback;

import java.util.Locale;

/**
 * What a layer does when the frame due at a tick is not ready (a miss, always counted).
 *
 * <p>Immutable; any thread.
 */
public enum MissPolicy {
    /** Keep showing the previous frame (the tick is dropped for this layer). Never waits. */
    REPEAT_PREVIOUS("repeat"),
    /**
     * Ask the I/O thread to read the frame at once and wait for it, at most the configured deadline; when the
     * deadline passes, repeat the previous frame. Never blocks longer than the deadline.
     */
    WAIT_WITHIN_DEADLINE("wait");

    private final String configName;

    MissPolicy(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static MissPolicy parse(String key, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (MissPolicy p : values()) {
            if (p.configName.equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException(key + "=" + value + ": expected repeat or wait");
    }
}
