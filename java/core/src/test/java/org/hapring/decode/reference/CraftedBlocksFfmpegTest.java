package org.hapring.decode.reference;

import java.nio.file.Path;
import java.util.Random;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffmpeg.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Puts hand-made blocks into FFmpeg-made uncompressed clips (same texture size) and has FFmpeg's decoder
 * decode them, so that every path FFmpeg's encoder never takes is still checked against FFmpeg itself:
 * every 5- and 6-bit endpoint value, DXT1 3-colour blocks, BC3 colour blocks with colour0 &lt;= colour1,
 * both BC4/DXT5 alpha modes with all eight codes, scaled YCoCg with every scale 1..32, HapA (a Hap1 clip
 * relabelled: both are 8 bytes per block), HapM (a two-texture frame in place of a Hap1 frame of the same
 * length) and pictures whose size is not a multiple of 4.
 */
class CraftedBlocksFfmpegTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int BLOCKS = (WIDTH / 4) * (HEIGHT / 4);

    @TempDir
    Path dir;

    @Test
    void dxt1EndpointsAndThreeColourBlocks() throws HapFormatException {
        MovPatch mov = patched("hap", 8);
        for (int f = 0; f < mov.frameCount(); f++) {
            mov.texture(f, dxt1Texture(new Random(10 + f)));
        }
        Path clip = mov.save(dir.resolve("dxt1.mov"));
        ReferenceDecoderFfmpegTest.assertDecodesLikeFfmpeg(clip, HapVariant.HAP, WIDTH, HEIGHT);
    }

    @Test
    void dxt5BothAlphaModesAndFourColourOnly() throws HapFormatException {
        MovPatch mov = patched("hap_alpha", 16);
        for (int f = 0; f < mov.frameCount(); f++) {
            mov.texture(f, dxt5Texture(new Random(20 + f)));
        }
        Path clip = mov.save(dir.resolve("dxt5.mov"));
        ReferenceDecoderFfmpegTest.assertDecodesLikeFfmpeg(clip, HapVariant.HAP_ALPHA, WIDTH, HEIGHT);
    }

    @Test
    void scaledYCoCgWithEveryScale() throws HapFormatException {
        MovPatch mov = patched("hap_q", 16);
        for (int f = 0; f < mov.frameCount(); f++) {
            Random random = new Random(30 + f);
            byte[] t = dxt5Texture(random);
            for (int b = 0; b < BLOCKS; b++) {
                // colour endpoints: B (the scale) takes every 5-bit value; R, G (Co, Cg) and Y random
                int colour0 = random.nextInt(1 << 11) << 5 | (b % 32);
                t[b * 16 + 8] = (byte) colour0;
                t[b * 16 + 9] = (byte) (colour0 >>> 8);
            }
            mov.texture(f, t);
        }
        Path clip = mov.save(dir.resolve("ycocg.mov"));
        ReferenceDecoderFfmpegTest.assertDecodesLikeFfmpeg(clip, HapVariant.HAP_Q, WIDTH, HEIGHT);
    }

    @Test
    void hapAlphaOnlyIsGreyWithOpaqueAlpha() throws HapFormatException {
        MovPatch mov = patched("hap", 8).fourcc("HapA").sectionType(0xA1);
        for (int f = 0; f < mov.frameCount(); f++) {
            mov.texture(f, bc4Texture(new Random(40 + f)));
        }
        Path clip = mov.save(dir.resolve("hapa.mov"));
        ReferenceDecoderFfmpegTest.assertDecodesLikeFfmpeg(clip, HapVariant.HAP_ALPHA_ONLY, WIDTH, HEIGHT);
    }

    @Test
    void hapQAlphaCombinesYCoCgColourWithBc4Alpha() throws HapFormatException {
        // A 16x16 HapM frame (16 blocks) is 4 + (4 + 16 * 16) + (4 + 8 * 16) = 396 bytes. FFmpeg's Hap1 frames
        // of 28x28 (49 blocks) are 8 + 8 * 49 = 400: the HapM frame fits with its outer section declaring the
        // 4 spare bytes at the end, which FFmpeg's HapM decoder never reads.
        MovPatch mov = MovPatch.load(
                        Ffmpeg.clip(Spec.of("hap").snappy(false).size(28, 28).frames(2)))
                .fourcc("HapM")
                .size(16, 16);
        int blocks = 16;
        for (int f = 0; f < mov.frameCount(); f++) {
            Random random = new Random(60 + f);
            byte[] colour = new byte[16 * blocks];
            byte[] alpha = bc4Texture(random);
            random.nextBytes(colour);
            byte[] frame = new byte[400];
            putHeader4(frame, 0, 400 - 4, 0x0D);
            putHeader4(frame, 4, colour.length, 0xAF);
            System.arraycopy(colour, 0, frame, 8, colour.length);
            putHeader4(frame, 8 + colour.length, 8 * blocks, 0xA1);
            System.arraycopy(alpha, 0, frame, 12 + colour.length, 8 * blocks);
            mov.frame(f, frame);
        }
        Path clip = mov.save(dir.resolve("hapm.mov"));
        ReferenceDecoderFfmpegTest.assertDecodesLikeFfmpeg(clip, HapVariant.HAP_Q_ALPHA, 16, 16);
    }

    @Test
    void sizesThatAreNotMultiplesOfFourAreCropped() throws HapFormatException {
        MovPatch hap = patched("hap", 8).size(61, 46);
        hap.texture(0, dxt1Texture(new Random(50)));
        ReferenceDecoderFfmpegTest.assertDecodesLikeFfmpeg(hap.save(dir.resolve("hap61.mov")), HapVariant.HAP, 61, 46);

        MovPatch q = patched("hap_q", 16).size(62, 45);
        q.texture(0, dxt5Texture(new Random(51)));
        ReferenceDecoderFfmpegTest.assertDecodesLikeFfmpeg(q.save(dir.resolve("q62.mov")), HapVariant.HAP_Q, 62, 45);

        MovPatch a = patched("hap", 8).fourcc("HapA").sectionType(0xA1).size(63, 47);
        a.texture(0, bc4Texture(new Random(52)));
        ReferenceDecoderFfmpegTest.assertDecodesLikeFfmpeg(
                a.save(dir.resolve("a63.mov")), HapVariant.HAP_ALPHA_ONLY, 63, 47);
    }

    private static MovPatch patched(String format, int blockBytes) {
        MovPatch mov = MovPatch.load(Ffmpeg.clip(Spec.of(format).snappy(false).frames(2)));
        if (mov.textureBytes(0) != BLOCKS * blockBytes) {
            throw new IllegalStateException("unexpected texture size " + mov.textureBytes(0));
        }
        return mov;
    }

    /**
     * Blocks 0-63: endpoints with every 5-bit R/B and every 6-bit G value, both orders (so both modes),
     * indices 0,1,2,3 in every row; 64-95: 3-colour blocks (colour0 &lt;= colour1, some equal) with random
     * indices; the rest random.
     */
    static byte[] dxt1Texture(Random random) {
        byte[] t = new byte[BLOCKS * 8];
        random.nextBytes(t);
        for (int k = 0; k < 64; k++) {
            int r = k & 31;
            int colour0 = r << 11 | k << 5 | (31 - r);
            int colour1 = (31 - r) << 11 | (63 - k) << 5 | r;
            putColourBlock(t, k * 8, colour0, colour1, 0xE4E4E4E4);
        }
        for (int k = 64; k < 96; k++) {
            int a = random.nextInt(1 << 16);
            int b = k % 4 == 0 ? a : random.nextInt(1 << 16);
            putColourBlock(t, k * 8, Math.min(a, b), Math.max(a, b), random.nextInt());
        }
        return t;
    }

    /**
     * DXT5 blocks: alpha endpoints in both orders, equal, and at 0/255, with the eight codes in every
     * block; colour halves as {@link #dxt1Texture} (their colour0 &lt;= colour1 blocks must still have four
     * colours in BC3).
     */
    static byte[] dxt5Texture(Random random) {
        byte[] colours = dxt1Texture(random);
        byte[] alphas = bc4Texture(random);
        byte[] t = new byte[BLOCKS * 16];
        for (int b = 0; b < BLOCKS; b++) {
            System.arraycopy(alphas, b * 8, t, b * 16, 8);
            System.arraycopy(colours, b * 8, t, b * 16 + 8, 8);
        }
        return t;
    }

    /** BC4 blocks: r0 &gt; r1, r0 &lt; r1, r0 == r1 and extremes, codes 0..7 in order; then random ones. */
    static byte[] bc4Texture(Random random) {
        byte[] t = new byte[BLOCKS * 8];
        random.nextBytes(t);
        int[][] endpoints = {{255, 0}, {0, 255}, {200, 13}, {13, 200}, {77, 77}, {1, 0}, {0, 1}, {255, 254}};
        for (int k = 0; k < 96; k++) {
            int r0 = k < endpoints.length ? endpoints[k][0] : random.nextInt(256);
            int r1 = k < endpoints.length ? endpoints[k][1] : random.nextInt(256);
            long indices = 0;
            for (int i = 0; i < 16; i++) {
                indices |= (long) (i % 8) << (3 * i);
            }
            long block = r0 | r1 << 8 | indices << 16;
            for (int i = 0; i < 8; i++) {
                t[k * 8 + i] = (byte) (block >>> (8 * i));
            }
        }
        return t;
    }

    private static void putHeader4(byte[] b, int at, int sizeBytes, int type) {
        b[at] = (byte) sizeBytes;
        b[at + 1] = (byte) (sizeBytes >>> 8);
        b[at + 2] = (byte) (sizeBytes >>> 16);
        b[at + 3] = (byte) type;
    }

    private static void putColourBlock(byte[] t, int at, int colour0, int colour1, int indices) {
        t[at] = (byte) colour0;
        t[at + 1] = (byte) (colour0 >>> 8);
        t[at + 2] = (byte) colour1;
        t[at + 3] = (byte) (colour1 >>> 8);
        for (int i = 0; i < 4; i++) {
            t[at + 4 + i] = (byte) (indices >>> (8 * i));
        }
    }
}
