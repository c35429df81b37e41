package org.hapring.decode;

import java.util.List;
import java.util.Optional;

/**
 * The HAP codec variants as named by their QuickTime fourcc, with the texture planes each carries
 * and the name the CLI uses ({@code gen --format}).
 *
 * <p>Immutable; any thread.
 */
public enum HapVariant {
    HAP("Hap1", "hap", List.of(TextureFormat.DXT1)),
    HAP_ALPHA("Hap5", "hap_alpha", List.of(TextureFormat.DXT5)),
    HAP_Q("HapY", "hap_q", List.of(TextureFormat.YCOCG_DXT5)),
    HAP_Q_ALPHA("HapM", "hap_q_alpha", List.of(TextureFormat.YCOCG_DXT5, TextureFormat.BC4)),
    HAP_ALPHA_ONLY("HapA", "hap_alpha_only", List.of(TextureFormat.BC4)),
    HAP_R("Hap7", "hap_r", List.of(TextureFormat.BC7)),
    /** HAP HDR; its frames say whether BC6H is signed or unsigned, unsigned is what we write. */
    HAP_HDR("HapH", "hap_hdr", List.of(TextureFormat.BC6H_UNSIGNED));

    private final String fourcc;
    private final String cliName;
    private final List<TextureFormat> planes;

    HapVariant(String fourcc, String cliName, List<TextureFormat> planes) {
        this.fourcc = fourcc;
        this.cliName = cliName;
        this.planes = planes;
    }

    /** The QuickTime sample-description fourcc, e.g. {@code HapY}. */
    public String fourcc() {
        return fourcc;
    }

    /** The name used on the command line, e.g. {@code hap_q}. */
    public String cliName() {
        return cliName;
    }

    /** Texture planes in frame order (colour first for HapM). */
    public List<TextureFormat> planes() {
        return planes;
    }

    /** Sum of the planes' texture bytes for a picture of this size. */
    public long textureBytes(int widthPixels, int heightPixels) {
        long total = 0;
        for (TextureFormat f : planes) {
            total += f.textureBytes(widthPixels, heightPixels);
        }
        return total;
    }

    public static Optional<HapVariant> fromFourcc(String fourcc) {
        for (HapVariant v : values()) {
            if (v.fourcc.equals(fourcc)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public static Optional<HapVariant> fromCliName(String name) {
        for (HapVariant v : values()) {
            if (v.cliName.equals(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
