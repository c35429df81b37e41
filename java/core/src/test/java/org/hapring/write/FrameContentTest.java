package org.hapring.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.testing.TestBlockDecoder;
import org.hapring.testing.TestHapParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FrameContentTest {
    static Stream<Arguments> variantsAndContents() {
        List<Arguments> args = new ArrayList<>();
        for (HapVariant v : HapVariant.values()) {
            for (GenSpec.Content c : GenSpec.Content.values()) {
                args.add(Arguments.of(v, c));
            }
        }
        return args.stream();
    }

    private static FrameContent content(
            GenSpec.Content c, HapVariant v, int w, int h, int layer, long frames, Arena arena) {
        return c == GenSpec.Content.PATTERN
                ? new PatternContent(v, w, h, layer, frames, arena)
                : new NoiseContent(v, w, h, layer, frames, 42);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variantsAndContents")
    void everyFrameCarriesItsStampInTheTextureAndInTheDecodedPicture(HapVariant variant, GenSpec.Content c) {
        int w = 98;
        int h = 62;
        try (Arena arena = Arena.ofShared()) {
            FrameContent frames = content(c, variant, w, h, 513, 200_000, arena);
            TextureFrame tex = TextureFrame.allocate(arena, variant, w, h);
            for (long f : new long[] {0, 1, 2, 199_999}) {
                frames.render(f, tex);
                long expected = FrameStamp.pack(513, f);
                assertEquals(
                        expected,
                        FrameStamp.read(tex.plane(0), variant.planes().get(0), w, h),
                        "frame " + f + " texture");
                MemorySegment[] planes = new MemorySegment[tex.planeCount()];
                for (int p = 0; p < planes.length; p++) {
                    planes[p] = tex.plane(p);
                }
                byte[] rgba = TestBlockDecoder.decodePicture(variant, planes, w, h);
                assertEquals(
                        expected, FrameStamp.readRgba(MemorySegment.ofArray(rgba), w, h), "frame " + f + " picture");
                if (variant == HapVariant.HAP_Q_ALPHA) {
                    for (int bit = 0; bit < FrameStamp.BITS; bit++) {
                        int across = TextureFormat.blocksAcross(w);
                        int x = bit % across * 4;
                        int y = bit / across * 4;
                        assertTrue((rgba[(y * w + x) * 4 + 3] & 0xFF) >= 200, "matte is opaque under stamp bit " + bit);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HapVariant.class)
    void fullHdNoiseGivesSnappyNothingToGain(HapVariant variant) throws Exception {
        int w = 1920;
        int h = 1080;
        try (Arena arena = Arena.ofShared()) {
            TextureFrame tex = TextureFrame.allocate(arena, variant, w, h);
            new NoiseContent(variant, w, h, 7, 600, 3).render(17, tex);
            for (int chunks : new int[] {1, 4}) {
                HapFrameEncoder encoder = new HapFrameEncoder(
                        variant, w, h, HapEncoding.defaults().withChunks(chunks));
                MemorySegment out = arena.allocate(encoder.maxFrameBytes());
                long bytes = encoder.encode(tex, out);
                TestHapParser.Frame frame =
                        TestHapParser.parse(out.asSlice(0, bytes).toArray(ValueLayout.JAVA_BYTE), variant, w, h);
                for (TestHapParser.Plane plane : frame.planes()) {
                    if (chunks == 1) {
                        assertEquals(0xA, plane.compressorNibble(), "one chunk: stored, not Snappy");
                    } else {
                        for (int compressor : plane.chunkCompressors()) {
                            assertEquals(0x0A, compressor, "every chunk stored");
                        }
                    }
                }
            }
        }
    }

    @Test
    void noiseIsDeterministicAndDiffersBetweenFramesAndLayers() {
        HapVariant v = HapVariant.HAP_Q;
        try (Arena arena = Arena.ofShared()) {
            TextureFrame a = TextureFrame.allocate(arena, v, 64, 64);
            TextureFrame b = TextureFrame.allocate(arena, v, 64, 64);
            new NoiseContent(v, 64, 64, 1, 10, 5).render(3, a);
            new NoiseContent(v, 64, 64, 1, 10, 5).render(3, b);
            assertArrayEquals(bytes(a), bytes(b), "same seed, layer and frame");
            new NoiseContent(v, 64, 64, 1, 10, 5).render(4, b);
            assertFalse(java.util.Arrays.equals(bytes(a), bytes(b)), "next frame");
            new NoiseContent(v, 64, 64, 2, 10, 5).render(3, b);
            assertFalse(java.util.Arrays.equals(bytes(a), bytes(b)), "other layer");
        }
    }

    @ParameterizedTest
    @EnumSource(HapVariant.class)
    void patternScrollsOneBlockPerFrame(HapVariant variant) {
        int w = 128;
        int h = 96;
        try (Arena arena = Arena.ofShared()) {
            PatternContent pattern = new PatternContent(variant, w, h, 1, 100, arena);
            TextureFrame f5 = TextureFrame.allocate(arena, variant, w, h);
            TextureFrame f6 = TextureFrame.allocate(arena, variant, w, h);
            pattern.render(5, f5);
            pattern.render(6, f6);
            int across = w / 4;
            int lastRow = h / 4 - 1; // below the stamp and the centred caption
            for (int p = 0; p < variant.planes().size(); p++) {
                int bb = variant.planes().get(p).blockBytes();
                for (int x = 0; x < across; x++) {
                    long at6 = ((long) lastRow * across + x) * bb;
                    long at5 = ((long) lastRow * across + (x + 1) % across) * bb;
                    assertArrayEquals(
                            f5.plane(p).asSlice(at5, bb).toArray(ValueLayout.JAVA_BYTE),
                            f6.plane(p).asSlice(at6, bb).toArray(ValueLayout.JAVA_BYTE),
                            "plane " + p + " block " + x);
                }
            }
            assertFalse(java.util.Arrays.equals(bytes(f5), bytes(f6)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = HapVariant.class)
    void testCardDecodesCloseToItsSource(HapVariant variant) {
        int w = 256;
        int h = 192;
        try (Arena arena = Arena.ofShared()) {
            TextureFrame tex = TextureFrame.allocate(arena, variant, w, h);
            new PatternContent(variant, w, h, 1, 10, arena).render(0, tex);
            int across = w / 4;
            Set<Integer> overlay = new HashSet<>();
            new Caption(across, h / 4, 1, 10).draw(0, (bx, by, ink) -> overlay.add(by * across + bx));
            for (int bit = 0; bit < FrameStamp.BITS; bit++) {
                overlay.add(bit);
            }
            TestCard card = new TestCard(w, h);
            for (int p = 0; p < variant.planes().size(); p++) {
                TextureFormat f = variant.planes().get(p);
                boolean alphaOnly = f == TextureFormat.BC4;
                boolean withAlpha = f == TextureFormat.DXT5 || f == TextureFormat.BC7;
                double sum = 0;
                int n = 0;
                for (int block = 0; block < across * (h / 4); block++) {
                    if (overlay.contains(block)) {
                        continue;
                    }
                    int[] px = TestBlockDecoder.decodeBlock(tex.plane(p), (long) block * f.blockBytes(), f);
                    for (int t = 0; t < 16; t++) {
                        int src = card.rgba(block % across * 4 + t % 4, block / across * 4 + t / 4);
                        for (int c = alphaOnly ? 3 : 0; c < (withAlpha || alphaOnly ? 4 : 3); c++) {
                            int want = (src >>> (24 - 8 * c)) & 0xFF;
                            int got = alphaOnly ? px[4 * t] : px[4 * t + c];
                            sum += (double) (want - got) * (want - got);
                            n++;
                        }
                    }
                }
                double rms = Math.sqrt(sum / n);
                assertTrue(rms < 5.0, variant + " plane " + p + " rms error " + rms + " against the test card");
            }
        }
    }

    private static byte[] bytes(TextureFrame t) {
        return t.plane(0).toArray(ValueLayout.JAVA_BYTE);
    }
}
