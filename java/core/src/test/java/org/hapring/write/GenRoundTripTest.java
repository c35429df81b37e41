package org.hapring.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.HapVariant;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffprobe;
import org.hapring.testing.TestBlockDecoder;
import org.hapring.testing.TestHapParser;
import org.hapring.write.HapEncoding.Compressor;
import org.hapring.write.HapEncoding.HeaderSize;
import org.hapring.write.MovWriter.MoovPlacement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generates small movies of every variant and option and checks them through FFmpeg: ffprobe sees
 * the right fourcc, size, rate and frame count; the texture of every packet (read at the offsets
 * ffprobe reports) carries the right stamp; and for the variants FFmpeg decodes, FFmpeg's RGBA has
 * the right frame count, shows the stamp, and equals the independent test decoder's picture
 * byte for byte.
 */
class GenRoundTripTest {
    private static final int LAYER = 4242;

    @TempDir
    static Path dir;

    record Case(HapVariant variant, int chunks, Compressor compressor, HeaderSize header, MoovPlacement moov,
            String rate, int width, int height, GenSpec.Content content, boolean offsetTable) {
        @Override
        public String toString() {
            return variant.cliName() + " chunks=" + chunks + " " + compressor + " header=" + header + " moov=" + moov
                    + " " + rate + "fps " + width + "x" + height + " " + content + (offsetTable ? " offsets" : "");
        }

        /** FFmpeg decodes Hap1/Hap5/HapY/HapA, and HapM only with 4-byte section headers. */
        boolean ffmpegDecodes() {
            return switch (variant) {
                case HAP, HAP_ALPHA, HAP_Q, HAP_ALPHA_ONLY -> true;
                case HAP_Q_ALPHA -> header != HeaderSize.EIGHT;
                case HAP_R, HAP_HDR -> false;
            };
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (HapVariant v : HapVariant.values()) {
            if (v == HapVariant.HAP_R || v == HapVariant.HAP_HDR) {
                cases.add(new Case(v, 1, Compressor.SNAPPY, HeaderSize.AUTO, MoovPlacement.FIRST, "30", 100, 60,
                        GenSpec.Content.PATTERN, false));
                cases.add(new Case(v, 4, Compressor.NONE, HeaderSize.EIGHT, MoovPlacement.LAST, "60", 100, 60,
                        GenSpec.Content.NOISE, true));
                continue;
            }
            cases.add(new Case(v, 1, Compressor.NONE, HeaderSize.FOUR, MoovPlacement.FIRST, "30", 100, 60,
                    GenSpec.Content.PATTERN, false));
            cases.add(new Case(v, 4, Compressor.SNAPPY, HeaderSize.EIGHT, MoovPlacement.LAST, "59.94", 100, 60,
                    GenSpec.Content.PATTERN, true));
            cases.add(new Case(v, 1, Compressor.SNAPPY, HeaderSize.EIGHT, MoovPlacement.FIRST, "29.97", 64, 48,
                    GenSpec.Content.NOISE, false));
            cases.add(new Case(v, 4, Compressor.NONE, HeaderSize.FOUR, MoovPlacement.LAST, "60", 100, 60,
                    GenSpec.Content.NOISE, false));
            cases.add(new Case(v, 1, Compressor.SNAPPY, HeaderSize.FOUR, MoovPlacement.LAST, "30000/1001", 100, 60,
                    GenSpec.Content.PATTERN, false));
            cases.add(new Case(v, 2, Compressor.SNAPPY, HeaderSize.AUTO, MoovPlacement.FIRST, "25", 98, 62,
                    GenSpec.Content.PATTERN, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedMovieRoundTripsThroughFfmpeg(Case c) throws IOException {
        Ffmpeg.assumeAvailable();
        int frames = 6;
        Path file = dir.resolve(c.toString().replaceAll("[^A-Za-z0-9]+", "_") + ".mov");
        HapEncoding enc = new HapEncoding(c.compressor(), c.chunks(), c.header(), c.offsetTable());
        GenSpec spec = new GenSpec(file, c.variant(), c.width(), c.height(), FrameRate.parse(c.rate()), frames,
                c.content(), LAYER, 77, enc, c.moov(), 2);
        HapGenerator.Result result = HapGenerator.generate(spec, null);
        assertEquals(frames, result.frames());

        Map<String, String> s = Ffprobe.videoStream(file);
        assertEquals(c.variant().fourcc(), s.get("codec_tag_string"));
        assertEquals(Integer.toString(c.width()), s.get("width"));
        assertEquals(Integer.toString(c.height()), s.get("height"));
        FrameRate rate = FrameRate.parse(c.rate());
        assertEquals(rate.numerator() + "/" + rate.denominator(), s.get("r_frame_rate"));
        assertEquals(Integer.toString(frames), s.get("nb_frames"));
        assertEquals(Integer.toString(frames), s.get("nb_read_packets"));

        List<byte[]> packets = Ffprobe.packetBytes(file);
        assertEquals(frames, packets.size());
        List<byte[]> expectedPictures = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            TestHapParser.Frame frame = TestHapParser.parse(packets.get(i), c.variant(), c.width(), c.height());
            int headerBytes = c.header() == HeaderSize.EIGHT ? 8 : 4;
            assertEquals(headerBytes, frame.planes().get(0).headerBytes(), "section header size");
            MemorySegment[] planes = frame.planes().stream().map(p -> MemorySegment.ofArray(p.texture()))
                    .toArray(MemorySegment[]::new);
            assertEquals(FrameStamp.pack(LAYER, i),
                    FrameStamp.read(planes[0], c.variant().planes().get(0), c.width(), c.height()), "stamp of frame " + i);
            expectedPictures.add(TestBlockDecoder.decodePicture(c.variant(), planes, c.width(), c.height()));
        }
        if (!c.ffmpegDecodes()) {
            return;
        }
        byte[] rgba = Ffmpeg.decodeRgba(file);
        int pictureBytes = c.width() * c.height() * 4;
        assertEquals((long) frames * pictureBytes, rgba.length, "FFmpeg decoded " + rgba.length / pictureBytes + " frames");
        for (int i = 0; i < frames; i++) {
            byte[] picture = Arrays.copyOfRange(rgba, i * pictureBytes, (i + 1) * pictureBytes);
            assertEquals(FrameStamp.pack(LAYER, i), FrameStamp.readRgba(MemorySegment.ofArray(picture), c.width(), c.height()),
                    "stamp visible in FFmpeg's picture of frame " + i);
            assertTrue(Arrays.equals(expectedPictures.get(i), picture),
                    "FFmpeg's RGBA of frame " + i + " equals the test decoder's (first difference at byte "
                            + Arrays.mismatch(expectedPictures.get(i), picture) + ")");
        }
    }
}
