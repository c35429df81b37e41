package org.hapring.app.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hapring.decode.HapVariant;

/**
 * One format of generated benchmark media: a HAP variant at a picture size, written as noise (Snappy gains
 * nothing: the worst-case data rate). Spelled {@code VARIANT@WxH} on the command line, e.g.
 * {@code hap_q@1920x1080}.
 *
 * <p>Immutable; any thread.
 */
public record MediaFormat(HapVariant variant, int widthPixels, int heightPixels) {
    public MediaFormat {
        if (widthPixels < 16 || heightPixels < 16 || widthPixels > 16384 || heightPixels > 16384) {
            throw new IllegalArgumentException(
                    "format size " + widthPixels + "x" + heightPixels + ": must be 16..16384 each way");
        }
    }

    /** Parses {@code hap_q@1920x1080} (the size defaults to 1920x1080 when {@code @WxH} is left out). */
    public static MediaFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int at = t.indexOf('@');
        String name = at < 0 ? t : t.substring(0, at);
        HapVariant v = HapVariant.fromCliName(name)
                .orElseThrow(() -> new IllegalArgumentException("format=" + text
                        + ": unknown variant " + name + ", expected one of "
                        + Arrays.stream(HapVariant.values())
                                .map(HapVariant::cliName)
                                .collect(Collectors.joining(", "))));
        if (at < 0) {
            return new MediaFormat(v, 1920, 1080);
        }
        String[] wh = t.substring(at + 1).split("x", -1);
        try {
            if (wh.length != 2) {
                throw new NumberFormatException();
            }
            return new MediaFormat(v, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("format=" + text + ": the size must be WxH, e.g. hap_q@3840x2160");
        }
    }

    /** {@code hap_q@1920x1080}: the command-line spelling, also used in file names and reports. */
    public String label() {
        return variant.cliName() + "@" + widthPixels + "x" + heightPixels;
    }

    /** Texture bytes per frame (the stored frame adds a section header of 4 or 8 bytes per plane). */
    public long textureBytes() {
        return variant.textureBytes(widthPixels, heightPixels);
    }

    @Override
    public String toString() {
        return label();
    }
}
