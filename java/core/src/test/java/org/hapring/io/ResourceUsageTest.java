package org.hapring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * The process's CPU time counts work done on other threads, including threads that ended before the reading.
 *
 * <p>JUnit test thread.
 */
class ResourceUsageTest {
    static long spin(long cpuNanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - start < cpuNanos) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        return sink;
    }

    @Test
    void anEndedThreadsCpuTimeIsStillCounted() throws Exception {
        ResourceUsage before = ResourceUsage.self();
        Thread t = new Thread(() -> spin(60_000_000L), "spinner");
        t.start();
        t.join();
        ResourceUsage d = ResourceUsage.self().minus(before);
        assertTrue(d.cpuNanos() >= 55_000_000L, "60 ms on a thread that has ended, counted as " + d.cpuNanos() + " ns");
        assertTrue(d.minorFaults() >= 0 && d.majorFaults() >= 0);
        assertTrue(d.voluntarySwitches() >= 1, "joining waited at least once: " + d.voluntarySwitches());
    }

    @Test
    void differencesSubtractEveryField() {
        ResourceUsage a = new ResourceUsage(1, 2, 3, 4, 5, 6);
        assertEquals(new ResourceUsage(10, 20, 30, 40, 50, 60), new ResourceUsage(11, 22, 33, 44, 55, 66).minus(a));
        assertEquals(30, new ResourceUsage(10, 20, 0, 0, 0, 0).cpuNanos());
    }
}
