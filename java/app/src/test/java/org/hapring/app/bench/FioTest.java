package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hapring.decode.HapVariant;
import org.hapring.io.EngineKind;
import org.hapring.mov.SampleTable;
import org.hapring.write.FrameRate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fio's JSON against recorded samples, the job files for every engine's counterpart, and (where fio is
 * installed) fio reading exactly the frames the engine reads from generated movies.
 *
 * <p>JUnit test thread.
 */
class FioTest {
    @TempDir
    Path dir;

    static String sample(String name) throws Exception {
        return Files.readString(ProcCountersTest.fixture(name));
    }

    @Test
    void parsesARecordedIoUringRun() throws Exception {
        FioResult r = FioResult.parse(sample("fio-io_uring-direct.json"));
        assertEquals("fio-3.33", r.fioVersion());
        assertEquals(249200640L, r.readBytes());
        assertEquals(199, r.runtimeMillis());
        assertEquals(120, r.ios());
        assertEquals(4.522613, r.systemCpuPercent(), 1e-9);
        assertEquals(3129.344, r.clatP50Micros(), 1e-9);
        assertEquals(4751.360, r.clatP99Micros(), 1e-9);
        assertEquals(249200640 / 0.199 / 1e9, r.gigabytesPerSecond(), 1e-9);
        assertEquals(0.04522613 * 0.199 / 0.24920064, r.cpuSecondsPerGigabyte(), 1e-9);
    }

    @Test
    void parsesARecordedGroupReportedRunWithNotesBeforeTheJson() throws Exception {
        FioResult r =
                FioResult.parse("fio: note: a warning fio printed first\n" + sample("fio-psync-2jobs-group.json"));
        assertEquals(2117149684L, r.readBytes());
        assertEquals(718, r.runtimeMillis());
        assertEquals(1021, r.ios());
    }

    @Test
    void refusesOutputWithoutJobsOrWithAFailedJob() {
        assertThrows(IOException.class, () -> FioResult.parse("fio: no such file"));
        assertThrows(IOException.class, () -> FioResult.parse("{\"fio version\":\"fio-3.33\",\"jobs\":[]}"));
        IOException e = assertThrows(
                IOException.class,
                () -> FioResult.parse(
                        "{\"jobs\":[{\"jobname\":\"x\",\"error\":5,\"read\":{\"io_bytes\":0,\"runtime\":0}}]}"));
        assertTrue(e.getMessage().contains("error 5"), e.getMessage());
    }

    static List<SampleTable> media(Path dir, int layers, int frames) throws IOException {
        return BenchMedia.generated(
                        dir, new MediaFormat(HapVariant.HAP_Q, 64, 48), FrameRate.parse("60"), frames, layers, null)
                .files();
    }

    @Test
    void jobFilesMatchEachEnginesPattern() throws Exception {
        List<SampleTable> files = media(dir, 3, 20);
        int frameBytes = files.get(0).size(0);
        long first = files.get(0).offset(0);

        FioJob uring = FioJob.of(EngineKind.URING, CacheState.COLD, files, 10, 0, 2);
        assertTrue(uring.exact());
        assertEquals("io_uring+fixedbufs+registerfiles", uring.counterpart());
        String t = uring.text();
        for (String line : List.of(
                "rw=read",
                "bs=" + frameBytes,
                "offset=" + first,
                "invalidate=0",
                "iodepth=3",
                "iodepth_batch_submit=3",
                "iodepth_batch_complete_min=3",
                "fixedbufs=1",
                "registerfiles=1",
                "file_service_type=roundrobin",
                "size=" + 3L * 10 * frameBytes)) {
            assertTrue(t.lines().anyMatch(line::equals), "missing " + line + " in\n" + t);
        }
        assertFalse(t.contains("time_based"), t);
        assertFalse(FioJob.of(EngineKind.URING_NOREG, CacheState.COLD, files, 10, 0, 2)
                .text()
                .contains("fixedbufs"));

        FioJob warm = FioJob.of(EngineKind.SYNC, CacheState.WARM, files, 10, 250_000_000L, 2);
        assertTrue(warm.text().contains("time_based=1\nruntime=250ms"), warm.text());
        assertTrue(
                warm.text().contains("size=" + 3L * 20 * frameBytes),
                "a warm run wraps over every frame: " + warm.text());

        FioJob direct = FioJob.of(EngineKind.URING, CacheState.DIRECT, files, 10, 0, 2);
        assertTrue(direct.text().contains("direct=1"));
        assertTrue(direct.text().contains("bs=4096\n"), "frames of " + frameBytes + " bytes round up to 4 KiB blocks");
        assertTrue(direct.text().contains("offset=" + first / 4096 * 4096 + "\n"));

        FioJob pool = FioJob.of(EngineKind.FILECHANNEL, CacheState.COLD, files, 10, 0, 2);
        assertEquals(2, pool.jobs());
        assertEquals("psync x2", pool.counterpart());
        assertTrue(pool.text().contains("size=" + 2L * 10 * frameBytes), "job 0 reads files 0 and 2: " + pool.text());
        assertTrue(pool.text().contains("size=" + 10L * frameBytes + "\n"), "job 1 reads file 1: " + pool.text());

        assertEquals(
                "mmap",
                FioJob.of(EngineKind.MMAP, CacheState.COLD, files, 10, 0, 2).counterpart());
        assertThrows(
                IllegalArgumentException.class, () -> FioJob.of(EngineKind.NULL, CacheState.COLD, files, 10, 0, 2));
    }

