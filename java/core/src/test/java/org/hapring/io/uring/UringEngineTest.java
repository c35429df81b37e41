package org.hapring.io.uring;

import static org.hapring.io.EngineFixtures.randomFile;
import static org.hapring.io.EngineFixtures.reapAll;
import static org.hapring.io.EngineFixtures.reference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapring.io.BufferSet;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineFixtures;
import org.hapring.io.EngineStats;
import org.hapring.io.FileHandle;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.ReadEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The io_uring engine on a real ring, with faults injected at the binding seam where the kernel cannot
 * be made to fail on demand (EIO, EINTR, short transfers, ENOMEM on registration, O_DIRECT refused).
 * Skipped with the reason where io_uring is unavailable.
 */
class UringEngineTest {
    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void needsUring() {
        EngineFixtures.assumeUring();
    }

    private UringEngine engine(String faults, boolean registered) throws IoEngineException {
        UringCalls calls =
                faults == null ? new NativeUringCalls() : new FaultInjectingUringCalls(new NativeUringCalls(), faults);
        return UringEngine.create(EngineFixtures.config(notices).queueDepth(32).build(), calls, registered, null);
    }

    /** Queues one read per buffer of {@code bufs} at offsets i*stride+7, submits, reaps, checks the bytes. */
    private EngineFixtures.Recorder readAll(ReadEngine e, FileHandle h, BufferSet bufs, int lengthBytes, long stride)
            throws IOException {
        for (int i = 0; i < bufs.count(); i++) {
            assertEquals(ReadEngine.QUEUED, e.queue(h, i * stride + 7, lengthBytes, bufs.index(i), i));
        }
        e.submit();
        EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
        reapAll(e, rec, bufs.count());
        return rec;
    }

    private void assertBytes(Path file, EngineFixtures.Recorder rec, int lengthBytes, long stride) throws IOException {
        for (EngineFixtures.Done d : rec.done) {
            assertNull(d.error(), () -> String.valueOf(d.error()));
            assertArrayEquals(reference(file, d.userData() * stride + 7, lengthBytes), d.data());
        }
    }

