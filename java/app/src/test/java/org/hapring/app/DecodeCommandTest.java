package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffmpeg.Spec;
import org.hapring.testing.RealMedia;
import org.hapring.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hapring decode --framemd5} prints exactly the data lines of
 * {@code ffmpeg -i FILE -map 0:v:0 -pix_fmt rgba -f framemd5 -} for real files from other encoders and for
 * FFmpeg-made clips of every variant it encodes, every chunk count 1..8, many sizes and rates, with audio
 * beside the video and with variable frame rates; for our own HapM and HapA clips too.
 */
class DecodeCommandTest {
    @TempDir
    Path dir;

    private static void assertSameAsFfmpeg(Path movie) {
        CliRun run = CliRun.of("decode", movie.toString(), "--framemd5");
        assertEquals(0, run.status(), run.err());
        List<String> expected = Ffmpeg.framemd5Autorotated(movie);
        assertFalse(expected.isEmpty(), "FFmpeg decoded no frame of " + movie);
        assertEquals(expected, run.dataLines(), movie.toString());
    }

    static Stream<Path> realMoviesWithReference() {
        return RealMedia.movies().stream().filter(m -> RealMedia.referenceFramemd5(m) != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realMoviesWithReference")
    void realFilesMatchTheStoredFfmpegFramemd5(Path movie) throws IOException {
        CliRun run = CliRun.of("decode", movie.toString(), "--framemd5");
        assertEquals(0, run.status(), run.err());
        List<String> expected = Files.readAllLines(RealMedia.referenceFramemd5(movie)).stream()
                .filter(l -> !l.startsWith("#"))
                .toList();
        assertEquals(expected, run.dataLines());
    }

    static Stream<Arguments> ffmpegClips() {
        List<Arguments> all = new ArrayList<>();
        for (String format : List.of("hap", "hap_alpha", "hap_q")) {
            for (int chunks = 1; chunks <= 8; chunks++) {
                all.add(Arguments.of(
                        Spec.of(format).size(128, 64).chunks(chunks).frames(3)));
            }
            all.add(Arguments.of(
                    Spec.of(format).size(128, 64).chunks(4).snappy(false).frames(3)));
            all.add(Arguments.of(
                    Spec.of(format).size(100, 60).chunks(2).noise(true).frames(3)));
            for (int[] size : new int[][] {{4, 4}, {8, 12}, {36, 20}, {132, 76}, {640, 360}}) {
                all.add(Arguments.of(Spec.of(format).size(size[0], size[1]).frames(2)));
            }
            all.add(Arguments.of(Spec.of(format).audio(true).faststart(true).frames(5)));
        }
        for (String rate : List.of("24000/1001", "25", "30000/1001", "50", "60000/1001", "60", "120")) {
            all.add(Arguments.of(Spec.of("hap_q").rate(rate).frames(5)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ffmpegClips")
    void ffmpegClipsMatchFfmpeg(Spec spec) {
        assertSameAsFfmpeg(Ffmpeg.clip(spec));
    }

    @Test
    void variableFrameRateTimestampsMatch() {
        Ffmpeg.assumeAvailable();
        Path vfr = TestPaths.mediaCache().resolve("vfr_hap.mov");
        if (!Files.exists(vfr)) {
            Ffmpeg.run(List.of(
                    "ffmpeg",
                    "-nostdin",
                    "-loglevel",
                    "error",
                    "-y",
                    "-f",
                    "lavfi",
                    "-i",
                    "testsrc2=size=64x48:rate=30",
                    "-frames:v",
                    "8",
                    "-vf",
                    "setpts='if(lt(N,3),N,N*2)/30/TB'",
                    "-fps_mode",
                    "vfr",
                    "-c:v",
                    "hap",
                    vfr.toString()));
        }
        assertSameAsFfmpeg(vfr);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownFormats")
    void ourHapQAlphaAndAlphaOnlyClipsMatchFfmpeg(String format, String chunks) {
        Path out = dir.resolve(format + ".mov");
        CliRun gen = CliRun.of(
                "gen",
                out.toString(),
                "--format",
                format,
                "--size",
                "68x44",
                "--fps",
                "25",
                "--seconds",
                "0.2",
                "--chunks",
                chunks,
                "--header",
                "4");
        assertEquals(0, gen.status(), gen.err());
        assertSameAsFfmpeg(out);
    }

    static Stream<Arguments> ownFormats() {
        return Stream.of(
                Arguments.of("hap_q_alpha", "1"),
                Arguments.of("hap_q_alpha", "3"),
                Arguments.of("hap_alpha_only", "1"),
                Arguments.of("hap_alpha_only", "2"));
    }

    @Test
    void pngHoldsTheFrameFfmpegDecodes() throws IOException {
        Path clip = Ffmpeg.clip(Spec.of("hap_alpha").size(36, 20).frames(4));
        Path png = dir.resolve("f2.png");
        CliRun run = CliRun.of("decode", clip.toString(), "--frame", "2", "--png", png.toString());
        assertEquals(0, run.status(), run.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(36, image.getWidth());
        assertEquals(20, image.getHeight());
        byte[] all = Ffmpeg.decodeRgba(clip);
        int frameBytes = 36 * 20 * 4;
        byte[] expected = Arrays.copyOfRange(all, 2 * frameBytes, 3 * frameBytes);
        byte[] actual = new byte[frameBytes];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 36; x++) {
                int argb = image.getRGB(x, y);
                int i = (y * 36 + x) * 4;
                actual[i] = (byte) (argb >> 16);
                actual[i + 1] = (byte) (argb >> 8);
                actual[i + 2] = (byte) argb;
                actual[i + 3] = (byte) (argb >>> 24);
            }
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void frameOutOfRangeIsAUsageError() {
        Path clip = Ffmpeg.clip(Spec.of("hap").frames(3));
        CliRun run = CliRun.of(
                "decode",
                clip.toString(),
                "--frame",
                "3",
                "--png",
                dir.resolve("x.png").toString());
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--frame must be 0..2"), run.err());
    }

    @Test
    void missingFileIsOneClearLine() {
        CliRun run = CliRun.of("decode", dir.resolve("nope.mov").toString(), "--framemd5");
        assertEquals(1, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("no such file") && run.err().contains("nope.mov"), run.err());
    }

    @Test
    void truncatedFileNamesFileBoxAndOffset() throws IOException {
        Path clip = Ffmpeg.clip(Spec.of("hap").frames(3));
        byte[] bytes = Files.readAllBytes(clip);
        Path cut = dir.resolve("cut.mov");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 40));
        CliRun run = CliRun.of("decode", cut.toString(), "--framemd5");
        assertEquals(1, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("cut.mov") && run.err().contains("offset="), run.err());
    }

    @Test
    void corruptFrameNamesFileFrameAndOffset() throws IOException {
        Path clip = Ffmpeg.clip(Spec.of("hap").snappy(false).frames(3));
        byte[] bytes = Files.readAllBytes(clip);
        Path bad = dir.resolve("bad.mov");
        long pos = positionOf(clip, 1);
        bytes[(int) pos + 3] = (byte) 0x77; // an unknown section type in frame 1
        Files.write(bad, bytes);
        CliRun run = CliRun.of("decode", bad.toString(), "--framemd5");
        assertEquals(1, run.status());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("bad.mov") && run.err().contains("frame=1"), run.err());
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(" offset=(\\d+)").matcher(run.err());
        assertTrue(m.find(), run.err());
        long offset = Long.parseLong(m.group(1));
        assertTrue(offset >= pos && offset <= pos + 3, "offset " + offset + " in frame 1's header at " + pos);
    }

    private static long positionOf(Path movie, int frame) throws IOException {
        return org.hapring.mov.MovReader.open(movie).video().offset(frame);
    }
}
