package org.hapring.decode;

/**
 * GPU texture formats a HAP frame can carry, with the HAP section code of each (low nibble of a
 * texture section's type byte) and its block size. All formats are 4x4-block compressed.
 *
 * <p>Immutable; any thread.
 */
public enum TextureFormat {
    /** DXT1 / BC1 RGB, 8 bytes per block (Hap1). */
    DXT1(0x0B, 8),
    /** DXT5 / BC3 RGBA, 16 bytes per block (Hap5). */
    DXT5(0x0E, 16),
    /** Scaled YCoCg stored in DXT5, 16 bytes per block (HapY, colour plane of HapM). */
    YCOCG_DXT5(0x0F, 16),
    /** BC7 RGBA, 16 bytes per block (Hap7). */
    BC7(0x0C, 16),
    /** BC4 / RGTC1 single channel, 8 bytes per block (HapA, alpha plane of HapM). */
    BC4(0x01, 8),
    /** BC6H unsigned half float RGB, 16 bytes per block (HapH). */
    BC6H_UNSIGNED(0x02, 16),
    /** BC6H signed half float RGB, 16 bytes per block (HapH). */
    BC6H_SIGNED(0x03, 16);

    private static final TextureFormat[] BY_CODE = new TextureFormat[16];

    static {
        for (TextureFormat f : values()) {
            BY_CODE[f.hapCode] = f;
        }
    }

    private final int hapCode;
    private final int blockBytes;

    TextureFormat(int hapCode, int blockBytes) {
        this.hapCode = hapCode;
        this.blockBytes = blockBytes;
    }

    /** The texture-format nibble of a HAP section type byte. */
    public int hapCode() {
        return hapCode;
    }

    /** Bytes per 4x4 block. */
    public int blockBytes() {
        return blockBytes;
    }

    /** Blocks across a picture {@code widthPixels} wide (partial blocks count). */
    public static int blocksAcross(int widthPixels) {
        return (widthPixels + 3) >>> 2;
    }

    /** Blocks down a picture {@code heightPixels} high (partial blocks count). */
    public static int blocksDown(int heightPixels) {
        return (heightPixels + 3) >>> 2;
    }

    /** Texture bytes for a picture of this size: ceil(w/4) * ceil(h/4) * block bytes. */
    public long textureBytes(int widthPixels, int heightPixels) {
        return (long) blocksAcross(widthPixels) * blocksDown(heightPixels) * blockBytes;
    }

    /** The format with this HAP code (low nibble), or {@code null} when none has it. */
    public static TextureFormat fromHapCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
