package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hapring.io.EngineKind;
import org.hapring.mov.Rational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The validated configuration: defaults, the engine options' rules, files with overrides, one error naming the key. */
class PlayerConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheDocumentedOnes() {
        PlayerConfig c = PlayerConfig.defaults();
        assertEquals(5, c.preBufferFrames());
        assertEquals(8, c.maxPreBufferFrames());
        assertEquals(EngineKind.AUTO, c.engine());
        assertFalse(c.direct());
        assertEquals(200_000_000L, c.memoryCapBytes());
        assertEquals(Rational.of(60), c.fps());
        assertEquals(MissPolicy.REPEAT_PREVIOUS, c.missPolicy());
    }

    @Test
    void asyncOffMeansTheSyncEngineAndMemoryMapMeansMmap() {
        assertEquals(
                EngineKind.SYNC,
                PlayerConfig.builder().set("hapAsyncIO", false).build().engine());
        assertEquals(
                EngineKind.MMAP,
                PlayerConfig.builder().set("hapMemoryMap", true).build().engine());
        assertEquals(
                EngineKind.URING,
                PlayerConfig.builder().set("engine", "uring").build().engine());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hapPreBufferFrames | 0 | hapPreBufferFrames=0: must be 1..32",
                "hapPreBufferFrames | five | hapPreBufferFrames=five: not a whole number",
                "hapAsyncIO | yes | hapAsyncIO=yes: expected true or false",
                "engine | io_uring | engine=io_uring: unknown engine",
                "memoryCapBytes | 10 | memoryCapBytes=10: must be 1M..1TiB",
                "memoryCapBytes | lots | memoryCapBytes=lots: not a byte count",
                "fps | 0 | fps=0:",
                "missPolicy | skip | missPolicy=skip: expected repeat or wait",
                "decodeThreads | 0 | decodeThreads=0: must be 1..64",
            })
    void aBadValueIsOneErrorNamingTheKey(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PlayerConfig.builder().set(key, value).build());
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void conflictingEngineSettingsAreRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PlayerConfig.builder()
                        .set("hapAsyncIO", false)
                        .set("engine", "uring")
                        .build());
        assertTrue(
                e.getMessage().contains("engine=uring") && e.getMessage().contains("hapAsyncIO=false"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> PlayerConfig.builder()
                        .set("hapAsyncIO", false)
                        .set("hapMemoryMap", true)
                        .build());
        assertTrue(e.getMessage().startsWith("hapMemoryMap=true"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PlayerConfig.builder().set("hapPrebufferFrames", "5"));
        assertTrue(e.getMessage().startsWith("hapPrebufferFrames=5: unknown key"), e.getMessage());
    }

    @Test
    void ntscRatesAreExactAndByteCountsTakeUnits() {
        assertEquals(
                Rational.of(60000, 1001),
                PlayerConfig.builder().set("fps", "59.94").build().fps());
        assertEquals(
                Rational.of(30000, 1001),
                PlayerConfig.builder().set("fps", "29.97").build().fps());
        assertEquals(
                Rational.of(50), PlayerConfig.builder().set("fps", "50").build().fps());
        assertEquals(
                Rational.of(120),
                PlayerConfig.builder().set("fps", "120/1").build().fps());
        assertEquals(
                256L << 20,
                PlayerConfig.builder().set("memoryCapBytes", "256MiB").build().memoryCapBytes());
        assertEquals(
                300_000_000L,
                PlayerConfig.builder().set("memoryCapBytes", "300M").build().memoryCapBytes());
    }

    @Test
    void aFileIsReadAndLaterSettingsOverrideIt() throws Exception {
        Path f = dir.resolve("hapring.properties");
        Files.writeString(f, "hapPreBufferFrames=7\nengine=filechannel\n# a comment\nmemoryCapBytes=300M\n");
        PlayerConfig c = PlayerConfig.builder().load(f).set("engine", "mmap").build();
        assertEquals(7, c.preBufferFrames());
        assertEquals(10, c.maxPreBufferFrames());
        assertEquals(EngineKind.MMAP, c.engine());
        assertEquals(300_000_000L, c.memoryCapBytes());
        Files.writeString(f, "hapPreBuferFrames=7\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> PlayerConfig.builder().load(f));
        assertTrue(
                e.getMessage().contains(f.toString()) && e.getMessage().contains("hapPreBuferFrames=7: unknown key"),
                e.getMessage());
    }
}
