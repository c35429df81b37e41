package org.hapring.mov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.RealMedia;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the reader against FFmpeg's packet list ({@code ffprobe -show_packets}) for FFmpeg-made clips,
 * every real file in testdata/real, and hand-built files FFmpeg can read. Skips where FFmpeg is absent.
 */
class MovReaderFfprobeTest {

    /** Frames, sizes, offsets and times agree with ffprobe's packets; so do time base, fourcc and picture size. */
    static void assertMatchesFfprobe(SampleTable t, Path file) {
        FfprobePackets probe = FfprobePackets.of(file);
        assertEquals("1/" + t.timescale(), probe.stream("time_base"), "time base");
        assertEquals(t.fourcc(), probe.stream("codec_tag_string"), "fourcc");
        assertEquals(Integer.toString(t.width()), probe.stream("width"));
        assertEquals(Integer.toString(t.height()), probe.stream("height"));
        // FFmpeg drops the frames an edit list skips; it lists the rest in order.
        int first = t.firstPresentedFrame();
        List<FfprobePackets.Packet> packets = probe.packets();
        assertEquals(t.frameCount() - first, packets.size(), "packets after the first presented frame " + first);
        for (int i = 0; i < packets.size(); i++) {
            FfprobePackets.Packet p = packets.get(i);
            int f = first + i;
            assertEquals(p.pos(), t.offset(f), "offset of frame " + f);
            assertEquals(p.size(), t.size(f), "size of frame " + f);
            assertEquals(p.pts(), t.ptsTicks(f), "pts of frame " + f);
            assertEquals(p.duration(), t.durationTicks(f), "duration of frame " + f);
        }
    }

    static Stream<Ffmpeg.Spec> clips() {
        return Stream.of(
                Ffmpeg.Spec.of("hap"),
                Ffmpeg.Spec.of("hap").faststart(true),
                Ffmpeg.Spec.of("hap_alpha").rate("30000/1001"),
                Ffmpeg.Spec.of("hap_q").rate("25").faststart(true),
                Ffmpeg.Spec.of("hap").rate("60").audio(true),
                Ffmpeg.Spec.of("hap_q").rate("50").audio(true).faststart(true),
                Ffmpeg.Spec.of("hap_alpha").rate("60").chunks(4),
                Ffmpeg.Spec.of("hap_q").rate("30000/1001").frames(20).audio(true),
                // Uncompressed frames all have one size: FFmpeg writes a constant stsz without a table.
                Ffmpeg.Spec.of("hap").snappy(false).frames(8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void ffmpegClip(Ffmpeg.Spec spec) throws IOException {
        Path clip = Ffmpeg.clip(spec);
        MovFile mov = MovReader.open(clip);
        SampleTable t = mov.video();
        assertMatchesFfprobe(t, clip);
        String fourcc =
                Map.of("hap", "Hap1", "hap_alpha", "Hap5", "hap_q", "HapY").get(spec.format());
        assertEquals(fourcc, t.fourcc());
        assertEquals(spec.frames(), t.frameCount());
        assertEquals(spec.width(), t.width());
        assertEquals(spec.height(), t.height());
        assertEquals(Rational.parse(spec.rate()), t.nominalFrameRate());
        assertEquals(Rational.parse(spec.rate()), t.averageFrameRate());
        assertTrue(t.constantFrameRate());
        assertEquals(spec.faststart(), mov.moovBeforeMdat());
        assertEquals(
                spec.audio() ? List.of("vide", "soun") : List.of("vide"),
                mov.tracks().stream().map(Track::handlerType).toList());
        if (!spec.snappy()) {
            assertEquals((long) t.maxSampleBytes() * t.frameCount(), t.totalSampleBytes(), "equal sizes");
        }
    }

    static Stream<Path> realMovies() {
        return RealMedia.movies().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realMovies")
    void realFileAgainstFfprobe(Path movie) throws IOException {
        assertMatchesFfprobe(MovReader.open(movie).video(), movie);
    }

    /** What testdata/real/README.md says about each file. */
    record Facts(
            String fourcc, int width, int height, int frames, String fps, boolean moovFirst, List<String> handlers) {}

    static Stream<Arguments> realFacts() {
        return Stream.of(
                Arguments.of(
                        "vidvox_qtdemo_SampleHapAlpha.mov",
                        new Facts("Hap5", 640, 480, 30, "30", false, List.of("vide"))),
                Arguments.of(
                        "gameoverhack_STND_LEFT_BLADIMIRSL_Hap1.mov",
                        new Facts("Hap1", 100, 100, 659, "25", false, List.of("vide", "tmcd"))),
                Arguments.of("bluecadet_hapm.mov", new Facts("HapM", 640, 360, 1, "30", true, List.of("vide"))),
                Arguments.of("bluecadet_hap7.mov", new Facts("Hap7", 640, 360, 1, "30", true, List.of("vide"))),
                Arguments.of(
                        "bluecadet_hap1_audio.mov",
                        new Facts("Hap1", 640, 360, 60, "30", false, List.of("vide", "soun"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realFacts")
    void realFileFacts(String name, Facts facts) throws IOException {
        MovFile mov = MovReader.open(RealMedia.movie(name));
        SampleTable t = mov.video();
        assertEquals(
                facts,
                new Facts(
                        t.fourcc(),
                        t.width(),
                        t.height(),
                        t.frameCount(),
                        t.nominalFrameRate().toString(),
                        mov.moovBeforeMdat(),
                        mov.tracks().stream().map(Track::handlerType).toList()));
    }

    static Stream<Arguments> builtFiles() {
        return Stream.of(
                built(
                        "empty edit",
                        () -> new MovBuilder()
                                .edits(0, new EditEntry(600, -1, 0x10000), new EditEntry(120, 0, 0x10000))),
                built("edit start offset", () -> new MovBuilder().edits(0, new EditEntry(80, 2, 0x10000))),
                built(
                        "empty edit and start offset, elst v1",
                        () -> new MovBuilder()
                                .movieTimescale(1000)
                                .edits(1, new EditEntry(500, -1, 0x10000), new EditEntry(100, 3, 0x10000))),
                built(
                        "variable frame rate",
                        () -> new MovBuilder()
                                .timescale(600)
                                .stts(new long[] {2, 20}, new long[] {3, 25}, new long[] {1, 7})),
                built(
                        "64-bit boxes, size-0 mdat, free/skip/wide/uuid",
                        () -> new MovBuilder()
                                .largeBoxes(true)
                                .mdatSizeZero(true)
                                .extraBoxes(true)),
                built(
                        "co64, several stsc runs",
                        () -> new MovBuilder()
                                .co64(true)
                                .sizes(8, 9, 10, 11, 12, 13, 14, 15, 16, 17)
                                .chunks(1, 1, 3, 3, 2)),
                built(
                        "constant stsz",
                        () -> new MovBuilder().constantSize(40, 9).chunks(4, 4, 1)),
                built(
                        "mdhd v1, audio and timecode",
                        () -> new MovBuilder()
                                .mdhdVersion(1)
                                .timescale(90000)
                                .stts(new long[] {6, 3003})
                                .audioTrack(true)
                                .timecodeTrack(true)));
    }

    private static Arguments built(String name, Supplier<MovBuilder> builder) {
        return Arguments.of(Named.of(name, builder));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtFiles")
    void builtFileAgainstFfprobe(Supplier<MovBuilder> builder, @TempDir Path dir) throws IOException {
        Path file = builder.get().build().writeTo(dir.resolve("built.mov"));
        assertMatchesFfprobe(MovReader.open(file).video(), file);
    }
}
