package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hapring play} in-process: a short verified run on movies made by {@code hapring gen} writes the JSON
 * report with the documented keys and finds no wrong frame; bad settings are one error naming the key.
 */
class PlayCommandTest {
    @TempDir
    static Path dir;

    private static Path a;
    private static Path b;

    @BeforeAll
    static void movies() {
        a = dir.resolve("a.mov");
        b = dir.resolve("b.mov");
        assertEquals(
                0,
                CliRun.withSystemStreams(List.of(
                                "gen",
                                a.toString(),
                                "--format",
                                "hap_q",
                                "--size",
                                "64x48",
                                "--seconds",
                                "1",
                                "--layer-id",
                                "1"))
                        .status());
        assertEquals(
                0,
                CliRun.withSystemStreams(List.of(
                                "gen",
                                b.toString(),
                                "--format",
                                "hap",
                                "--size",
                                "64x48",
                                "--seconds",
                                "1",
                                "--layer-id",
                                "2",
                                "--compressor",
                                "none"))
                        .status());
    }

    @Test
    void aVerifiedRunWritesTheJsonReport() throws Exception {
        Path json = dir.resolve("report.json");
        CliRun r = CliRun.withSystemStreams(List.of(
                "play",
                a.toString(),
                b.toString(),
                "--output",
                "none",
                "--seconds",
                "1",
                "--verify",
                "--engine",
                "filechannel",
                "--random-seek-every-ms",
                "100",
                "--stats-json",
                json.toString()));
        assertEquals(0, r.status(), r.err() + r.out());
        assertTrue(r.out().contains("totals: shown="), r.out());
        JsonNode root = new ObjectMapper().readTree(Files.readString(json));
        assertEquals("filechannel", root.get("engine").asText());
        assertTrue(root.has("fallbackReason"));
        assertEquals("60", root.get("fps").asText());
        assertEquals(60, root.get("ticks").asLong() + root.get("skippedTicks").asLong());
        assertEquals(2, root.get("layers").size());
        for (JsonNode l : root.get("layers")) {
            for (String key : List.of("file", "shown", "dropped", "wrong", "hits", "misses")) {
                assertTrue(l.has(key), key);
            }
            assertEquals(0, l.get("wrong").asLong());
        }
        JsonNode t = root.get("totals");
        for (String key : List.of(
                "shown",
                "dropped",
                "wrong",
                "hitRate",
                "acquireMicros",
                "seekMillis",
                "ioEnterPerTick",
                "offHeapBytes",
                "rssBytes")) {
            assertTrue(t.has(key), key);
        }
        assertEquals(0, t.get("wrong").asLong());
        assertTrue(t.get("acquireMicros").has("p99") && t.get("seekMillis").has("count"));
        assertTrue(t.get("seekMillis").get("count").asLong() > 0, "seeks measured");
        assertTrue(t.get("offHeapBytes").asLong() > 0 && t.get("rssBytes").asLong() > 0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--set hapPreBufferFrames=0     | hapPreBufferFrames=0",
                "--engine bogus                 | engine=bogus",
                "--set memoryCapBytes=1         | memoryCapBytes=1",
                "--set nosuchkey=1              | nosuchkey=1",
                "--fps zero                     | fps=zero",
                "--output bogus                 | --output=bogus",
                "--size 10x10                   | --size=10x10",
                "--upload dma                   | --upload=dma",
                "--pacing vsync --output offscreen | --pacing=vsync",
                "--output none --screenshot x.png | --screenshot",
                "--seconds 0                    | --seconds=0.0",
            })
    void aBadSettingIsOneErrorNamingIt(String option, String named) {
        List<String> args = new ArrayList<>(List.of("play", a.toString()));
        args.addAll(List.of(option.trim().split(" ")));
        CliRun r = CliRun.withSystemStreams(args);
        assertNotEquals(0, r.status());
        assertTrue(r.err().contains(named), r.err());
    }
}
