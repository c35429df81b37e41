package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Parsing {@code /proc/PID/stat}, {@code io} and {@code auxv} fixtures (values per proc(5)), and the live
 * counters of this test's own process.
 *
 * <p>JUnit test thread.
 */
class ProcCountersTest {
    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ProcCountersTest.class.getResource(name).toURI());
    }

    @Test
    void readsTimesFaultsAndReadCallsFromTheFixture() throws Exception {
        Path proc = fixture("proc");
        long hz = ProcCounters.clockTicksPerSecond(proc);
        assertEquals(250, hz, "AT_CLKTCK from auxv");
        ProcCounters c = ProcCounters.read(proc, hz);
        // stat: utime (field 14) 2500 ticks, stime (15) 730 ticks at 250 Hz; minflt (10) 123456, majflt (12) 789;
        // the command name "(java (tick) x)" holds spaces and parentheses
        assertEquals(10_000_000_000L, c.userNanos());
        assertEquals(2_920_000_000L, c.systemNanos());
        assertEquals(12_920_000_000L, c.cpuNanos());
        assertEquals(123456, c.minorFaults());
        assertEquals(789, c.majorFaults());
        assertEquals(4711, c.readSyscalls());
        assertEquals(1073741824L, c.storageReadBytes());
    }

    @Test
    void missingIoCountersAreMinusOneAndStayUnknownInDifferences() {
        String stat = "1 (x) S 0 0 0 0 0 0 5 0 6 0 7 8 0 0";
        ProcCounters a = ProcCounters.parse(stat, "", 100);
        assertEquals(-1, a.readSyscalls());
        ProcCounters d = ProcCounters.parse(stat, "syscr: 10\nread_bytes: 5\n", 100).minus(a);
        assertEquals(-1, d.readSyscalls());
        assertEquals(0, d.cpuNanos());
    }

    @Test
    void differencesSubtractEveryCounter() {
        ProcCounters a = new ProcCounters(10, 20, 30, 40, 50, 60);
        ProcCounters b = new ProcCounters(11, 22, 33, 44, 55, 66);
        assertEquals(new ProcCounters(1, 2, 3, 4, 5, 6), b.minus(a));
        assertEquals(7, b.minus(a).pageFaults());
    }

    @Test
    void auxvWithoutClockTicksFallsBackTo100() {
        assertEquals(100, ProcCounters.clockTicksFromAuxv(new byte[0]));
        assertEquals(100, ProcCounters.clockTicksPerSecond(Path.of("/nonexistent")));
    }

    @Test
    void garbageIsRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcCounters.parse("garbage", "", 100));
        assertTrue(e.getMessage().contains("/proc/PID/stat"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcCounters.parse("1 (x) S 0", "", 100));
    }

    @Test
    void thisProcessUsesCpuWhileItWorks() throws IOException {
        Path self = Path.of("/proc/self");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(self.resolve("stat")), "no /proc here");
        long hz = ProcCounters.clockTicksPerSecond(self);
        ProcCounters before = ProcCounters.read(self, hz);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long threadStart = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - threadStart < 100_000_000L) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        ProcCounters d = ProcCounters.read(self, hz).minus(before);
        // 100 ms of this thread's CPU, counted by the process in whole clock ticks (10 ms at 100 Hz)
        assertTrue(d.cpuNanos() >= 100_000_000L - 2 * 1_000_000_000L / hz,
                "100 ms of spinning counted as " + d.cpuNanos() + " ns (" + sink + ")");
        assertTrue(d.readSyscalls() >= 1, "reading /proc/self/stat is a read call: " + d.readSyscalls());
    }
}
