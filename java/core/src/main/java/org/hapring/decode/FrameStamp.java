package org.hapring.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * A layer id and frame number embedded in a texture, readable from the compressed bytes (64 blocks
 * touched, no decode of the picture) and visible in the decoded picture as a strip of black and
 * white 4x4 blocks at the top left.
 *
 * <pre>
 *   code (64 bits, most significant first):  | magic 0xB5 (8) | layer id (16) | frame number (32) | CRC-8 (8) |
 *   bit i (0 = most significant) lives in block (i % blocksAcross, i / blocksAcross):
 *     white block = 1, black block = 0
 *
 *   picture >= 256 pixels wide:  one block row   [b0 b1 b2 ... b63][picture ...]
 *   narrower pictures wrap:       [b0 .. b(n-1)]
 *                                 [bn .. ]        (n = blocksAcross)
 * </pre>
 *
 * The minimum picture holds 64 blocks: {@code ceil(w/4) * ceil(h/4) >= 64} (e.g. 256x4, 64x16, 32x32);
 * {@link #fits} says whether a size qualifies. The CRC is CRC-8 (polynomial 0x07, initial value 0)
 * over the first seven bytes of the code. A block is read as the brightness of its first texel
 * (texel 0 is inside the picture even when the size is not a multiple of 4): at most 64/255 is a 0,
 * at least 192/255 a 1, anything between means "no stamp". BC7 blocks must be mode 6 and BC6H blocks
 * mode 11 to be read; {@link #write} writes exactly those. For HAP Q Alpha (HapM) the colour plane
 * (YCoCg, where the stamp lives in the luma channel) carries the stamp.
 *
 * <p>Stateless; any thread (callers own the texture memory they pass).
 */
public final class FrameStamp {
    /** Blocks (bits) in a stamp. */
    public static final int BITS = 64;
    /** What {@link #read} returns when there is no valid stamp. */
    public static final long NONE = -1L;
    /** The largest layer id a stamp holds. */
    public static final int MAX_LAYER_ID = 0xFFFF;
    /** The largest frame number a stamp holds. */
    public static final long MAX_FRAME_NUMBER = 0xFFFF_FFFFL;

    static final int MAGIC = 0xB5;
    /** Brightness (0-255) at or below which a block reads as 0. */
    public static final int DARK_MAX_LEVEL = 64;
    /** Brightness (0-255) at or above which a block reads as 1. */
    public static final int BRIGHT_MIN_LEVEL = 192;

    private FrameStamp() {}

    /** Whether a picture of this size has room for a stamp (at least 64 blocks). */
    public static boolean fits(int widthPixels, int heightPixels) {
        return widthPixels > 0
                && heightPixels > 0
                && (long) TextureFormat.blocksAcross(widthPixels) * TextureFormat.blocksDown(heightPixels) >= BITS;
    }

    /** The 64-bit code for a layer and frame: magic, layer id, frame number, CRC-8. */
    public static long code(int layerId, long frameNumber) {
        checkPayload(layerId, frameNumber);
        long head = ((long) MAGIC << 48) | ((long) layerId << 32) | frameNumber;
        return (head << 8) | crc8(head);
    }

    /** Packs a layer id and frame number the way {@link #read} returns them. */
    public static long pack(int layerId, long frameNumber) {
        checkPayload(layerId, frameNumber);
        return ((long) layerId << 32) | frameNumber;
    }

    /** The layer id of a value returned by {@link #read} (not {@link #NONE}). */
    public static int layerId(long stamp) {
        return (int) (stamp >>> 32) & 0xFFFF;
    }

    /** The frame number of a value returned by {@link #read} (not {@link #NONE}). */
    public static long frameNumber(long stamp) {
        return stamp & 0xFFFF_FFFFL;
    }

    /** Byte offset in the texture of the block that holds bit {@code bit} (0 = most significant). */
    public static long blockOffsetBytes(int bit, TextureFormat format, int widthPixels) {
        Objects.checkIndex(bit, BITS);
        int across = TextureFormat.blocksAcross(widthPixels);
        return ((long) (bit / across) * across + bit % across) * format.blockBytes();
    }

    /** Whether bit {@code bit} (0 = most significant) of {@code code} is set. */
    public static boolean bit(long code, int bit) {
        Objects.checkIndex(bit, BITS);
        return ((code >>> (BITS - 1 - bit)) & 1) != 0;
    }

    /**
     * Writes the stamp of ({@code layerId}, {@code frameNumber}) as 64 solid black/white blocks into
     * {@code texture}, which holds a whole plane of {@code format} for a picture of this size.
     */
    public static void write(
            MemorySegment texture,
            TextureFormat format,
            int widthPixels,
            int heightPixels,
            int layerId,
            long frameNumber) {
        checkTexture(texture, format, widthPixels, heightPixels);
        long code = code(layerId, frameNumber);
        for (int i = 0; i < BITS; i++) {
            SolidBlocks.write(texture, blockOffsetBytes(i, format, widthPixels), format, bit(code, i));
        }
    }

    /**
     * Reads the stamp from a texture plane: the packed layer id and frame number (see
     * {@link #layerId}, {@link #frameNumber}), or {@link #NONE} when there is none or it is corrupt.
     */
    public static long read(MemorySegment texture, TextureFormat format, int widthPixels, int heightPixels) {
        checkTexture(texture, format, widthPixels, heightPixels);
        long code = 0;
        for (int i = 0; i < BITS; i++) {
            int level = BlockLevel.firstTexel(texture, blockOffsetBytes(i, format, widthPixels), format);
            int bit = classify(level);
            if (bit < 0) {
                return NONE;
            }
            code = (code << 1) | bit;
        }
        return decode(code);
    }

    /**
     * Reads the stamp from a decoded picture: tightly packed RGBA rows, top row first (flip a GL
     * read-back first). Returns what {@link #read} returns.
     */
    public static long readRgba(MemorySegment rgba, int widthPixels, int heightPixels) {
        if (!fits(widthPixels, heightPixels)) {
            throw new IllegalArgumentException("picture " + widthPixels + "x" + heightPixels
                    + " is below the stamp's minimum of " + BITS + " blocks");
        }
        long rowBytes = (long) widthPixels * 4;
        if (rgba.byteSize() < rowBytes * heightPixels) {
            throw new IllegalArgumentException("rgba holds " + rgba.byteSize() + " bytes, a " + widthPixels + "x"
                    + heightPixels + " picture needs " + rowBytes * heightPixels);
        }
        int across = TextureFormat.blocksAcross(widthPixels);
        long code = 0;
        for (int i = 0; i < BITS; i++) {
            long p = (i / across) * 4L * rowBytes + (i % across) * 16L;
            int r = Byte.toUnsignedInt(rgba.get(ValueLayout.JAVA_BYTE, p));
            int g = Byte.toUnsignedInt(rgba.get(ValueLayout.JAVA_BYTE, p + 1));
            int b = Byte.toUnsignedInt(rgba.get(ValueLayout.JAVA_BYTE, p + 2));
            int bit = classify((r + 2 * g + b + 2) >> 2);
            if (bit < 0) {
                return NONE;
            }
            code = (code << 1) | bit;
        }
        return decode(code);
    }

    /** The packed payload of a 64-bit code, or {@link #NONE} when its magic or CRC is wrong. */
    public static long decode(long code) {
        long head = code >>> 8;
        if ((head >>> 48) != MAGIC || (code & 0xFF) != crc8(head)) {
            return NONE;
        }
        return head & 0xFFFF_FFFF_FFFFL;
    }

    /** 1 for a bright level, 0 for a dark one, -1 for anything between or unknown (negative). */
    static int classify(int level) {
        if (level < 0) {
            return -1;
        }
        if (level <= DARK_MAX_LEVEL) {
            return 0;
        }
        return level >= BRIGHT_MIN_LEVEL ? 1 : -1;
    }

    /** CRC-8, polynomial 0x07, initial value 0, over the low 7 bytes of {@code head}, most significant first. */
    static int crc8(long head) {
        int crc = 0;
        for (int shift = 48; shift >= 0; shift -= 8) {
            crc ^= (int) (head >>> shift) & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }
        return crc;
    }

    private static void checkPayload(int layerId, long frameNumber) {
        if (layerId < 0 || layerId > MAX_LAYER_ID) {
            throw new IllegalArgumentException("layerId=" + layerId + " is outside 0.." + MAX_LAYER_ID);
        }
        if (frameNumber < 0 || frameNumber > MAX_FRAME_NUMBER) {
            throw new IllegalArgumentException("frameNumber=" + frameNumber + " is outside 0.." + MAX_FRAME_NUMBER);
        }
    }

    private static void checkTexture(MemorySegment texture, TextureFormat format, int widthPixels, int heightPixels) {
        if (!fits(widthPixels, heightPixels)) {
            throw new IllegalArgumentException("picture " + widthPixels + "x" + heightPixels
                    + " is below the stamp's minimum of " + BITS + " blocks (e.g. 256x4, 64x16, 32x32)");
        }
        long needed = format.textureBytes(widthPixels, heightPixels);
        if (texture.byteSize() < needed) {
            throw new IllegalArgumentException("texture holds " + texture.byteSize() + " bytes, a " + widthPixels + "x"
                    + heightPixels + " " + format + " plane needs " + needed);
        }
    }
}
