package org.hapring.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hapring.decode.HapVariant;
import org.hapring.mov.MovFile;
import org.hapring.mov.MovReader;
import org.hapring.testing.ByteArrayChannel;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.RealMedia;
import org.hapring.testing.TestPaths;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden dumps (testdata/golden/*.dump) of every fixture: the real files, FFmpeg-made clips (hap,
 * hap_alpha, hap_q x chunks 1 and 4 x compressor none and snappy x moov last and first), and our own
 * clips of the variants FFmpeg cannot make. Each is checked three ways: read normally, read through a
 * channel that returns one byte per read (the index must not change), and read through a channel that
 * fails half way (a typed IOException, never a wrong table).
 *
 * <p>Regenerate, never edit by hand: {@code ./hapring mvn -pl java/core -am test -Dtest=GoldenDumpTest
 * -Dhapring.golden.update=true -Dsurefire.failIfNoSpecifiedTests=false}. FFmpeg-made fixtures record the
 * FFmpeg version that made them and are skipped, saying so, on a machine with another version.
 */
class GoldenDumpTest {
    private static final boolean UPDATE = Boolean.getBoolean("hapring.golden.update");

    record Fixture(String name, Path movie, String maker) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fixture> fixtures() throws IOException {
        List<Fixture> all = new ArrayList<>();
        for (Path real : RealMedia.movies()) {
            String file = real.getFileName().toString();
            all.add(new Fixture("real_" + file.substring(0, file.length() - 4), real, "real"));
        }
        String ffmpeg = Ffmpeg.available() ? ffmpegVersion() : "ffmpeg missing";
        for (String format : List.of("hap", "hap_alpha", "hap_q")) {
            for (int chunks : new int[] {1, 4}) {
                for (boolean snappy : new boolean[] {false, true}) {
                    for (boolean faststart : new boolean[] {false, true}) {
                        String name = "ffmpeg_" + format + "_chunks" + chunks + (snappy ? "_snappy" : "_none")
                                + (faststart ? "_faststart" : "");
                        all.add(new Fixture(
                                name, null, ffmpeg + "|" + format + "|" + chunks + "|" + snappy + "|" + faststart));
                    }
                }
            }
        }
        for (HapVariant v :
                List.of(HapVariant.HAP_Q_ALPHA, HapVariant.HAP_ALPHA_ONLY, HapVariant.HAP_R, HapVariant.HAP_HDR)) {
            all.add(new Fixture("gen_" + v.cliName(), null, "gen|" + v.name()));
        }
        return all.stream();
    }

    private static String ffmpegVersion() {
        return Ffmpeg.run(List.of("ffmpeg", "-hide_banner", "-version"))
                .lines()
                .findFirst()
                .orElse("?")
                .replaceAll(" Copyright.*", "");
    }

    /** The fixture's movie, made on first use for FFmpeg and gen fixtures. */
    private static Path movie(Fixture f) throws IOException {
        if (f.movie() != null) {
            return f.movie();
        }
        String[] p = f.maker().split("\\|");
        if (p[0].equals("gen")) {
            Path out = TestPaths.mediaCache().resolve("golden_" + f.name() + ".mov");
            if (!Files.exists(out)) {
                HapGenerator.generate(
                        new GenSpec(
                                out,
                                HapVariant.valueOf(p[1]),
                                68,
                                44,
                                FrameRate.parse("25"),
                                5,
                                GenSpec.Content.PATTERN,
                                3,
                                1,
                                HapEncoding.defaults(),
                                MovWriter.MoovPlacement.LAST,
                                1),
                        (d, t, b, e) -> {});
            }
            return out;
        }
        Ffmpeg.Spec spec = Ffmpeg.Spec.of(p[1])
                .size(100, 60)
                .frames(4)
                .chunks(Integer.parseInt(p[2]))
                .snappy(Boolean.parseBoolean(p[3]))
                .faststart(Boolean.parseBoolean(p[4]));
        return Ffmpeg.clip(spec);
    }

    private static String header(Fixture f) {
        String source = switch (f.maker().split("\\|")[0]) {
            case "real" -> "another encoder, see testdata/real/README.md";
            case "gen" -> "hapring gen";
            default -> f.maker().split("\\|")[0];
        };
        return "# golden dump of " + f.name() + " (made by: " + source
                + "); regenerate with -Dhapring.golden.update=true";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void dumpMatchesGolden(Fixture f) throws IOException {
        Path golden = TestPaths.testdata().resolve("golden").resolve(f.name() + ".dump");
        String header = header(f);
        if (!UPDATE && f.name().startsWith("ffmpeg_") && Files.exists(golden)) {
            String recorded = Files.readAllLines(golden, StandardCharsets.UTF_8).get(0);
            assumeTrue(
                    recorded.equals(header),
                    "golden made with another FFmpeg: '" + recorded + "' vs this machine's '" + header
                            + "'; regenerate with -Dhapring.golden.update=true");
        }
        Path movie = movie(f);
        MovFile mov = MovReader.open(movie);
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(GoldenDump.of(movie, mov));
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.write(golden, lines, StandardCharsets.UTF_8);
            return;
        }
        assumeTrue(Files.exists(golden), "no golden dump yet at " + golden + ": run with -Dhapring.golden.update=true");
        assertEquals(String.join("\n", Files.readAllLines(golden, StandardCharsets.UTF_8)), String.join("\n", lines));

        byte[] bytes = Files.readAllBytes(movie);
        MovFile trickle = MovReader.read(movie, new ByteArrayChannel(bytes, 1, Long.MAX_VALUE));
        assertEquals(GoldenDump.indexLines(mov), GoldenDump.indexLines(trickle), "one byte per read");
        long failAt = mov.moovOffsetBytes() + mov.moovSizeBytes() / 2;
        IOException e =
                assertThrows(IOException.class, () -> MovReader.read(movie, new ByteArrayChannel(bytes, 7, failAt)));
        assertEquals(IOException.class, e.getClass(), "an I/O error is reported as one, not as a format error: " + e);
    }
}
