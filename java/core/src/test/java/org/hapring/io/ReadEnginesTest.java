package org.hapring.io;

import static org.hapring.io.EngineFixtures.randomFile;
import static org.hapring.io.EngineFixtures.reapAll;
import static org.hapring.io.EngineFixtures.reference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapring.io.channel.FileChannelEngine;
import org.hapring.io.uring.FaultInjectingUringCalls;
import org.hapring.io.uring.NativeUringCalls;
import org.hapring.io.uring.UringCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Engine selection: {@code auto}'s fallbacks forced at the binding seam (these run everywhere, io_uring or
 * not), explicit engines that cannot start, names and configuration checks.
 */
class ReadEnginesTest {
    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    private static UringCalls faulty(String spec) {
        return new FaultInjectingUringCalls(new NativeUringCalls(), spec);
    }

    private void assertReadsRight(ReadEngine e) throws Exception {
        Path file = randomFile(dir, "f.bin", 300_000, 21);
        try (Arena arena = Arena.ofShared()) {
            BufferSet bufs = BufferSet.allocate(arena, 5, 50_000, 4096);
            e.registerBuffers(bufs);
            FileHandle h = e.open(file, OpenOptions.BUFFERED);
            for (int i = 0; i < 5; i++) {
                assertEquals(ReadEngine.QUEUED, e.queue(h, i * 51_111L, 50_000, bufs.index(i), i));
            }
            e.submit();
            EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
            reapAll(e, rec, 5);
            for (EngineFixtures.Done d : rec.done) {
                assertNull(d.error());
                assertArrayEquals(reference(file, d.userData() * 51_111L, 50_000), d.data());
            }
            e.closeFile(h);
            e.unregisterBuffers(bufs);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "library=missing, liburing.so.2, apt-get install liburing2",
        "setup=EPERM, seccomp, seccomp=unconfined",
        "setup=ENOSYS, ENOSYS, Linux >= 5.6",
        "probe=unsupported, IORING_OP_READ, Linux >= 5.6",
    })
    void autoFallsBackToFileChannelWithExactlyOneNoticeNamingCauseAndFix(String fault, String cause, String fix)
            throws Exception {
        try (ReadEngine e = ReadEngines.create(
                EngineKind.AUTO, EngineFixtures.config(notices).build(), faulty(fault))) {
            assertTrue(e instanceof FileChannelEngine, "auto chose " + e.name());
            assertEquals("filechannel", e.name());
            assertEquals(1, notices.size(), () -> "notices: " + notices);
            assertTrue(notices.get(0).contains(cause), notices.get(0));
            assertTrue(notices.get(0).contains(fix), notices.get(0));
            assertEquals(notices.get(0), e.fallbackReason());
            assertReadsRight(e);
            assertEquals(1, notices.size());
        }
    }

    @Test
    void autoWithEnomemOnRegistrationKeepsIoUringWithoutRegisteredBuffers() throws Exception {
        EngineFixtures.assumeUring();
        try (ReadEngine e = ReadEngines.create(
                EngineKind.AUTO, EngineFixtures.config(notices).build(), faulty("register_buffers=ENOMEM"))) {
            assertEquals("uring", e.name());
            assertTrue(notices.isEmpty());
            assertReadsRight(e);
            assertEquals("uring-noreg", e.name());
            assertEquals(1, notices.size(), () -> "notices: " + notices);
            assertTrue(e.fallbackReason().contains("RLIMIT_MEMLOCK"), e.fallbackReason());
        }
    }

    @Test
    void autoPicksRegisteredIoUringWhereItWorks() throws Exception {
        EngineFixtures.assumeUring();
        try (ReadEngine e = ReadEngines.create(
                EngineKind.AUTO, EngineFixtures.config(notices).build())) {
            assertEquals("uring", e.name());
            assertNull(e.fallbackReason());
            assertReadsRight(e);
            assertTrue(notices.isEmpty(), () -> "notices: " + notices);
        }
    }

    @Test
    void anExplicitUringThatCannotStartThrowsTheTypedCause() {
        IoEngineException eperm = assertThrows(
                IoEngineException.class,
                () -> ReadEngines.create(
                        EngineKind.URING, EngineFixtures.config(notices).build(), faulty("setup=EPERM")));
        assertEquals(IoEngineException.Kind.PERMISSION, eperm.kind());
        assertEquals(1, eperm.errno());
        assertEquals("io_uring_setup", eperm.op());
        IoEngineException missing = assertThrows(
                IoEngineException.class,
                () -> ReadEngines.create(
                        EngineKind.URING_NOREG, EngineFixtures.config(notices).build(), faulty("library=missing")));
        assertEquals(IoEngineException.Kind.LIBRARY_MISSING, missing.kind());
        assertTrue(notices.isEmpty(), "explicit engines do not fall back");
    }

    @Test
    void theNullEngineCompletesWithoutIo() throws Exception {
        try (ReadEngine e = ReadEngines.create(
                EngineKind.NULL, EngineFixtures.config(notices).build())) {
            Path file = randomFile(dir, "n.bin", 1000, 22);
            try (Arena arena = Arena.ofShared()) {
                BufferSet bufs = BufferSet.allocate(arena, 1, 1000, 64);
                e.registerBuffers(bufs);
                FileHandle h = e.open(file, OpenOptions.BUFFERED);
                e.queue(h, 0, 1000, bufs.index(0), 9);
                e.submit();
                EngineFixtures.Recorder rec = new EngineFixtures.Recorder();
                assertEquals(1, e.reap(0, 8, 0, rec));
                assertEquals(9, rec.done.get(0).userData());
                assertEquals(1000, rec.done.get(0).data().length);
                assertEquals(bufs.buffer(0).address(), rec.done.get(0).dataAddress());
            }
        }
    }

    @Test
    void namesParseAndBadConfigurationNamesTheKey() {
        for (EngineKind k : EngineKind.values()) {
            assertEquals(k, EngineKind.parse(k.cliName()));
        }
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> EngineKind.parse("io-uring"));
        assertTrue(bad.getMessage().contains("auto|uring|uring-noreg|filechannel|mmap|sync|null"), bad.getMessage());
        IllegalArgumentException depth = assertThrows(
                IllegalArgumentException.class,
                () -> EngineConfig.builder().queueDepth(0).build());
        assertTrue(depth.getMessage().startsWith("io.queueDepth=0"), depth.getMessage());
        IllegalArgumentException align = assertThrows(
                IllegalArgumentException.class,
                () -> EngineConfig.builder().alignmentBytes(3000).build());
        assertTrue(align.getMessage().startsWith("io.alignmentBytes=3000"), align.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> new FaultInjectingUringCalls(new NativeUringCalls(), "setup"));
    }

    @Test
    void theFileChannelPoolThreadsEndAtClose() throws Exception {
        FileChannelEngine e = (FileChannelEngine) ReadEngines.create(
                EngineKind.FILECHANNEL,
                EngineFixtures.config(notices).poolThreads(3).build());
        assertReadsRight(e);
        assertTrue(poolThreads() > 0, "no pool thread ran");
        e.close();
        assertTrue(e.isTerminated());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("hapring-io-pool-")) {
                t.join(10_000);
            }
        }
        assertEquals(0, poolThreads(), "pool threads alive after close");
    }

    private static long poolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("hapring-io-pool-") && t.isAlive())
                .count();
    }
}
