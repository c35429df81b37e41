package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;

/**
 * Decodes a frame's texture planes into a packed RGBA picture on the CPU, for tests, {@code decode --png},
 * {@code decode --framemd5} and exports. Where FFmpeg decodes the variant (Hap1, Hap5, HapY, HapA, HapM)
 * the result is bit-exact with {@code ffmpeg -i X -pix_fmt rgba} (FFmpeg 5.1):
 * <ul>
 * <li>Hap1: FFmpeg's {@code dxt1_block} to RGB0; RGB0 to RGBA gives alpha 255 (the decoder already wrote 255).
 * <li>Hap5: {@code dxt5_block} to RGBA.
 * <li>HapY: {@code dxt5ys_block} (DXT5, then scaled YCoCg to RGB, {@link YCoCg}) to RGB0, alpha 255.
 * <li>HapA: {@code rgtc1u_gray_block} to GRAY8; FFmpeg 5.1's swscale turns GRAY8 into RGBA as the
 *     identity: R = G = B = gray, A = 255 (checked for all 256 values at several widths; the tests
 *     compare with FFmpeg's decode of real HapA frames).
 * <li>HapM: colour plane as HapY, then {@code rgtc1u_alpha_block} writes the BC4 plane's value as alpha.
 * </ul>
 * FFmpeg cannot decode Hap7 and HapH; they follow the BPTC specification ({@link Bc7Block},
 * {@link Bc6hBlock}); HapH's half floats become 8-bit through {@link HalfFloat}'s documented mapping, and
 * {@link #toRgbaHalf} gives the half floats themselves.
 *
 * <p>Pictures whose size is not a multiple of 4 decode whole blocks and keep the top-left
 * width x height pixels; rows are packed (stride = width * 4) and the top row comes first, as HAP
 * stores block rows top to bottom.
 *
 * <p>Stateless (scratch state lives in each call); any thread, one frame per call.
 */
public final class ReferenceDecoder {
    private static final ValueLayout.OfInt LE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort LE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final short HALF_ONE = 0x3C00;

    private ReferenceDecoder() {}

    /** Bytes of the RGBA picture for a frame of this size. */
    public static long rgbaBytes(int widthPixels, int heightPixels) {
        return (long) widthPixels * heightPixels * 4;
    }

    /**
     * Decodes {@code frame}, whose planes must be those of {@code variant}, into {@code rgbaOut}
     * ({@link #rgbaBytes} bytes or more; the first {@code width * height * 4} are written).
     *
     * @throws HapFormatException when the frame's planes do not match the variant or the picture size
     */
    public static void toRgba(TextureFrame frame, HapVariant variant, MemorySegment rgbaOut) throws HapFormatException {
        checkFrame(frame, variant, rgbaOut, 4);
        int width = frame.widthPixels();
        int height = frame.heightPixels();
        MemorySegment p0 = frame.plane(0);
        int[] px = new int[16];
        switch (variant) {
            case HAP -> forEachBlock(width, height, px, rgbaOut, block -> Bc1Block.decode(p0, block * 8, px));
            case HAP_ALPHA -> {
                Bc3Block bc3 = new Bc3Block();
                forEachBlock(width, height, px, rgbaOut, block -> bc3.decode(p0, block * 16, px));
            }
            case HAP_Q -> {
                Bc3Block bc3 = new Bc3Block();
                forEachBlock(width, height, px, rgbaOut, block -> {
                    bc3.decode(p0, block * 16, px);
                    YCoCg.toRgba(px);
                });
            }
            case HAP_Q_ALPHA -> {
                Bc3Block bc3 = new Bc3Block();
                MemorySegment p1 = frame.plane(1);
                int[] alpha = new int[16];
                forEachBlock(width, height, px, rgbaOut, block -> {
                    bc3.decode(p0, block * 16, px);
                    Bc4Block.decode(p1, block * 8, alpha);
                    for (int i = 0; i < 16; i++) {
                        px[i] = (YCoCg.toRgba(px[i]) & 0x00FFFFFF) | alpha[i] << 24;
                    }
                });
            }
            case HAP_ALPHA_ONLY ->
                forEachBlock(width, height, px, rgbaOut, block -> {
                    Bc4Block.decode(p0, block * 8, px);
                    for (int i = 0; i < 16; i++) {
                        int v = px[i];
                        px[i] = Bc1Block.pack(v, v, v, 0xFF);
                    }
                });
            case HAP_R -> {
                Bc7Block bc7 = new Bc7Block();
                forEachBlock(width, height, px, rgbaOut, block -> bc7.decode(p0, block * 16, px));
            }
            case HAP_HDR -> {
                Bc6hBlock bc6h = new Bc6hBlock();
                boolean signed = frame.format(0) == TextureFormat.BC6H_SIGNED;
                short[] half = new short[48];
                forEachBlock(width, height, px, rgbaOut, block -> {
                    bc6h.decodeHalf(p0, block * 16, signed, half);
                    for (int i = 0; i < 16; i++) {
                        px[i] = Bc1Block.pack(
                                HalfFloat.toUnorm8(half[3 * i]),
                                HalfFloat.toUnorm8(half[3 * i + 1]),
                                HalfFloat.toUnorm8(half[3 * i + 2]),
                                0xFF);
                    }
                });
            }
        }
    }

