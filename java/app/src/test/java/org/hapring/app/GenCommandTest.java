package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffprobe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GenCommandTest {
    @TempDir
    Path dir;

    /** Runs {@code hapring gen} in-process; returns the exit status and what it printed on stderr. */
    private static Map.Entry<Integer, String> gen(List<String> args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            List<String> all = new ArrayList<>();
            all.add("gen");
            all.addAll(args);
            int status = Main.run(all.toArray(String[]::new));
            return Map.entry(status, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(saved);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--format hap_x                                        | --format",
                "--format hap --size 100                               | --size",
                "--format hap --size 28x36                             | --size",
                "--format hap --size 0x40                              | --size",
                "--format hap --fps abc                                | --fps",
                "--format hap --fps 5000                               | --fps",
                "--format hap --seconds 0                              | --seconds",
                "--format hap --seconds 0.001                          | --seconds",
                "--format hap --seconds nope                           | --seconds",
                "--format hap --content stripes                        | --content",
                "--format hap --layer-id 70000                         | --layer-id",
                "--format hap --chunks 0                               | --chunks",
                "--format hap --compressor lz4                         | --compressor",
                "--format hap --header 6                               | --header",
                "--format hap --moov middle                            | --moov",
                "--format hap --threads 0                              | --threads",
                "--format hap_alpha --size 4096x4096 --header 4        | header=4",
                "--format hap --size 32x32 --chunks 65                 | chunks=65",
            })
    void badOptionsFailNamingTheOptionAndWriteNothing(String args, String named) {
        Path out = dir.resolve("bad.mov");
        List<String> list = new ArrayList<>(List.of(out.toString()));
        list.addAll(List.of(args.trim().split("\\s+")));
        Map.Entry<Integer, String> r = gen(list);
        assertEquals(2, r.getKey(), "usage error status; stderr: " + r.getValue());
        assertTrue(r.getValue().contains(named), "stderr names " + named + ": " + r.getValue());
        assertFalse(Files.exists(out));
    }

    @Test
    void outputInAMissingDirectoryIsAUsageError() {
        Path out = dir.resolve("no/such/dir/x.mov");
        Map.Entry<Integer, String> r =
                gen(List.of(out.toString(), "--format", "hap", "--size", "64x48", "--seconds", "0.1"));
        assertEquals(2, r.getKey(), r.getValue());
        assertTrue(r.getValue().contains("does not exist"), r.getValue());
    }

    @Test
    void missingFormatIsAUsageError() {
        Map.Entry<Integer, String> r = gen(List.of(dir.resolve("x.mov").toString()));
        assertEquals(2, r.getKey());
        assertTrue(r.getValue().contains("--format"), r.getValue());
    }

    @Test
    void writesAMovieAndSummarisesIt() {
        Path out = dir.resolve("ok.mov");
        Map.Entry<Integer, String> r = gen(List.of(
                out.toString(),
                "--format",
                "hap_q",
                "--size",
                "64x48",
                "--fps",
                "29.97",
                "--seconds",
                "0.2",
                "--layer-id",
                "9",
                "--chunks",
                "2",
                "--offset-table",
                "--moov",
                "last"));
        assertEquals(0, r.getKey(), r.getValue());
        assertTrue(Files.exists(out));
        assertTrue(
                r.getValue().contains("wrote " + out + ": 6 frames 64x48 hap_q (HapY) at 30000/1001 fps"),
                r.getValue());
        Ffmpeg.assumeAvailable();
        Map<String, String> s = Ffprobe.videoStream(out);
        assertEquals("HapY", s.get("codec_tag_string"));
        assertEquals("6", s.get("nb_read_packets"));
        assertEquals("30000/1001", s.get("r_frame_rate"));
    }
}
