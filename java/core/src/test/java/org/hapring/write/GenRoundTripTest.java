package org.hapring.write;

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
import org.hapring.decode.TextureFrame;
import org.hapring.decode.reference.ReferenceDecoder;
import org.hapring.mov.MovReader;
import org.hapring.mov.Rational;
import org.hapring.mov.SampleTable;
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
 * ffprobe reports) carries the right stamp; the project's MovReader finds the same frames; and for the
 * variants FFmpeg decodes, FFmpeg's RGBA has the right frame count, shows the stamp, and equals the
 * project's ReferenceDecoder byte for byte. The ReferenceDecoder's picture equals the independent
 * test decoder's for every variant (Hap7 and HapH included) and shows the stamp.
 */
class GenRoundTripTest {
    private static final int LAYER = 4242;

    @TempDir
    static Path dir;

    record Case(
            HapVariant variant,
            int chunks,
            Compressor compressor,
            HeaderSize header,
            MoovPlacement moov,
            String rate,
            int width,
            int height,
            GenSpec.Content content,
            boolean offsetTable) {
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
                cases.add(new Case(
                        v,
                        1,
                        Compressor.SNAPPY,
                        HeaderSize.AUTO,
                        MoovPlacement.FIRST,
                        "30",
                        100,
                        60,
                        GenSpec.Content.PATTERN,
                        false));
                cases.add(new Case(
                        v,
                        4,
                        Compressor.NONE,
                        HeaderSize.EIGHT,
                        MoovPlacement.LAST,
                        "60",
                        100,
                        60,
                        GenSpec.Content.NOISE,
                        true));
                continue;
            }
            cases.add(new Case(
                    v,
                    1,
                    Compressor.NONE,
                    HeaderSize.FOUR,
                    MoovPlacement.FIRST,
                    "30",
                    100,
                    60,
                    GenSpec.Content.PATTERN,
                    false));
            cases.add(new Case(
                    v,
                    4,
                    Compressor.SNAPPY,
                    HeaderSize.EIGHT,
                    MoovPlacement.LAST,
                    "59.94",
                    100,
                    60,
                    GenSpec.Content.PATTERN,
                    true));
            cases.add(new Case(
                    v,
                    1,
                    Compressor.SNAPPY,
                    HeaderSize.EIGHT,
                    MoovPlacement.FIRST,
                    "29.97",
                    64,
                    48,
                    GenSpec.Content.NOISE,
                    false));
            cases.add(new Case(
                    v,
                    4,
                    Compressor.NONE,
                    HeaderSize.FOUR,
                    MoovPlacement.LAST,
                    "60",
                    100,
                    60,
                    GenSpec.Content.NOISE,
                    false));
            cases.add(new Case(
                    v,
                    1,
                    Compressor.SNAPPY,
                    HeaderSize.FOUR,
                    MoovPlacement.LAST,
                    "30000/1001",
                    100,
                    60,
                    GenSpec.Content.PATTERN,
                    false));
            cases.add(new Case(
                    v,
                    2,
                    Compressor.SNAPPY,
                    HeaderSize.AUTO,
                    MoovPlacement.FIRST,
                    "25",
                    98,
                    62,
                    GenSpec.Content.PATTERN,
                    true));
        }
        return cases.stream();
    }

    /** The project's CPU reference decoder's RGBA picture of one frame's planes. */
    private static byte[] referenceDecode(Case c, MemorySegment[] planes) throws IOException {
        TextureFrame frame =
                TextureFrame.wrap(planes[0], planes.length > 1 ? planes[1] : MemorySegment.ofArray(new byte[1]));
        frame.reset(c.width(), c.height());
        for (int p = 0; p < planes.length; p++) {
            frame.setPlane(p, c.variant().planes().get(p), planes[p].byteSize());
        }
        byte[] rgba = new byte[(int) ReferenceDecoder.rgbaBytes(c.width(), c.height())];
        ReferenceDecoder.toRgba(frame, c.variant(), MemorySegment.ofArray(rgba));
        return rgba;
    }

    /** The project's own MovReader indexes the movie exactly as FFmpeg's demuxer does. */
    private static void checkProjectReaderAgrees(Path file, Case c, int frames) throws IOException {
        SampleTable video = MovReader.open(file).video();
        assertEquals(c.variant().fourcc(), video.fourcc());
        assertEquals(c.width(), video.width());
        assertEquals(c.height(), video.height());
        FrameRate rate = FrameRate.parse(c.rate());
        assertEquals(Rational.of(rate.numerator(), rate.denominator()), video.nominalFrameRate());
        assertEquals(frames, video.frameCount());
        assertEquals(c.moov() == MoovPlacement.FIRST, MovReader.open(file).moovBeforeMdat());
        List<long[]> packets = Ffprobe.packets(file);
        for (int i = 0; i < frames; i++) {
            assertEquals(packets.get(i)[0], video.offset(i), "offset of frame " + i);
            assertEquals(packets.get(i)[1], video.size(i), "size of frame " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void generatedMovieRoundTripsThroughFfmpeg(Case c) throws IOException {
        Ffmpeg.assumeAvailable();
        int frames = 6;
        Path file = dir.resolve(c.toString().replaceAll("[^A-Za-z0-9]+", "_") + ".mov");
        HapEncoding enc = new HapEncoding(c.compressor(), c.chunks(), c.header(), c.offsetTable());
        GenSpec spec = new GenSpec(
                file,
                c.variant(),
                c.width(),
                c.height(),
                FrameRate.parse(c.rate()),
                frames,
                c.content(),
                LAYER,
                77,
                enc,
                c.moov(),
                2);
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
        checkProjectReaderAgrees(file, c, frames);
        List<byte[]> expectedPictures = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            TestHapParser.Frame frame = TestHapParser.parse(packets.get(i), c.variant(), c.width(), c.height());
            int headerBytes = c.header() == HeaderSize.EIGHT ? 8 : 4;
            assertEquals(headerBytes, frame.planes().get(0).headerBytes(), "section header size");
            MemorySegment[] planes = frame.planes().stream()
                    .map(p -> MemorySegment.ofArray(p.texture()))
                    .toArray(MemorySegment[]::new);
            assertEquals(
                    FrameStamp.pack(LAYER, i),
                    FrameStamp.read(planes[0], c.variant().planes().get(0), c.width(), c.height()),
                    "stamp of frame " + i);
            byte[] testDecoder = TestBlockDecoder.decodePicture(c.variant(), planes, c.width(), c.height());
            byte[] reference = referenceDecode(c, planes);
            assertTrue(
                    Arrays.equals(testDecoder, reference),
                    "ReferenceDecoder's RGBA of frame " + i + " equals the test decoder's (first difference at byte "
                            + Arrays.mismatch(testDecoder, reference) + ")");
            assertEquals(
                    FrameStamp.pack(LAYER, i),
                    FrameStamp.readRgba(MemorySegment.ofArray(reference), c.width(), c.height()),
                    "stamp visible in ReferenceDecoder's picture of frame " + i);
            expectedPictures.add(reference);
        }
        if (!c.ffmpegDecodes()) {
            return;
        }
        byte[] rgba = Ffmpeg.decodeRgba(file);
        int pictureBytes = c.width() * c.height() * 4;
        assertEquals(
                (long) frames * pictureBytes, rgba.length, "FFmpeg decoded " + rgba.length / pictureBytes + " frames");
        for (int i = 0; i < frames; i++) {
            byte[] picture = Arrays.copyOfRange(rgba, i * pictureBytes, (i + 1) * pictureBytes);
            assertEquals(
                    FrameStamp.pack(LAYER, i),
                    FrameStamp.readRgba(MemorySegment.ofArray(picture), c.width(), c.height()),
                    "stamp visible in FFmpeg's picture of frame " + i);
            assertTrue(
                    Arrays.equals(expectedPictures.get(i), picture),
                    "FFmpeg's RGBA of frame " + i + " equals ReferenceDecoder's (first difference at byte "
                            + Arrays.mismatch(expectedPictures.get(i), picture) + ")");
        }
    }
}