    @Test
    void filenamesEscapeColons() {
        assertEquals("/a/x\\:y.mov:/b/z.mov", FioJob.filenames(List.of(Path.of("/a/x:y.mov"), Path.of("/b/z.mov"))));
    }

    @Test
    void fioReadsExactlyTheEnginesFrames() throws Exception {
        Fio fio = Fio.find("fio");
        assumeTrue(fio != null, Fio.INSTALL_HINT + " (skipping the live fio check)");
        List<SampleTable> files = media(dir, 3, 20);
        int frameBytes = files.get(0).size(0);
        long[] sizesBefore =
                files.stream().mapToLong(t -> t.file().toFile().length()).toArray();
        for (EngineKind k : List.of(
                EngineKind.URING, EngineKind.URING_NOREG, EngineKind.SYNC, EngineKind.FILECHANNEL, EngineKind.MMAP)) {
            FioResult cold =
                    fio.run(FioJob.of(k, CacheState.COLD, files, 12, 0, 2), dir.resolve("fio"), 60_000_000_000L);
            assertEquals(3L * 12 * frameBytes, cold.readBytes(), k + ": 12 frames of each of 3 files");
            assertEquals(36, cold.ios(), k.cliName());
        }
        FioResult direct = fio.run(
                FioJob.of(EngineKind.URING, CacheState.DIRECT, files, 12, 0, 2), dir.resolve("fio"), 60_000_000_000L);
        assertEquals(3L * 12 * 4096, direct.readBytes());
        FioResult warm = fio.run(
                FioJob.of(EngineKind.URING, CacheState.WARM, files, 12, 100_000_000L, 2),
                dir.resolve("fio"),
                60_000_000_000L);
        assertTrue(warm.readBytes() > 3L * 20 * frameBytes, "a 100 ms warm run wraps: " + warm.readBytes());
        assertTrue(warm.runtimeMillis() >= 90 && warm.runtimeMillis() < 2000, "runtime " + warm.runtimeMillis());
        assertEquals(0, warm.readBytes() % frameBytes, "whole frames only");
        for (int i = 0; i < files.size(); i++) {
            assertEquals(
                    sizesBefore[i], files.get(i).file().toFile().length(), "fio must never extend or write a file");
        }
        assertTrue(Files.list(dir.resolve("fio")).findAny().isEmpty(), "job files removed");
    }

    @Test
    void hugetlbBuffersAddShmhugeAndItsNeedAndFreeMemoryAreComputed() throws Exception {
        List<SampleTable> files = media(dir, 3, 20);
        FioJob plain = FioJob.of(EngineKind.URING, CacheState.DIRECT, files, 10, 0, 2);
        FioJob huge = FioJob.of(EngineKind.URING, CacheState.DIRECT, files, 10, 0, 2, true);
        assertFalse(plain.text().contains("mem="), plain.text());
        assertTrue(huge.text().lines().anyMatch("mem=shmhuge"::equals), huge.text());
        assertEquals("io_uring+fixedbufs+registerfiles+shmhuge", huge.counterpart());

        long page = 2L << 20;
        assertEquals(8 * (page + page), FioJob.hugetlbBytesNeeded(8, 2_073_608), "8 x (a 2 MB frame in 1 page + 1)");
        assertEquals(8 * (2 * page + page), FioJob.hugetlbBytesNeeded(8, 2_100_000), "8 x (2 pages + 1)");
        assertEquals(2 * page, FioJob.hugetlbBytesNeeded(1, 4096));

        Path meminfo = dir.resolve("meminfo");
        Files.writeString(
                meminfo,
                "MemTotal: 24000000 kB\nHugePages_Total:      64\nHugePages_Free:       40\n"
                        + "HugePages_Rsvd:        0\nHugepagesize:       2048 kB\n");
        assertEquals(40 * page, Fio.hugetlbFreeBytes(meminfo));
        Files.writeString(meminfo, "MemTotal: 24000000 kB\n");
        assertEquals(0, Fio.hugetlbFreeBytes(meminfo));
        assertEquals(0, Fio.hugetlbFreeBytes(dir.resolve("missing")));
    }

    @Test
    void fioRunsWithHugetlbBuffersWhenPagesAreReserved() throws Exception {
        Fio fio = Fio.find("fio");
        assumeTrue(fio != null, Fio.INSTALL_HINT + " (skipping the live fio check)");
        List<SampleTable> files = media(dir, 3, 20);
        long needed = FioJob.hugetlbBytesNeeded(3, files.get(0).maxSampleBytes());
        long free = Fio.hugetlbFreeBytes(Path.of("/proc/meminfo"));
        assumeTrue(
                free >= needed,
                "no hugetlb pages reserved (" + free + " bytes free, " + needed + " needed; sysctl vm.nr_hugepages)");
        FioResult r = fio.run(
                FioJob.of(EngineKind.URING, CacheState.DIRECT, files, 12, 0, 2, true),
                dir.resolve("fio"),
                60_000_000_000L);
        assertEquals(3L * 12 * 4096, r.readBytes());
    }
}
