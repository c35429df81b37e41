package org.hapring.write.bc;

import org.hapring.decode.TextureFormat;

/**
 * Makes the block encoder of each texture format. The encoders aim at test content: fast (a 1080p
 * plane in well under a second on one core) and decent (principal-axis endpoints, exact decoder
 * palettes for index selection), not at the quality of an offline texture compressor.
 *
 * <p>Stateless; any thread. The encoders it returns are single-threaded.
 */
public final class BlockEncoders {
    private BlockEncoders() {}

    /** A new encoder for {@code format}. */
    public static BlockEncoder create(TextureFormat format) {
        return switch (format) {
            case DXT1 -> new Dxt1Encoder();
            case DXT5 -> new Dxt5Encoder();
            case YCOCG_DXT5 -> new YCoCgDxt5Encoder();
            case BC4 -> new Bc4Encoder();
            case BC7 -> new Bc7Mode6Encoder();
            case BC6H_UNSIGNED -> new Bc6hMode11Encoder();
            case BC6H_SIGNED ->
                throw new IllegalArgumentException(
                        "signed BC6H is not written (HapH files from this writer use unsigned BC6H)");
        };
    }
}