    @Test
    void sixReadsOfSixFilesTakeOneEnterAndUseRegisteredBuffersAndFiles() throws Exception {
        int frameBytes = 300_000;
        try (Arena arena = Arena.ofShared();
                UringEngine e = engine(null, true)) {
            assertEquals("uring", e.name());
            assertTrue(e.capabilities().registeredBuffers());
            assertTrue(e.capabilities().registeredFiles());
            BufferSet bufs = BufferSet.allocate(arena, 6, frameBytes, 4096);
            e.registerBuffers(bufs);
            List<FileHandle> files = new ArrayList<>();
            List<Path> paths = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                paths.add(randomFile(dir, "layer" + i + ".bin", frameBytes * 3, 100 + i));
                files.add(e.open(paths.get(i), OpenOptions.BUFFERED));
            }
            for (int tick = 0; tick < 3; tick++) {
                EngineStats before = e.stats();
                for (int i = 0; i < 6; i++) {
                    assertEquals(
                            ReadEngine.QUEUED,
                            e.queue(files.get(i), (long) tick * frameBytes, frameBytes, bufs.index(i), i));
                }
                assertEquals(6, e.submit());
                EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
                reapAll(e, rec, 6);
                EngineStats tickStats = e.stats().minus(before);
                for (EngineFixtures.Done d : rec.done) {
                    assertArrayEquals(
                            reference(paths.get((int) d.userData()), (long) tick * frameBytes, frameBytes), d.data());
                }
                assertEquals(6, tickStats.readsCompleted());
                assertTrue(
                        tickStats.enterCalls() >= 1 && tickStats.enterCalls() <= 2,
                        "enter calls per tick: " + tickStats.enterCalls());
                assertEquals(1, tickStats.submitCalls());
            }
        }
    }

    @Test
    void anInjectedEioIsATypedIoErrorNamingFileAndOffsetAndOtherReadsSucceed() throws Exception {
        Path file = randomFile(dir, "eio.bin", 200_000, 11);
        try (Arena arena = Arena.ofShared();
                UringEngine e = engine("read=EIO*1", true)) {
            BufferSet bufs = BufferSet.allocate(arena, 4, 16384, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            EngineFixtures.Recorder rec = readAll(e, h, bufs, 16000, 20_000);
            int errors = 0;
            for (EngineFixtures.Done d : rec.done) {
                if (d.error() != null) {
                    errors++;
                    assertEquals(IoEngineException.Kind.IO_ERROR, d.error().kind());
                    assertEquals(5, d.error().errno());
                    assertEquals(file, d.error().file());
                    assertEquals(d.userData() * 20_000 + 7, d.error().offsetBytes());
                } else {
                    assertArrayEquals(reference(file, d.userData() * 20_000 + 7, 16000), d.data());
                }
            }
            assertEquals(1, errors);
            assertEquals(1, e.stats().readsFailed());
        }
    }

    @Test
    void shortTransfersAreContinuedForTheRest() throws Exception {
        Path file = randomFile(dir, "short.bin", 1 << 20, 12);
        try (Arena arena = Arena.ofShared();
                UringEngine e = engine("read=short*5", true)) {
            BufferSet bufs = BufferSet.allocate(arena, 4, 100_000, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            EngineFixtures.Recorder rec = readAll(e, h, bufs, 100_000, 200_000);
            assertBytes(file, rec, 100_000, 200_000);
            assertEquals(5, e.stats().shortReadsResubmitted());
            assertEquals(4 + 5, e.stats().readsSubmitted());
        }
    }

    @Test
    void shortDirectTransfersStayAlignedAndAreContinued() throws Exception {
        Path file = randomFile(dir, "shortd.bin", 1 << 20, 13);
        try (Arena arena = Arena.ofShared();
                UringEngine e = engine("read=short*4", true)) {
            BufferSet bufs = BufferSet.allocate(arena, 4, BufferSet.requiredBytes(100_000, 4096), 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.DIRECT);
            org.junit.jupiter.api.Assumptions.assumeTrue(h.direct(), "O_DIRECT not granted in " + dir);
            EngineFixtures.Recorder rec = readAll(e, h, bufs, 100_000, 200_000);
            assertBytes(file, rec, 100_000, 200_000);
            assertEquals(4, e.stats().shortReadsResubmitted());
        }
    }

    @Test
    void eintrOnReadsAndOnWaitsIsRetried() throws Exception {
        Path file = randomFile(dir, "eintr.bin", 200_000, 14);
        try (Arena arena = Arena.ofShared();
                UringEngine e = engine("read=EINTR*2,wait=EINTR*2", true)) {
            BufferSet bufs = BufferSet.allocate(arena, 4, 16384, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
            for (int i = 0; i < 4; i++) {
                e.queue(h, i * 20_000L + 7, 16000, bufs.index(i), i);
            }
            e.submit();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (rec.done.size() < 4 && System.nanoTime() < deadline) {
                e.reap(4, 4, 1_000_000_000L, rec);
            }
            assertBytes(file, rec, 16000, 20_000);
            assertTrue(e.stats().retries() >= 2, "retries=" + e.stats().retries());
        }
    }

    @Test
    void enomemOnBufferRegistrationDegradesToUnregisteredReadsWithOneNotice() throws Exception {
        Path file = randomFile(dir, "mem.bin", 200_000, 15);
        try (Arena arena = Arena.ofShared();
                UringEngine e = engine("register_buffers=ENOMEM", true)) {
            BufferSet bufs = BufferSet.allocate(arena, 4, 16384, 4096);
            e.registerBuffers(bufs);
            assertEquals("uring-noreg", e.name());
            assertFalse(e.capabilities().registeredBuffers());
            assertEquals(1, notices.size(), () -> "notices: " + notices);
            assertTrue(notices.get(0).contains("ENOMEM") && notices.get(0).contains("memlock"), notices.get(0));
            assertNotNull(e.fallbackReason());
            BufferSet more = BufferSet.allocate(arena, 2, 16384, 4096);
            e.registerBuffers(more);
            assertEquals(1, notices.size(), "the degradation is said once");
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            assertBytes(file, readAll(e, h, bufs, 16000, 20_000), 16000, 20_000);
        }
    }

    @Test
    void oDirectRefusedByTheFilesystemFallsBackToBufferedForThatFileWithOneNotice() throws Exception {
        Path file = randomFile(dir, "einval.bin", 200_000, 16);
        try (Arena arena = Arena.ofShared();
                UringEngine e = engine("open_direct=EINVAL*1", true)) {
            BufferSet bufs = BufferSet.allocate(arena, 2, BufferSet.requiredBytes(16000, 4096), 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.DIRECT);
            assertFalse(h.direct());
            assertEquals(1, notices.size(), () -> "notices: " + notices);
            assertTrue(
                    notices.get(0).contains(file.toString()) && notices.get(0).contains("EINVAL"), notices.get(0));
            assertBytes(file, readAll(e, h, bufs, 16000, 20_000), 16000, 20_000);
        }
    }

    @Test
    void closeUnmapsTheRingAndClosesItsFd() throws Exception {
        Path file = randomFile(dir, "close.bin", 100_000, 17);
        long mapsBefore = ringMappings();
        UringEngine e = engine(null, true);
        int fd = e.ringFd();
        assertTrue(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd))
                .toString()
                .contains("io_uring"));
        assertTrue(ringMappings() > mapsBefore, "the ring is not mapped");
        Arena arena = Arena.ofShared();
        BufferSet bufs = BufferSet.allocate(arena, 2, 65536, 4096);
        e.registerBuffers(bufs);
        FileHandle h = e.open(file, OpenOptions.BUFFERED);
        e.queue(h, 0, 65536, bufs.index(0), 1);
        e.queue(h, 30_000, 65536, bufs.index(1), 2);
        e.submit();
        e.close();
        assertEquals(0, e.inFlight());
        assertEquals(mapsBefore, ringMappings(), "ring mappings left after close");
        Path fdLink = Path.of("/proc/self/fd/" + fd);
        assertTrue(
                !Files.exists(fdLink, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || !Files.readSymbolicLink(fdLink).toString().contains("io_uring"),
                "ring fd still open");
        arena.close();
    }

    private static long ringMappings() throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.contains("io_uring")).count();
        }
    }

    @Test
    void ioWqWorkersAreCapped() throws Exception {
        try (UringEngine e = UringEngine.create(
                EngineConfig.builder().ioWqMaxWorkers(2).build(), new NativeUringCalls(), true, null)) {
            assertTrue(e.ioWqCapped());
        }
    }
}
