package org.hapring.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class IoMemoryTest {
    private static final Path SMAPS = Path.of("/proc/self/smaps");
    private static final Path THP = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    @Test
    void givesZeroedWritableMemoryOnAHugePageBoundaryAndUnmapsItWithTheArena() throws IOException {
        long bytes = 5L * 1024 * 1024 + 123;
        long address;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment m = IoMemory.allocate(arena, bytes, 4096);
            address = m.address();
            assertEquals(bytes, m.byteSize());
            assertEquals(0, address % IoMemory.HUGE_PAGE_BYTES, "starts on a 2 MiB boundary");
            for (long at = 0; at < bytes; at += 4096) {
                assertEquals(0, m.get(ValueLayout.JAVA_BYTE, at));
            }
            m.set(ValueLayout.JAVA_LONG, bytes - 8 - 3, -1L);
            assertEquals(-1L, m.get(ValueLayout.JAVA_LONG, bytes - 8 - 3));
            assertTrue(mappingStartsAt(address), "the region is its own mapping");
        }
        assertFalse(mappingStartsAt(address), "closing the arena unmaps the region");
    }

    @Test
    void isBackedByHugePagesWhereTransparentHugePagesAreOn() throws IOException {
        String thp = Files.isReadable(THP) ? Files.readString(THP) : "";
        Assumptions.assumeTrue(
                thp.contains("[always]") || thp.contains("[madvise]"),
                "transparent huge pages are off here (" + THP + ": " + thp.strip() + ")");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment m = IoMemory.allocate(arena, 4 * IoMemory.HUGE_PAGE_BYTES, 4096);
            long hugeKb = anonHugeKilobytesAt(m.address());
            Assumptions.assumeTrue(
                    hugeKb >= 0, "no smaps entry for the region (a kernel without /proc/self/smaps details)");
            assertTrue(
                    hugeKb >= 2048,
                    "an 8 MiB region advised MADV_HUGEPAGE holds no huge page (AnonHugePages " + hugeKb + " kB)");
        }
    }

    @Test
    void bufferSetsAreSlicesOfOneRegionAlignedForODirect() {
        try (Arena arena = Arena.ofShared()) {
            BufferSet set = BufferSet.allocate(arena, 3, 2_076_680, 4096);
            assertEquals(3, set.count());
            for (int i = 0; i < 3; i++) {
                assertEquals(2_076_680, set.buffer(i).byteSize());
                assertEquals(0, set.buffer(i).address() % 4096);
            }
            long stride = set.buffer(1).address() - set.buffer(0).address();
            assertEquals(2_076_680 + (4096 - 2_076_680 % 4096), stride, "buffers side by side, aligned");
            assertEquals(2 * stride, set.buffer(2).address() - set.buffer(0).address());
        }
    }

    @Test
    void refusesBadSizesBeforeAllocating() {
        try (Arena arena = Arena.ofConfined()) {
            assertThrows(IllegalArgumentException.class, () -> IoMemory.allocate(arena, 0, 4096));
            assertThrows(IllegalArgumentException.class, () -> IoMemory.allocate(arena, 4096, 3000));
            assertThrows(IllegalArgumentException.class, () -> IoMemory.allocate(arena, 4096, 4L << 20));
            assertThrows(IllegalArgumentException.class, () -> BufferSet.allocate(arena, 2, 0, 4096));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> BufferSet.allocate(arena, 2, BufferSet.MAX_BUFFER_BYTES + 1, 4096));
        }
    }

    private static boolean mappingStartsAt(long address) throws IOException {
        String start = Long.toHexString(address);
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            if (line.startsWith(start + "-")) {
                return true;
            }
        }
        return false;
    }

    /** AnonHugePages of the smaps entry starting at {@code address}, -1 when there is none. */
    private static long anonHugeKilobytesAt(long address) throws IOException {
        List<String> lines = Files.readAllLines(SMAPS);
        String start = Long.toHexString(address) + "-";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                for (int j = i + 1; j < lines.size() && !lines.get(j).matches("^[0-9a-f]+-[0-9a-f]+ .*"); j++) {
                    if (lines.get(j).startsWith("AnonHugePages:")) {
                        return Long.parseLong(lines.get(j).replaceAll("[^0-9]", ""));
                    }
                }
            }
        }
        return -1;
    }
}
