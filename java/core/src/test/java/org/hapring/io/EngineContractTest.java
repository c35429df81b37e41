package org.hapring.io;

import static org.hapring.io.EngineFixtures.engine;
import static org.hapring.io.EngineFixtures.randomFile;
import static org.hapring.io.EngineFixtures.reapAll;
import static org.hapring.io.EngineFixtures.reference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SPI's semantics, the same for every engine that reads: right bytes for random ranges, many reads in
 * one submit, more reads than the queue depth (BUSY), short files (typed EOF), files deleted or truncated
 * while open, O_DIRECT alignment and slice, and the close protocol. uring kinds skip with the reason where
 * io_uring is unavailable.
 */
class EngineContractTest {
    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    private static int bufferIndex(BufferSet set, int i, ReadEngine e) {
        return e.capabilities().zeroCopy() && i < 0 ? ReadEngine.NO_BUFFER : set.index(i);
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "URING_NOREG", "FILECHANNEL", "MMAP", "SYNC"})
    void randomRangesMatchAPlainFileChannelRead(EngineKind kind) throws Exception {
        Path file = randomFile(dir, "r.bin", 3 * MIB + 123, 1);
        Random rnd = new Random(42);
        try (Arena arena = Arena.ofShared();
                ReadEngine e = engine(
                        kind, EngineFixtures.config(notices).queueDepth(16).build())) {
            BufferSet bufs = BufferSet.allocate(arena, 16, 256 * 1024, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            assertEquals(Files.size(file), h.sizeBytes());
            for (int batch = 0; batch < 12; batch++) {
                EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
                Map<Long, long[]> asked = new HashMap<>();
                int n = 1 + rnd.nextInt(16);
                for (int i = 0; i < n; i++) {
                    int len = 1 + rnd.nextInt(256 * 1024);
                    long off = rnd.nextLong(h.sizeBytes() - len + 1);
                    long ud = batch * 100L + i;
                    asked.put(ud, new long[] {off, len});
                    assertEquals(ReadEngine.QUEUED, e.queue(h, off, len, bufs.index(i), ud));
                }
                assertEquals(n, e.submit());
                reapAll(e, rec, n);
                assertEquals(n, rec.done.size());
                for (EngineFixtures.Done d : rec.done) {
                    assertNull(d.error(), () -> "unexpected error " + d.error());
                    long[] a = asked.remove(d.userData());
                    assertNotNull(a, "completion for an unknown or repeated userData " + d.userData());
                    assertArrayEquals(reference(file, a[0], (int) a[1]), d.data(), "bytes at offset " + a[0]);
                }
            }
            assertEquals(0, e.inFlight());
            e.closeFile(h);
            e.unregisterBuffers(bufs);
        }
        assertTrue(notices.isEmpty(), () -> "unexpected notices " + notices);
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "URING_NOREG", "FILECHANNEL", "MMAP", "SYNC"})
    void moreReadsThanTheQueueDepthAreRefusedWithBusyAndAllArriveLater(EngineKind kind) throws Exception {
        Path file = randomFile(dir, "b.bin", MIB, 2);
        int depth = 8;
        int total = 40;
        try (Arena arena = Arena.ofShared();
                ReadEngine e = engine(
                        kind, EngineFixtures.config(notices).queueDepth(depth).build())) {
            BufferSet bufs = BufferSet.allocate(arena, total, 8192, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
            int next = 0;
            int busy = 0;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (rec.done.size() < total) {
                assertTrue(System.nanoTime() < deadline, "no progress");
                while (next < total) {
                    int rc = e.queue(h, next * 8192L + 7, 8000, bufs.index(next), next);
                    if (rc == ReadEngine.BUSY) {
                        busy++;
                        break;
                    }
                    next++;
                }
                assertTrue(e.queued() + e.inFlight() <= depth);
                e.submit();
                e.reap(1, depth, 1_000_000_000L, rec);
            }
            assertTrue(busy > 0, "queue never answered BUSY with " + total + " reads for depth " + depth);
            assertEquals(busy, e.stats().busyRejections());
            for (EngineFixtures.Done d : rec.done) {
                assertNull(d.error());
                assertArrayEquals(reference(file, d.userData() * 8192 + 7, 8000), d.data());
            }
            assertEquals(total, e.stats().readsCompleted());
            assertEquals(total * 8000L, e.stats().bytesRead());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "URING_NOREG", "FILECHANNEL", "MMAP", "SYNC", "NULL"})
    void aReadPastTheEndIsATypedEofNamingFileAndOffset(EngineKind kind) throws Exception {
        Path file = randomFile(dir, "short.bin", 10_000, 3);
        try (Arena arena = Arena.ofShared();
                ReadEngine e = engine(kind, EngineFixtures.config(notices).build())) {
            BufferSet bufs = BufferSet.allocate(arena, 3, 16384, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            e.queue(h, 9_000, 4096, bufs.index(0), 1);
            e.queue(h, 20_000, 100, bufs.index(1), 2);
            e.queue(h, 0, 10_000, bufs.index(2), 3);
            e.submit();
            EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
            reapAll(e, rec, 3);
            for (EngineFixtures.Done d : rec.done) {
                if (d.userData() == 3) {
                    assertNull(d.error());
                    if (kind != EngineKind.NULL) {
                        assertArrayEquals(Files.readAllBytes(file), d.data());
                    }
                    continue;
                }
                IoEngineException err = d.error();
                assertNotNull(err, "read past the end of a 10000-byte file succeeded");
                assertEquals(IoEngineException.Kind.UNEXPECTED_EOF, err.kind());
                assertEquals(file, err.file());
                assertEquals(d.userData() == 1 ? 9_000 : 20_000, err.offsetBytes());
                assertTrue(err.getMessage().contains(file.toString()), err.getMessage());
            }
            assertEquals(2, e.stats().readsFailed());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "URING_NOREG", "FILECHANNEL", "MMAP", "SYNC"})
    void aFileDeletedWhileOpenStillReadsAndATruncatedOneGivesEof(EngineKind kind) throws Exception {
        Path gone = randomFile(dir, "gone.bin", 200_000, 4);
        Path cut = randomFile(dir, "cut.bin", 200_000, 5);
        byte[] goneBytes = Files.readAllBytes(gone);
        byte[] cutBytes = Files.readAllBytes(cut);
        try (Arena arena = Arena.ofShared();
                ReadEngine e = engine(kind, EngineFixtures.config(notices).build())) {
            BufferSet bufs = BufferSet.allocate(arena, 3, 65536, 4096);
            e.registerBuffers(bufs);
            FileHandle g = e.open(gone, OpenOptions.BUFFERED);
            FileHandle c = e.open(cut, OpenOptions.BUFFERED);
            Files.delete(gone);
            try (RandomAccessFile raf = new RandomAccessFile(cut.toFile(), "rw")) {
                raf.setLength(50_000);
            }
            e.queue(g, 100_000, 65536, bufs.index(0), 1);
            e.queue(c, 1_000, 40_000, bufs.index(1), 2);
            e.queue(c, 100_000, 65536, bufs.index(2), 3);
            e.submit();
            EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
            reapAll(e, rec, 3);
            for (EngineFixtures.Done d : rec.done) {
                if (d.userData() == 1) {
                    assertNull(d.error());
                    assertArrayEquals(java.util.Arrays.copyOfRange(goneBytes, 100_000, 165_536), d.data());
                } else if (d.userData() == 2) {
                    assertNull(d.error());
                    assertArrayEquals(java.util.Arrays.copyOfRange(cutBytes, 1_000, 41_000), d.data());
                } else {
                    assertNotNull(d.error(), "read beyond the truncated end succeeded");
                    assertEquals(
                            IoEngineException.Kind.UNEXPECTED_EOF, d.error().kind());
                    assertEquals(cut, d.error().file());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "URING_NOREG", "FILECHANNEL", "SYNC"})
    void directReadsReturnTheFrameSliceInsideTheAlignedBuffer(EngineKind kind) throws Exception {
        Path file = randomFile(dir, "d.bin", 2 * MIB + 777, 6);
        Random rnd = new Random(7);
        try (Arena arena = Arena.ofShared();
                ReadEngine e = engine(kind, EngineFixtures.config(notices).build())) {
            int maxLen = 300_000;
            BufferSet bufs = BufferSet.allocate(arena, 8, BufferSet.requiredBytes(maxLen, 4096), 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.DIRECT);
            assumeTrue(h.direct(), () -> "O_DIRECT not granted on " + dir + " " + notices);
            EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
            long[][] asked = new long[9][];
            for (int i = 0; i < 8; i++) {
                int len = 1 + rnd.nextInt(maxLen);
                long off = i == 7 ? h.sizeBytes() - len : rnd.nextLong(h.sizeBytes() - len);
                asked[i] = new long[] {off, len};
                assertEquals(ReadEngine.QUEUED, e.queue(h, off, len, bufs.index(i), i));
            }
            e.submit();
            reapAll(e, rec, 8);
            boolean someSliceOffset = false;
            for (EngineFixtures.Done d : rec.done) {
                assertNull(d.error(), () -> String.valueOf(d.error()));
                long[] a = asked[(int) d.userData()];
                assertArrayEquals(reference(file, a[0], (int) a[1]), d.data());
                long bufStart = bufs.buffer((int) d.userData()).address();
                assertEquals(bufStart + (a[0] % 4096), d.dataAddress(), "slice must start at offset % 4096");
                someSliceOffset |= d.dataAddress() != bufStart;
            }
            assertTrue(someSliceOffset);
            assertTrue(notices.isEmpty(), () -> "unexpected notices " + notices);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "URING_NOREG", "FILECHANNEL", "SYNC", "MMAP"})
    void directOnTmpfsFallsBackToBufferedWithOneNotice(EngineKind kind) throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(
                Files.isDirectory(shm)
                        && Files.isWritable(shm)
                        && "tmpfs".equals(Files.getFileStore(shm).type()),
                "no writable tmpfs at /dev/shm: skipping");
        Path file = randomFile(Files.createTempDirectory(shm, "hapring-io"), "t.bin", 100_000, 8);
        try (Arena arena = Arena.ofShared();
                ReadEngine e = engine(kind, EngineFixtures.config(notices).build())) {
            BufferSet bufs = BufferSet.allocate(arena, 1, BufferSet.requiredBytes(50_000, 4096), 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.DIRECT);
            assumeTrue(
                    !h.direct() || kind == EngineKind.MMAP,
                    "this kernel's tmpfs accepts O_DIRECT (Linux >= 6.6): the refusal path is covered by injection");
            assertFalse(h.direct());
            assertEquals(1, notices.size(), () -> "expected one notice, got " + notices);
            assertTrue(notices.get(0).contains(file.toString()), notices.get(0));
            e.queue(h, 333, 50_000, bufferIndex(bufs, 0, e), 1);
            e.submit();
            EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
            reapAll(e, rec, 1);
            assertArrayEquals(reference(file, 333, 50_000), rec.done.get(0).data());
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "URING_NOREG", "FILECHANNEL", "MMAP", "SYNC", "NULL"})
    void closingWithReadsInFlightIsRefusedAndCloseIsIdempotent(EngineKind kind) throws Exception {
        Path file = randomFile(dir, "c.bin", 100_000, 9);
        Arena arena = Arena.ofShared();
        ReadEngine e = engine(kind, EngineFixtures.config(notices).build());
        BufferSet bufs = BufferSet.allocate(arena, 2, 65536, 4096);
        e.registerBuffers(bufs);
        FileHandle h = e.open(file, OpenOptions.BUFFERED);
        e.queue(h, 0, 65536, bufs.index(0), 1);
        assertThrows(IllegalStateException.class, () -> e.closeFile(h));
        assertThrows(IllegalStateException.class, () -> e.unregisterBuffers(bufs));
        e.submit();
        e.close();
        assertFalse(h.isOpen());
        e.close();
        assertThrows(IllegalStateException.class, () -> e.submit());
        assertThrows(IllegalStateException.class, () -> e.queue(h, 0, 1, 0, 0));
        arena.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = EngineKind.class,
            names = {"URING", "FILECHANNEL", "MMAP", "SYNC", "NULL"})
    void argumentsThatCanNeverWorkAreRejected(EngineKind kind) throws Exception {
        Path file = randomFile(dir, "a.bin", 10_000, 10);
        try (Arena arena = Arena.ofShared();
                ReadEngine e = engine(kind, EngineFixtures.config(notices).build())) {
            BufferSet bufs = BufferSet.allocate(arena, 1, 4096, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            assertThrows(IllegalArgumentException.class, () -> e.queue(h, -1, 10, bufs.index(0), 0));
            assertThrows(IllegalArgumentException.class, () -> e.queue(h, 0, 0, bufs.index(0), 0));
            assertThrows(IllegalArgumentException.class, () -> e.queue(h, 0, 4097, bufs.index(0), 0));
            assertThrows(IllegalArgumentException.class, () -> e.queue(h, 0, 10, 999, 0));
            assertThrows(IllegalArgumentException.class, () -> e.registerBuffers(bufs));
            IoEngineException missing = assertThrows(
                    IoEngineException.class, () -> e.open(dir.resolve("missing.bin"), OpenOptions.BUFFERED));
            assertEquals(IoEngineException.Kind.NOT_FOUND, missing.kind());
            assertEquals(0, e.inFlight());
        }
    }
}
