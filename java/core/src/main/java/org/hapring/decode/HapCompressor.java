package org.hapring.decode;

/**
 * The second-stage compressor of a HAP texture section (high nibble of its type byte) or of one
 * chunk (an entry of the chunk compressor table, which uses the same codes 0x0A and 0x0B).
 *
 * <p>Immutable; any thread.
 */
public enum HapCompressor {
    /** Texture bytes stored as they are. */
    NONE(0x0A),
    /** One raw Snappy block. */
    SNAPPY(0x0B),
    /** Decode instructions follow: the texture is split into chunks, each NONE or SNAPPY. */
    CHUNKED(0x0C);

    private final int code;

    HapCompressor(int code) {
        this.code = code;
    }

    /** The code: the high nibble of a texture section type, or a chunk compressor table entry. */
    public int code() {
        return code;
    }

    /** The compressor with this code, or {@code null} when none has it. */
    public static HapCompressor fromCode(int code) {
        return switch (code) {
            case 0x0A -> NONE;
            case 0x0B -> SNAPPY;
            case 0x0C -> CHUNKED;
            default -> null;
        };
    }
}
