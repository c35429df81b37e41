package org.hapring.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.testing.TestHapParser;
import org.hapring.write.HapEncoding.Compressor;
import org.hapring.write.HapEncoding.HeaderSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HapFrameEncoderTest {
    private static final int W = 100;
    private static final int H = 60;

    private static final HapEncoding[] ENCODINGS = {
        new HapEncoding(Compressor.NONE, 1, HeaderSize.AUTO, false),
        new HapEncoding(Compressor.SNAPPY, 1, HeaderSize.FOUR, false),
        new HapEncoding(Compressor.SNAPPY, 4, HeaderSize.EIGHT, true),
        new HapEncoding(Compressor.SNAPPY, 3, HeaderSize.AUTO, false),
        new HapEncoding(Compressor.NONE, 3, HeaderSize.FOUR, true),
        new HapEncoding(Compressor.NONE, 2, HeaderSize.EIGHT, false),
    };

    static Stream<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (HapVariant v : HapVariant.values()) {
            for (HapEncoding e : ENCODINGS) {
                for (GenSpec.Content c : GenSpec.Content.values()) {
                    args.add(Arguments.of(v, e, c));
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void framesParseBackToTheSameTexturesWithTheRequestedStructure(
            HapVariant variant, HapEncoding enc, GenSpec.Content content) throws Exception {
        try (Arena arena = Arena.ofShared()) {
            FrameContent source = content == GenSpec.Content.PATTERN
                    ? new PatternContent(variant, W, H, 3, 10, arena)
                    : new NoiseContent(variant, W, H, 3, 10, 99);
            TextureFrame tex = TextureFrame.allocate(arena, variant, W, H);
            source.render(4, tex);
            HapFrameEncoder encoder = new HapFrameEncoder(variant, W, H, enc);
            MemorySegment out = arena.allocate(encoder.maxFrameBytes());
            long frameBytes = encoder.encode(tex, out);
            assertTrue(frameBytes > 0 && frameBytes <= encoder.maxFrameBytes());

            TestHapParser.Frame frame =
                    TestHapParser.parse(out.asSlice(0, frameBytes).toArray(ValueLayout.JAVA_BYTE), variant, W, H);
            int expectedHeader = enc.header() == HeaderSize.EIGHT ? 8 : 4;
            assertEquals(variant.planes().size() > 1 ? expectedHeader : 0, frame.outerHeaderBytes());
            assertEquals(variant.planes().size(), frame.planes().size());
            for (int p = 0; p < variant.planes().size(); p++) {
                TextureFormat f = variant.planes().get(p);
                TestHapParser.Plane plane = frame.planes().get(p);
                assertArrayEquals(
                        tex.plane(p).toArray(ValueLayout.JAVA_BYTE), plane.texture(), "plane " + p + " texture");
                assertEquals(f.hapCode(), plane.type() & 0x0F);
                assertEquals(expectedHeader, plane.headerBytes());
                if (enc.chunks() == 1) {
                    assertNull(plane.chunkCompressors());
                    int expected = enc.compressor() == Compressor.NONE || content == GenSpec.Content.NOISE ? 0xA : 0xB;
                    assertEquals(expected, plane.compressorNibble(), "single-chunk compressor");
                } else {
                    assertEquals(0xC, plane.compressorNibble());
                    assertEquals(enc.chunks(), plane.chunkCompressors().length);
                    assertEquals(expectedHeader, plane.nestedHeaderBytes());
                    assertEquals(enc.offsetTable(), plane.chunkOffsets() != null, "offset table present");
                    checkChunks(enc, content, f, plane);
                }
            }
        }
    }

    /** Stored chunks are exactly their share of the texture; Snappy chunks are smaller than their share. */
    private static void checkChunks(
            HapEncoding enc, GenSpec.Content content, TextureFormat f, TestHapParser.Plane plane) {
        long blocks = f.textureBytes(W, H) / f.blockBytes();
        for (int i = 0; i < enc.chunks(); i++) {
            long rawBytes = (blocks * (i + 1) / enc.chunks() - blocks * i / enc.chunks()) * f.blockBytes();
            int compressor = plane.chunkCompressors()[i];
            if (enc.compressor() == Compressor.NONE || content == GenSpec.Content.NOISE) {
                assertEquals(0x0A, compressor, "chunk " + i + " stored: nothing to gain");
            }
            if (compressor == 0x0A) {
                assertEquals(rawBytes, plane.chunkSizes()[i], "stored chunk " + i + " size");
            } else {
                assertEquals(0x0B, compressor);
                assertTrue(
                        plane.chunkSizes()[i] < rawBytes, "Snappy chunk " + i + " is smaller than its texture share");
            }
        }
    }

    @Test
    void patternFramesCompressWellWithSnappy() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            int w = 640;
            int h = 360;
            PatternContent pattern = new PatternContent(HapVariant.HAP_Q, w, h, 1, 10, arena);
            TextureFrame tex = TextureFrame.allocate(arena, HapVariant.HAP_Q, w, h);
            pattern.render(3, tex);
            HapFrameEncoder encoder = new HapFrameEncoder(HapVariant.HAP_Q, w, h, HapEncoding.defaults());
            MemorySegment out = arena.allocate(encoder.maxFrameBytes());
            long bytes = encoder.encode(tex, out);
            assertTrue(bytes < tex.planeBytes(0) / 4, "a test card compresses to under a quarter: " + bytes);
        }
    }

    @Test
    void fourByteHeadersAreRefusedFromSixteenMebibytes() {
        // 4096 x 4096 DXT5 = 16 MiB of texture: one byte more than a 24-bit size holds
        HapEncoding four = HapEncoding.defaults().withHeader(HeaderSize.FOUR);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new HapFrameEncoder(HapVariant.HAP_ALPHA, 4096, 4096, four));
        assertTrue(e.getMessage().contains("header=4"), e.getMessage());
        new HapFrameEncoder(HapVariant.HAP_ALPHA, 4096, 4092, four);
    }

    @Test
    void autoHeadersSwitchToEightBytesForLargeSections() throws Exception {
        HapEncoding auto = HapEncoding.defaults().withCompressor(Compressor.NONE);
        try (Arena arena = Arena.ofShared()) {
            TextureFrame tex = TextureFrame.allocate(arena, HapVariant.HAP_ALPHA, 4096, 4096);
            tex.reset(4096, 4096);
            tex.setPlane(0, TextureFormat.DXT5, TextureFormat.DXT5.textureBytes(4096, 4096));
            HapFrameEncoder encoder = new HapFrameEncoder(HapVariant.HAP_ALPHA, 4096, 4096, auto);
            MemorySegment out = arena.allocate(encoder.maxFrameBytes());
            long bytes = encoder.encode(tex, out);
            assertEquals(8 + (16L << 20), bytes);
            ValueLayout.OfInt le = ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
            assertEquals(0, out.get(le, 0) & 0xFFFFFF, "24-bit size is zero");
            assertEquals(0xAE, out.get(ValueLayout.JAVA_BYTE, 3) & 0xFF);
            assertEquals(16 << 20, out.get(le, 4), "32-bit size");
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new HapFrameEncoder(
                        HapVariant.HAP, 32, 32, HapEncoding.defaults().withChunks(65)),
                "more chunks than the 64 blocks of a 32x32 picture");
        assertThrows(
                IllegalArgumentException.class, () -> HapEncoding.defaults().withChunks(0));
        assertThrows(
                IllegalArgumentException.class, () -> HapEncoding.defaults().withChunks(HapEncoding.MAX_CHUNKS + 1));
        HapFrameEncoder encoder = new HapFrameEncoder(HapVariant.HAP, 32, 32, HapEncoding.defaults());
        try (Arena arena = Arena.ofConfined()) {
            TextureFrame tex = TextureFrame.allocate(arena, HapVariant.HAP, 32, 32);
            tex.reset(32, 32);
            tex.setPlane(0, TextureFormat.DXT1, TextureFormat.DXT1.textureBytes(32, 32));
            MemorySegment heap = MemorySegment.ofArray(new byte[(int) encoder.maxFrameBytes()]);
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(tex, heap), "heap output");
            MemorySegment small = arena.allocate(encoder.maxFrameBytes() - 1);
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(tex, small), "output too small");
            MemorySegment out = arena.allocate(encoder.maxFrameBytes());
            tex.reset(32, 28);
            tex.setPlane(0, TextureFormat.DXT1, TextureFormat.DXT1.textureBytes(32, 28));
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(tex, out), "texture of another size");
            tex.reset(32, 32);
            tex.setPlane(0, TextureFormat.BC4, TextureFormat.BC4.textureBytes(32, 32));
            assertThrows(IllegalArgumentException.class, () -> encoder.encode(tex, out), "texture of another format");
        }
    }

    @Test
    void hapQAlphaHoldsColourThenAlphaInsideAMultiImageSection() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            TextureFrame tex = TextureFrame.allocate(arena, HapVariant.HAP_Q_ALPHA, W, H);
            new NoiseContent(HapVariant.HAP_Q_ALPHA, W, H, 1, 2, 1).render(0, tex);
            HapFrameEncoder encoder = new HapFrameEncoder(
                    HapVariant.HAP_Q_ALPHA, W, H, HapEncoding.defaults().withHeader(HeaderSize.FOUR));
            MemorySegment out = arena.allocate(encoder.maxFrameBytes());
            long bytes = encoder.encode(tex, out);
            byte[] b = out.asSlice(0, bytes).toArray(ValueLayout.JAVA_BYTE);
            assertEquals(0x0D, b[3] & 0xFF, "outer type");
            assertEquals(bytes - 4, (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16, "outer size");
            assertEquals(0xAF, b[7] & 0xFF, "first inner section: stored YCoCg (noise does not compress)");
            long colourBytes = TextureFormat.YCOCG_DXT5.textureBytes(W, H);
            assertEquals(0xA1, b[(int) (4 + 4 + colourBytes + 3)] & 0xFF, "second inner section: stored BC4");
            assertNotNull(TestHapParser.parse(b, HapVariant.HAP_Q_ALPHA, W, H));
        }
    }
}
