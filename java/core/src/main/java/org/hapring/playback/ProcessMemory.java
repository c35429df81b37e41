package org.hapring.playback;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's memory as the kernel and the JVM see it: resident set size from {@code /proc/self/status}
 * (VmRSS) and the JVM's direct and mapped buffer pools (FFM arenas are not in them: the rings count their
 * own).
 *
 * <p>Stateless; any thread (allocates: not for the tick thread).
 */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** VmRSS in bytes, or -1 where /proc is not there. */
    public static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] p = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(p[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Bytes in the JVM's direct buffer pool (snappy-java and NIO buffers). */
    public static long directBufferBytes() {
        long total = 0;
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (b.getName().equals("direct")) {
                total += Math.max(0, b.getMemoryUsed());
            }
        }
        return total;
    }

    /** Live threads of the JVM. */
    public static int threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
