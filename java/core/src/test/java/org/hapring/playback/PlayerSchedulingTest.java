package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hapring.decode.HapVariant;
import org.hapring.io.EngineConfig;
import org.hapring.io.IoEngineException;
import org.hapring.mov.MovReader;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.prebuffer.LayerIoStats;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling logic, deterministic: a manual player (the test thread ticks and runs the I/O and decode
 * work) on an engine whose reads complete only when the test lets them, with stamped movies and a verifying
 * sink. Expected frame sequences are worked out here from the play rules, not read back from the player.
 */
class PlayerSchedulingTest {
    private static final int FRAMES = 40;

    @TempDir
    Path dir;

    private final RecordingSink recorder = new RecordingSink();
    private final VerifyFrameSink verify = new VerifyFrameSink(64, recorder);
    private GatedEngine engine;
    private Player player;

    private Player player(PlayerConfig.Builder b) {
        engine = new GatedEngine(EngineConfig.builder().queueDepth(64).build());
        player = Player.manual(b.build(), verify, engine, FrameDecoders.hap(0));
        return player;
    }

    private Player player() {
        return player(PlayerConfig.builder().set("maxLayers", 8));
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.gate(true);
        }
        if (player != null) {
            player.close();
        }
    }

    private static Path movie(int layerId, HapEncoding.Compressor c) {
        return StampedMovies.movie(HapVariant.HAP, FRAMES, layerId, c);
    }

    /** Ticks {@code from .. to-1}, running the I/O and decode work after each. */
    private void run(long from, long to) {
        for (long t = from; t < to; t++) {
            player.tick(t);
            player.pump();
        }
    }

    private int openPlaying(Path file) throws Exception {
        int id = player.openLayer(file);
        assertTrue(player.awaitReady(5_000_000_000L));
        player.play(id);
        return id;
    }

    @Test
    void forwardPlaysEveryFrameInOrderAndWrapsAroundTheLoop() throws Exception {
        player();
        int id = openPlaying(movie(1, HapEncoding.Compressor.NONE));
        run(0, 100);
        List<Integer> expected = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
            expected.add(t % FRAMES);
        }
        assertEquals(expected, recorder.frames(id));
        PlayerStats s = player.snapshot();
        assertEquals(100, s.shown());
        assertEquals(0, s.dropped());
        assertEquals(0, s.wrong());
        assertEquals(100, verify.checkedFrames(id));
    }

    @Test
    void snappyFramesGoThroughTheDecodeWorkers() throws Exception {
        player();
        int id = openPlaying(movie(2, HapEncoding.Compressor.SNAPPY));
        run(0, 50);
        PlayerStats s = player.snapshot();
        assertEquals(0, s.dropped());
        assertEquals(0, s.wrong());
        assertEquals(50, verify.checkedFrames(id));
        assertTrue(
                s.layers().get(0).decode().count() >= 50,
                "decoded " + s.layers().get(0).decode().count());
    }

    @Test
    void reverseRunsBackwardsAndWrapsFromTheFirstFrameToTheLast() throws Exception {
        player();
        int id = player.openLayer(movie(1, HapEncoding.Compressor.NONE));
        player.seek(id, 5);
        player.setSpeed(id, -1);
        player.play(id);
        assertTrue(player.awaitReady(5_000_000_000L));
        run(0, 12);
        // the seek, speed and play all take effect at tick 0: 5, 4, ... 0, then 39, 38, ...
        assertEquals(
                List.of(5, 4, 3, 2, 1, 0, 39, 38, 37, 36, 35, 34),
                recorder.frames(id).subList(0, 12));
        assertEquals(0, verify.wrongFrames(id));
    }

    @Test
    void speedTwoSkipsEveryOtherFrameAndHalfSpeedShowsEachTwice() throws Exception {
        player();
        int fast = openPlaying(movie(1, HapEncoding.Compressor.NONE));
        int slow = openPlaying(movie(2, HapEncoding.Compressor.NONE));
        player.setSpeed(fast, 2);
        player.setSpeed(slow, 0.5);
        run(0, 10);
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18), recorder.frames(fast));
        assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3, 4, 4), recorder.frames(slow));
        assertEquals(0, player.snapshot().dropped());
        assertEquals(0, player.snapshot().wrong());
    }

    @Test
    void aLoopRegionWithACountPlaysItThatManyTimesThenRunsOn() throws Exception {
        player(PlayerConfig.builder().set("loop", false));
        int id = player.openLayer(movie(1, HapEncoding.Compressor.NONE));
        player.seek(id, 10);
        player.setLoop(id, new LoopRegion(10, 14, 2));
        player.play(id);
        assertTrue(player.awaitReady(5_000_000_000L));
        run(0, 12);
        assertEquals(List.of(10, 11, 12, 13, 10, 11, 12, 13, 14, 15, 16, 17), recorder.frames(id));
        assertEquals(0, player.snapshot().dropped());
    }

    @Test
    void aSeekIsShownAtTheNextTickBecauseTheHintReadsTheTargetAtOnce() throws Exception {
        player();
        int id = openPlaying(movie(1, HapEncoding.Compressor.NONE));
        run(0, 10);
        player.seek(id, 30);
        player.pump(); // the I/O thread sees the hint before the tick applies the seek
        run(10, 14);
        assertEquals(List.of(7, 8, 9, 30, 31, 32, 33), recorder.frames(id).subList(7, 14));
        PlayerStats s = player.snapshot();
        assertEquals(0, s.dropped());
        assertEquals(1, s.seekToReady().count());
    }

    @Test
    void aSeekIntoTheBufferIsServedFromItWithoutReading() throws Exception {
        player();
        int id = openPlaying(movie(1, HapEncoding.Compressor.NONE));
        run(0, 3);
        long readsBefore = player.snapshot().layers().get(0).reads();
        engine.gate(false);
        player.seek(id, 5); // frames 3..7 are buffered (lookahead 5)
        run(3, 4);
        assertEquals(5, recorder.frames(id).get(3));
        assertEquals(0, player.snapshot().dropped());
        assertTrue(
                player.snapshot().seekToReady().maxNanos() < LayerIoStats.LOWEST_NANOS,
                "the target was ready before the seek (0, within the histogram's resolution)");
        engine.gate(true);
        assertTrue(player.snapshot().layers().get(0).reads() >= readsBefore);
    }

    @Test
    void staleCompletionsAfterASeekAreDroppedUndecoded() throws Exception {
        player();
        int id = openPlaying(movie(1, HapEncoding.Compressor.SNAPPY));
        run(0, 2);
        engine.gate(false);
        run(2, 4); // reads for frames ahead are now in flight
        assertTrue(engine.pending() > 0);
        player.seek(id, 25);
        run(4, 5); // the seek applies; the old reads are stale
        engine.gate(true);
        player.pump();
        run(5, 8);
        LayerStats l = player.snapshot().layers().get(0);
        assertTrue(l.staleDropped() > 0, "stale completions dropped: " + l.staleDropped());
        assertEquals(List.of(26, 27, 28), recorder.frames(id).subList(5, 8));
        assertEquals(0, player.snapshot().wrong());
    }

    @Test
    void repeatPolicyKeepsThePreviousFrameAndCountsMissesAndDrops() throws Exception {
        player();
        int id = openPlaying(movie(1, HapEncoding.Compressor.NONE));
        run(0, 3); // 0, 1, 2 shown; 3..7 buffered
        engine.gate(false);
        run(3, 12); // 3..7 from the buffer, then nothing arrives
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7), recorder.frames(id));
        LayerStats l = player.snapshot().layers().get(0);
        assertEquals(4, l.dropped());
        assertEquals(4, l.misses());
        assertEquals(8, l.shown());
        engine.gate(true);
        player.pump();
        run(12, 14);
        assertEquals(List.of(12, 13), recorder.frames(id).subList(12, 14));
        assertEquals(0, player.snapshot().wrong());
    }

    @Test
    void waitPolicyGivesUpAtTheDeadlineWhenTheFrameCannotArrive() throws Exception {
        player(PlayerConfig.builder().set("missPolicy", "wait").set("missDeadlineMicros", 2000));
        int id = openPlaying(movie(1, HapEncoding.Compressor.NONE));
        run(0, 1);
        engine.gate(false);
        run(1, 12); // nobody runs the I/O work while the tick thread waits: every wait ends at its deadline
        LayerStats l = player.snapshot().layers().get(0);
        assertEquals(6, l.dropped()); // 1..5 were buffered, 6..11 cannot come
        assertTrue(
                l.acquire().maxNanos() >= 2_000_000,
                "waited up to the deadline: " + l.acquire().maxNanos());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5), recorder.frames(id), "holds the last frame it had");
    }

    @Test
    void aTruncatedFileFailsItsLayerWhichHoldsItsLastFrameWhileTheOtherPlaysOn() throws Exception {
        player();
        Path cut = StampedMovies.copy(movie(1, HapEncoding.Compressor.NONE), dir, "cut.mov");
        int good = openPlaying(movie(2, HapEncoding.Compressor.NONE));
        int bad = openPlaying(cut);
        run(0, 5);
        var table = MovReader.open(cut).video();
        try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
            raf.setLength(table.offset(20)); // frames 20.. are gone
        }
        run(5, 60);
        PlayerStats s = player.snapshot();
        LayerStats g =
                s.layers().stream().filter(l -> l.layerId() == good).findFirst().orElseThrow();
        LayerStats b =
                s.layers().stream().filter(l -> l.layerId() == bad).findFirst().orElseThrow();
        assertEquals(0, g.dropped());
        assertEquals(60, g.shown());
        assertNotNull(b.error());
        assertTrue(b.error().contains("UNEXPECTED_EOF") && b.error().contains("cut.mov"), b.error());
        List<Integer> shownBad = recorder.frames(bad);
        assertEquals(19, shownBad.get(59).intValue(), "holds its last good frame: " + shownBad);
        assertEquals(0, s.wrong());
    }

    @Test
    void aFrameThatFailsToDecodeFailsItsLayerWithTheFileAndFrame() throws Exception {
        engine = new GatedEngine(EngineConfig.builder().build());
        player = Player.manual(
                PlayerConfig.builder().set("maxLayers", 8).build(), verify, engine, TestDecoders::failing);
        int id = player.openLayer(movie(1, HapEncoding.Compressor.SNAPPY));
        player.play(id);
        run(0, 5);
        LayerStats l = player.snapshot().layers().get(0);
        assertNotNull(l.error());
        assertTrue(l.error().contains("frame=0") && l.error().contains(".mov"), l.error());
    }

    @Test
    void closingALayerFreesItsMemory() throws Exception {
        player();
        int a = openPlaying(movie(1, HapEncoding.Compressor.SNAPPY));
        int b = openPlaying(movie(2, HapEncoding.Compressor.NONE));
        run(0, 10);
        long both = player.snapshot().layers().stream()
                .mapToLong(LayerStats::offHeapBytes)
                .sum();
        assertTrue(both > 0);
        MemorySegment texture = recorder.lastPlane.get(a);
        texture.get(ValueLayout.JAVA_BYTE, 0); // readable while the layer is open
        CompletableFuture<Void> closed = player.closeLayer(a);
        run(10, 12);
        assertTrue(closed.isDone(), "memory freed once the tick released the frame on screen");
        assertThrows(
                IllegalStateException.class,
                () -> texture.get(ValueLayout.JAVA_BYTE, 0),
                "the closed layer's arena is closed: its memory is gone");
        PlayerStats s = player.snapshot();
        long open = s.layers().stream()
                .filter(l -> l.layerId() == b)
                .mapToLong(LayerStats::offHeapBytes)
                .sum();
        assertTrue(
                s.offHeapBytes() - ProcessMemory.directBufferBytes() == open,
                "only layer b's ring is left: " + s.offHeapBytes() + " vs " + open);
        assertThrows(IllegalArgumentException.class, () -> player.play(a));
        assertEquals(List.of(10, 11), recorder.frames(b).subList(10, 12));
    }

    @Test
    void theMemoryCapRefusesALayerThatDoesNotFitNamingTheKey() throws Exception {
        player(PlayerConfig.builder().set("memoryCapBytes", "1000000").set("maxLayers", 1024));
        Exception e = assertThrows(Exception.class, () -> {
            for (int i = 0; i < 200; i++) {
                player.openLayer(movie(1, HapEncoding.Compressor.SNAPPY));
            }
        });
        assertTrue(e.getMessage().contains("memoryCapBytes"), e.getMessage());
    }

    @Test
    void aMissingFileIsATypedError() {
        player();
        Exception e = assertThrows(Exception.class, () -> player.openLayer(dir.resolve("nope.mov")));
        assertInstanceOf(IOException.class, e);
        assertNull(player.failure());
        assertTrue(e instanceof NoSuchFileException || e instanceof IoEngineException, e.toString());
    }

    /** Frames in flight after the first tick of two layers of 640x360 HAP (115 KB frames), reads held back. */
    private int readsInFlightAfterFirstTick(String budget) throws Exception {
        Path big = dir.resolve("big.mov");
        if (!Files.exists(big)) {
            HapGenerator.generate(
                    new GenSpec(
                            big,
                            HapVariant.HAP,
                            640,
                            360,
                            FrameRate.parse("60"),
                            24,
                            GenSpec.Content.PATTERN,
                            1,
                            1,
                            HapEncoding.defaults().withCompressor(HapEncoding.Compressor.NONE),
                            MovWriter.MoovPlacement.FIRST,
                            1),
                    null);
        }
        PlayerConfig.Builder b = PlayerConfig.builder().set("maxLayers", 8);
        if (budget != null) {
            b.set("maxReadBytesInFlight", budget);
        }
        player(b);
        engine.gate(false);
        int a = player.openLayer(big);
        int c = player.openLayer(big);
        player.play(a);
        player.play(c);
        player.tick(0);
        player.pump();
        return engine.pending();
    }

    @Test
    void readAheadWaitsForTheReadBudgetWhileEveryLayersDueFrameIsRead() throws Exception {
        int unlimited = readsInFlightAfterFirstTick(null);
        close();
        int budgeted = readsInFlightAfterFirstTick("1M");
        long bytes = 640L * 360 / 2; // DXT1 texture; each frame adds a 4-byte section header
        assertTrue(unlimited >= 8, "without a budget both layers read ahead: " + unlimited + " in flight");
        assertTrue(budgeted >= 2, "each layer's frame due now is read whatever the budget: " + budgeted);
        assertTrue(
                budgeted * bytes <= Math.max(1_000_000, 2 * (bytes + 8)),
                budgeted + " reads of " + bytes + " bytes in flight over a 1 MB budget");
        assertTrue(budgeted < unlimited);
        engine.gate(true);
        run(1, 40);
        PlayerStats s = player.snapshot();
        assertEquals(0, s.wrong());
        assertTrue(s.shown() >= 2 * 38, "playback goes on once reads complete: shown " + s.shown());
    }
}
