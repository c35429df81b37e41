package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffmpeg.Spec;
import org.hapring.testing.Ffprobe;
import org.hapring.testing.RealMedia;
import org.hapring.write.SparseLargeMovie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hapring info}: facts agree with ffprobe, layouts with how the clips were made, errors are one line. */
class InfoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode infoJson(Path movie) throws IOException {
        CliRun run = CliRun.of("info", movie.toString(), "--json");
        assertEquals(0, run.status(), run.err());
        return JSON.readTree(run.out());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"24000/1001", "30000/1001", "25", "60"})
    void jsonAgreesWithFfprobe(String rate) throws IOException {
        Path clip = Ffmpeg.clip(
                Spec.of("hap_q").rate(rate).size(100, 60).chunks(3).frames(7).audio(true));
        JsonNode info = infoJson(clip);
        Map<String, String> probe = Ffprobe.videoStream(clip);
        assertEquals(Integer.parseInt(probe.get("width")), info.get("width").asInt());
        assertEquals(Integer.parseInt(probe.get("height")), info.get("height").asInt());
        String probeRate = probe.get("r_frame_rate");
        assertEquals(
                probeRate.endsWith("/1") ? probeRate.substring(0, probeRate.length() - 2) : probeRate,
                info.get("fps").asText());
        assertEquals(
                Integer.parseInt(probe.get("nb_frames")), info.get("frames").asInt());
        assertEquals("HapY", info.get("codec").asText());
        assertEquals("hap_q", info.get("variant").asText());
        assertEquals(
                List.of(3),
                JSON.convertValue(info.at("/sections/chunkCounts"), Map.class).keySet().stream()
                        .map(k -> Integer.parseInt(k.toString()))
                        .toList());
        assertEquals(100 / 4 * 60 / 4 * 16, info.get("textureBytesPerFrame").asLong());
        assertTrue(
                info.get("tracks").toString().contains("soun"),
                info.get("tracks").toString());
    }

    @Test
    void reportsHeaderFormsAndCompressorsOfRealFiles() throws IOException {
        JsonNode vidvox = infoJson(RealMedia.movie("vidvox_qtdemo_SampleHapAlpha.mov"));
        assertEquals("[4]", vidvox.at("/sections/headerBytes").toString());
        assertEquals("[\"0xBE\"]", vidvox.at("/sections/topLevelTypes").toString());
        assertEquals(30, vidvox.get("fps").asInt());
        JsonNode adobe = infoJson(RealMedia.movie("gameoverhack_STND_LEFT_BLADIMIRSL_Hap1.mov"));
        assertEquals("[\"0xCB\"]", adobe.at("/sections/topLevelTypes").toString());
        assertEquals(659, adobe.at("/sections/compressors/chunked").asInt());
        assertEquals(659, adobe.get("framesInspected").asInt());
    }

    @Test
    void fileOverFourGibibytes() throws IOException {
        Path big = SparseLargeMovie.create(dir.resolve("big.mov"), 5);
        assertTrue(Files.size(big) > 4L << 30);
        JsonNode info = infoJson(big);
        assertEquals(Files.size(big), info.get("fileBytes").asLong());
        assertEquals(5, info.get("frames").asInt());
        assertEquals(64, info.get("width").asInt());
        assertEquals(48, info.get("height").asInt());
        assertEquals("30", info.get("fps").asText());
        assertEquals("Hap1", info.get("codec").asText());
        assertEquals(5, info.get("framesInspected").asInt());
        Ffmpeg.assumeAvailable();
        assertEquals(
                Integer.parseInt(Ffprobe.videoStream(big).get("nb_frames")),
                info.get("frames").asInt());
        CliRun md5 = CliRun.of("decode", big.toString(), "--framemd5");
        assertEquals(0, md5.status(), md5.err());
        assertEquals(Ffmpeg.framemd5Autorotated(big), md5.dataLines());
    }

    @Test
    void severalFilesGiveAnArrayAndABadOneGivesOneLineAndStatusOne() throws IOException {
        Path good = Ffmpeg.clip(Spec.of("hap").frames(2));
        Path junk = dir.resolve("junk.mov");
        Files.write(junk, new byte[] {0, 0, 0, 8, 'f', 'r', 'e', 'e', 1, 2, 3});
        CliRun run = CliRun.of("info", good.toString(), junk.toString(), good.toString(), "--json");
        assertEquals(1, run.status());
        JsonNode array = JSON.readTree(run.out());
        assertTrue(array.isArray());
        assertEquals(2, array.size());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("junk.mov") && run.err().contains("offset="), run.err());
    }

    @Test
    void textOutputNamesTheEssentials() {
        Path clip = dir.resolve("noise.mov");
        CliRun gen = CliRun.of(
                "gen",
                clip.toString(),
                "--format",
                "hap_alpha",
                "--size",
                "64x48",
                "--seconds",
                "0.1",
                "--content",
                "noise",
                "--chunks",
                "2");
        assertEquals(0, gen.status(), gen.err());
        CliRun run = CliRun.of("info", clip.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("Hap5 (hap_alpha: DXT5)"), run.out());
        assertTrue(run.out().contains("64x48"), run.out());
        assertTrue(run.out().contains("incompressible"), run.out());
        assertTrue(run.out().contains("chunks per plane {2=6}"), run.out());
    }
}
