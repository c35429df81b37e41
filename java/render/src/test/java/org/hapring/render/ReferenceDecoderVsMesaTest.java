package org.hapring.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.decode.reference.Bc1Block;
import org.hapring.decode.reference.HapTestFrames;
import org.hapring.decode.reference.ReferenceDecoder;
import org.hapring.testing.RealMedia;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lwjgl.opengl.GL11;
import org.lwjgl.opengl.GL30;

/**
 * The CPU reference decoder against an independent one: the OpenGL driver's (Mesa's, on llvmpipe here),
 * reading textures back with glGetTexImage (no sampling involved). BC7 and BC6H (every mode, random
 * contents, plus the reserved encodings; BC6H compared as half floats) and the real Hap7 frame must match
 * exactly. The S3TC/RGTC formats are allowed small differences, because this decoder deliberately
 * follows FFmpeg (and is bit-exact with it: see the core module's tests) where Mesa computes otherwise:
 * <ul>
 * <li>BC1/BC3 colour: within 1 LSB. FFmpeg widens 5/6-bit endpoints with its own rounding
 *     ({@code (t / 32 + t) / 32}), Mesa repeats the top bits; endpoints differ by at most 1, and so do
 *     the colours between them (about a quarter of random values differ, by 1).
 * <li>BC4 and BC3 alpha: within 2 LSB. Mesa's (llvmpipe's) interpolation is not the exact integer
 *     formula: r0 = 50, r1 = 120, code 5 is exactly 106 (FFmpeg: 106) but 105 from Mesa. On random
 *     blocks about 18 % of values differ by 1 and about 1 in 4000 by 2.
 * <li>BC1 1-bit alpha: exact.
 * </ul>
 */
class ReferenceDecoderVsMesaTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 64;
    private static final int BLOCKS = (WIDTH / 4) * (HEIGHT / 4);

    private static MesaTextureDecoder gl;

    @BeforeAll
    static void openGl() {
        gl = MesaTextureDecoder.open();
        assumeTrue(
                gl.hasExtension("GL_ARB_texture_compression_bptc")
                        || gl.hasExtension("GL_EXT_texture_compression_bptc"),
                "the driver (" + gl.renderer() + ") has no BPTC");
    }

    @AfterAll
    static void closeGl() {
        if (gl != null) {
            gl.close();
        }
    }

    @Test
    void bc7EveryModeAndTheReservedOneMatchExactly() throws HapFormatException {
        for (int mode = 0; mode <= 8; mode++) {
            byte[] texture = randomBlocks(16, 70 + mode);
            for (int b = 0; b < BLOCKS; b++) {
                int low = texture[b * 16] & 0xFF;
                texture[b * 16] = (byte) (mode == 8 ? 0 : (low << (mode + 1) | 1 << mode));
            }
            byte[] mesa = bytes(gl.decode(
                    MesaTextureDecoder.RGBA_BPTC_UNORM,
                    texture,
                    WIDTH,
                    HEIGHT,
                    GL11.GL_RGBA,
                    GL11.GL_UNSIGNED_BYTE,
                    4));
            assertWithin(mesa, ours(HapVariant.HAP_R, texture, WIDTH, HEIGHT), WIDTH, 0, 0, "BC7 mode " + mode);
        }
    }

    @Test
    void bc7RealHap7FrameMatchesExactly() throws HapFormatException {
        Path movie = RealMedia.movie("bluecadet_hap7.mov");
        byte[] texture =
                HapTestFrames.planes(HapTestFrames.packets(movie).get(0)).get(0);
        byte[] mesa = bytes(gl.decode(
                MesaTextureDecoder.RGBA_BPTC_UNORM, texture, 640, 360, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 4));
        assertWithin(
                mesa,
                ours(HapVariant.HAP_R, texture, 640, 360),
                640,
                0,
                0,
                movie.getFileName().toString());
    }

    @Test
    void bc6hEveryModeUnsignedAndSignedMatchAsHalfFloats() throws HapFormatException {
        int[] codes = {0, 1, 2, 6, 10, 14, 18, 22, 26, 30, 3, 7, 11, 15, 19, 23, 27, 31};
        for (boolean signed : new boolean[] {false, true}) {
            for (int code : codes) {
                byte[] texture = randomBlocks(16, 100 + code + (signed ? 50 : 0));
                int mask = code < 2 ? 0x03 : 0x1F;
                for (int b = 0; b < BLOCKS; b++) {
                    texture[b * 16] = (byte) ((texture[b * 16] & ~mask) | code);
                }
                int format =
                        signed ? MesaTextureDecoder.RGB_BPTC_SIGNED_FLOAT : MesaTextureDecoder.RGB_BPTC_UNSIGNED_FLOAT;
                ByteBuffer mesa = gl.decode(format, texture, WIDTH, HEIGHT, GL11.GL_RGB, GL30.GL_HALF_FLOAT, 6)
                        .order(ByteOrder.LITTLE_ENDIAN);
                short[] ours = oursHalf(texture, signed);
                String what = (signed ? "signed" : "unsigned") + " BC6H mode " + code;
                for (int p = 0; p < WIDTH * HEIGHT; p++) {
                    for (int c = 0; c < 3; c++) {
                        short expected = mesa.getShort((p * 3 + c) * 2);
                        if (expected != ours[p * 4 + c]) {
                            fail(what + ": pixel (" + p % WIDTH + "," + p / WIDTH + ") channel " + c + " Mesa 0x"
                                    + Integer.toHexString(expected & 0xFFFF) + " ours 0x"
                                    + Integer.toHexString(ours[p * 4 + c] & 0xFFFF));
                        }
                    }
                }
            }
        }
    }

    @Test
    void bc4WithinTwoLsb() throws HapFormatException {
        byte[] texture = randomBlocks(8, 200);
        byte[] mesaRed = bytes(
                gl.decode(MesaTextureDecoder.RED_RGTC1, texture, WIDTH, HEIGHT, GL11.GL_RED, GL11.GL_UNSIGNED_BYTE, 1));
        byte[] mesa = new byte[WIDTH * HEIGHT * 4];
        for (int p = 0; p < WIDTH * HEIGHT; p++) {
            mesa[4 * p] = mesaRed[p];
            mesa[4 * p + 1] = mesaRed[p];
            mesa[4 * p + 2] = mesaRed[p];
            mesa[4 * p + 3] = (byte) 255;
        }
        assertWithin(mesa, ours(HapVariant.HAP_ALPHA_ONLY, texture, WIDTH, HEIGHT), WIDTH, 2, 0, "BC4");
    }

    @Test
    void bc1WithinOneLsbAndPunchThroughAlphaExact() throws HapFormatException {
        assumeTrue(gl.hasExtension("GL_EXT_texture_compression_s3tc"), "the driver has no S3TC");
        byte[] texture = randomBlocks(8, 300);
        byte[] opaque = bytes(gl.decode(
                MesaTextureDecoder.RGB_S3TC_DXT1, texture, WIDTH, HEIGHT, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 4));
        assertWithin(opaque, ours(HapVariant.HAP, texture, WIDTH, HEIGHT), WIDTH, 1, 0, "BC1 (Hap1)");

        byte[] punchThrough = bytes(gl.decode(
                MesaTextureDecoder.RGBA_S3TC_DXT1, texture, WIDTH, HEIGHT, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 4));
        byte[] ours = new byte[WIDTH * HEIGHT * 4];
        int[] px = new int[16];
        MemorySegment blocks = MemorySegment.ofArray(texture);
        for (int b = 0; b < BLOCKS; b++) {
            Bc1Block.decodePunchThrough(blocks, b * 8L, px);
            for (int i = 0; i < 16; i++) {
                int x = (b % (WIDTH / 4)) * 4 + i % 4;
                int y = (b / (WIDTH / 4)) * 4 + i / 4;
                for (int c = 0; c < 4; c++) {
                    ours[(y * WIDTH + x) * 4 + c] = (byte) (px[i] >>> (8 * c));
                }
            }
        }
        assertWithin(punchThrough, ours, WIDTH, 1, 0, "BC1 with 1-bit alpha");
    }

    @Test
    void bc3ColourWithinOneAndAlphaWithinTwoLsb() throws HapFormatException {
        assumeTrue(gl.hasExtension("GL_EXT_texture_compression_s3tc"), "the driver has no S3TC");
        byte[] texture = randomBlocks(16, 400);
        byte[] mesa = bytes(gl.decode(
                MesaTextureDecoder.RGBA_S3TC_DXT5, texture, WIDTH, HEIGHT, GL11.GL_RGBA, GL11.GL_UNSIGNED_BYTE, 4));
        assertWithin(mesa, ours(HapVariant.HAP_ALPHA, texture, WIDTH, HEIGHT), WIDTH, 1, 2, "BC3 (Hap5)");
    }

    private static byte[] randomBlocks(int blockBytes, long seed) {
        byte[] t = new byte[BLOCKS * blockBytes];
        new Random(seed).nextBytes(t);
        return t;
    }

    private static byte[] ours(HapVariant variant, byte[] texture, int width, int height) throws HapFormatException {
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame frame = HapTestFrames.frame(arena, variant, width, height, List.of(texture));
            MemorySegment rgba = arena.allocate(ReferenceDecoder.rgbaBytes(width, height));
            ReferenceDecoder.toRgba(frame, variant, rgba);
            return rgba.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static short[] oursHalf(byte[] texture, boolean signed) throws HapFormatException {
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame frame = HapTestFrames.frame(arena, HapVariant.HAP_HDR, WIDTH, HEIGHT, List.of(texture));
            frame.setPlane(0, signed ? TextureFormat.BC6H_SIGNED : TextureFormat.BC6H_UNSIGNED, texture.length);
            MemorySegment halves = arena.allocate(WIDTH * HEIGHT * 8L);
            ReferenceDecoder.toRgbaHalf(frame, halves);
            return halves.toArray(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN));
        }
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** Colour channels may differ by {@code colourLsb}, alpha by {@code alphaLsb}; names the first offender. */
    private static void assertWithin(byte[] mesa, byte[] ours, int width, int colourLsb, int alphaLsb, String what) {
        assertEquals(mesa.length, ours.length, what + ": picture bytes");
        for (int i = 0; i < mesa.length; i++) {
            int d = Math.abs((mesa[i] & 0xFF) - (ours[i] & 0xFF));
            int allowed = i % 4 == 3 ? alphaLsb : colourLsb;
            if (d > allowed) {
                int p = i / 4;
                fail(what + ": pixel (" + p % width + "," + p / width + ") channel " + "RGBA".charAt(i % 4) + " Mesa "
                        + (mesa[i] & 0xFF) + " ours " + (ours[i] & 0xFF) + " (allowed difference " + allowed + ")");
            }
        }
    }
}