    /**
     * Decodes a HapH frame into half floats: 4 little-endian halves per pixel (R, G, B, then A = 1.0),
     * {@code width * height * 8} bytes, rows packed top row first.
     *
     * @throws HapFormatException when the frame is not a BC6H picture of its declared size
     */
    public static void toRgbaHalf(TextureFrame frame, MemorySegment rgbaHalfOut) throws HapFormatException {
        checkFrame(frame, HapVariant.HAP_HDR, rgbaHalfOut, 8);
        int width = frame.widthPixels();
        int height = frame.heightPixels();
        MemorySegment p0 = frame.plane(0);
        boolean signed = frame.format(0) == TextureFormat.BC6H_SIGNED;
        Bc6hBlock bc6h = new Bc6hBlock();
        short[] half = new short[48];
        int across = TextureFormat.blocksAcross(width);
        for (int by = 0, down = TextureFormat.blocksDown(height); by < down; by++) {
            for (int bx = 0; bx < across; bx++) {
                bc6h.decodeHalf(p0, ((long) by * across + bx) * 16, signed, half);
                for (int y = 4 * by, yEnd = Math.min(y + 4, height); y < yEnd; y++) {
                    for (int x = 4 * bx, xEnd = Math.min(x + 4, width); x < xEnd; x++) {
                        int i = (y - 4 * by) * 4 + (x - 4 * bx);
                        long at = ((long) y * width + x) * 8;
                        rgbaHalfOut.set(LE16, at, half[3 * i]);
                        rgbaHalfOut.set(LE16, at + 2, half[3 * i + 1]);
                        rgbaHalfOut.set(LE16, at + 4, half[3 * i + 2]);
                        rgbaHalfOut.set(LE16, at + 6, HALF_ONE);
                    }
                }
            }
        }
    }

    /** Decodes one block (by its index in the plane, row-major) into the caller's 16-pixel scratch. */
    @FunctionalInterface
    private interface BlockDecode {
        void decode(long blockIndex);
    }

    private static void forEachBlock(int width, int height, int[] px, MemorySegment out, BlockDecode decode) {
        int across = TextureFormat.blocksAcross(width);
        int down = TextureFormat.blocksDown(height);
        for (int by = 0; by < down; by++) {
            int rows = Math.min(4, height - 4 * by);
            for (int bx = 0; bx < across; bx++) {
                decode.decode((long) by * across + bx);
                int cols = Math.min(4, width - 4 * bx);
                for (int r = 0; r < rows; r++) {
                    long at = ((long) (4 * by + r) * width + 4 * bx) * 4;
                    for (int c = 0; c < cols; c++) {
                        out.set(LE32, at + 4L * c, px[r * 4 + c]);
                    }
                }
            }
        }
    }

    private static void checkFrame(TextureFrame frame, HapVariant variant, MemorySegment out, int bytesPerPixel)
            throws HapFormatException {
        int width = frame.widthPixels();
        int height = frame.heightPixels();
        if (width <= 0 || height <= 0) {
            throw new HapFormatException("picture size " + width + "x" + height + " is empty", 0);
        }
        long needBytes = (long) width * height * bytesPerPixel;
        if (out.byteSize() < needBytes) {
            throw new IllegalArgumentException("output holds " + out.byteSize() + " bytes, a " + width + "x" + height
                    + " picture needs " + needBytes);
        }
        List<TextureFormat> planes = variant.planes();
        if (frame.planeCount() != planes.size()) {
            throw new HapFormatException(
                    variant.fourcc() + " needs " + planes.size() + " texture plane(s), the frame has "
                            + frame.planeCount(),
                    0);
        }
        for (int i = 0; i < planes.size(); i++) {
            TextureFormat expected = planes.get(i);
            TextureFormat actual = frame.format(i);
            boolean signedHdr = variant == HapVariant.HAP_HDR && actual == TextureFormat.BC6H_SIGNED;
            if (actual != expected && !signedHdr) {
                throw new HapFormatException(
                        variant.fourcc() + " plane " + i + " must be " + expected + ", the frame holds " + actual, 0);
            }
            long textureBytes = actual.textureBytes(width, height);
            if (frame.planeBytes(i) != textureBytes) {
                throw new HapFormatException(
                        "plane " + i + " (" + actual + ") holds " + frame.planeBytes(i) + " texture bytes, a " + width
                                + "x" + height + " picture needs " + textureBytes,
                        Math.min(frame.planeBytes(i), textureBytes));
            }
        }
    }
}
