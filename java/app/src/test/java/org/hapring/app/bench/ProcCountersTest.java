package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hapring.io.ResourceUsage;
import org.junit.jupiter.api.Test;

/**
 * {@code /proc/PID/io} from a fixture, differences, and the live counters of this test's process.
 *
 * <p>JUnit test thread.
 */
class ProcCountersTest {
    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ProcCountersTest.class.getResource(name).toURI());
    }

    @Test
    void readsReadCallsAndStorageBytesFromTheFixture() throws Exception {
        ProcCounters c = ProcCounters.read(fixture("proc"));
        assertEquals(4711, c.readSyscalls());
        assertEquals(1073741824L, c.storageReadBytes());
        assertTrue(c.cpuNanos() > 0, "CPU comes from getrusage, not the fixture");
    }

    @Test
    void missingIoCountersAreMinusOneAndStayUnknownInDifferences() {
        assertEquals(-1, ProcCounters.ioField("", "syscr"));
        assertEquals(-1, ProcCounters.ioField("rchar: 5\n", "syscr"));
        ResourceUsage u = new ResourceUsage(0, 0, 0, 0, 0, 0);
        ProcCounters known = new ProcCounters(u, 10, 5);
        ProcCounters unknown = new ProcCounters(u, -1, -1);
        assertEquals(-1, known.minus(unknown).readSyscalls());
        assertEquals(-1, unknown.minus(known).storageReadBytes());
    }

    @Test
    void differencesSubtractEveryCounter() {
        ProcCounters a = new ProcCounters(new ResourceUsage(10, 20, 30, 40, 1, 2), 50, 60);
        ProcCounters b = new ProcCounters(new ResourceUsage(11, 22, 33, 44, 1, 2), 55, 66);
        ProcCounters d = b.minus(a);
        assertEquals(3, d.cpuNanos());
        assertEquals(7, d.pageFaults());
        assertEquals(5, d.readSyscalls());
        assertEquals(6, d.storageReadBytes());
    }

    @Test
    void thisProcessCountsItsOwnReads() throws Exception {
        Path self = Path.of("/proc/self");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(self.resolve("io")), "no /proc/self/io here");
        ProcCounters before = ProcCounters.read(self);
        Path f = Files.createTempFile("hapring-proc", ".bin");
        try {
            Files.write(f, new byte[4096]);
            for (int i = 0; i < 5; i++) {
                Files.readAllBytes(f);
            }
        } finally {
            Files.delete(f);
        }
        ProcCounters d = ProcCounters.read(self).minus(before);
        assertTrue(d.readSyscalls() >= 5, "five whole-file reads, syscr grew by " + d.readSyscalls());
    }
}
