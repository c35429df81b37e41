package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The machine description from fixture {@code /proc} and {@code /sys} trees (an NVMe partition with an escaped
 * mount point, a virtio disk, a tmpfs), and from this machine's own.
 *
 * <p>JUnit test thread.
 */
class MachineProbeTest {
    @Test
    void describesCpuMemoryKernelAndLoad() throws Exception {
        Path root = ProcCountersTest.fixture("machine");
        MachineInfo m = new MachineProbe(root.resolve("proc"), root.resolve("sys")).describe(List.of());
        assertEquals("AMD Ryzen 9 7950X 16-Core Processor", m.cpuModel());
        assertEquals(4, m.cpus());
        assertEquals(65536000L * 1024, m.memTotalBytes());
        assertEquals("6.8.0-show", m.kernel());
        assertEquals("0.52 0.75 1.10", m.loadAverage());
        assertTrue(m.storage().isEmpty());
        assertTrue(m.oneLine().contains("4 CPUs"), m.oneLine());
    }

    @Test
    void findsTheMountAndDiskUnderEachFile() throws Exception {
        Path root = ProcCountersTest.fixture("machine");
        MachineProbe probe = new MachineProbe(root.resolve("proc"), root.resolve("sys"));
        List<Path> files = List.of(
                Path.of("/media/show files/a.mov"),
                Path.of("/media/show files/b.mov"),
                Path.of("/nonexistent-home/x/c.mov"),
                Path.of("/tmp/hapring-fixture-none/d.mov"));
        List<MachineInfo.Storage> s = probe.describe(files).storage();
        assertEquals(3, s.size(), "one entry per distinct mount: " + s);

        MachineInfo.Storage nvme = s.get(0);
        assertEquals("/media/show files", nvme.mountPoint(), "\\040 is a space");
        assertEquals("xfs", nvme.fsType());
        assertEquals("/dev/nvme0n1p2", nvme.source());
        assertEquals("nvme0n1p2", nvme.device());
        assertEquals(Boolean.FALSE, nvme.rotational(), "the partition's disk queue");
        assertEquals("Samsung SSD 990 PRO 2TB", nvme.model());
        assertEquals(512, nvme.logicalBlockBytes());
        assertEquals(3900000000L * 512, nvme.sizeBytes(), "the partition's own size");
        assertEquals("none", nvme.scheduler());

        MachineInfo.Storage vda = s.get(1);
        assertEquals("/", vda.mountPoint());
        assertEquals("vda", vda.device());
        assertEquals(Boolean.TRUE, vda.rotational());
        assertEquals(4096, vda.logicalBlockBytes());
        assertEquals("mq-deadline", vda.scheduler());
        assertNull(vda.model(), "no model file and no driver link in the fixture");

        MachineInfo.Storage tmp = s.get(2);
        assertEquals("tmpfs", tmp.fsType());
        assertNull(tmp.device(), "0:30 is no block device");
        assertTrue(MachineInfo.describe(tmp).contains("no block device"), MachineInfo.describe(tmp));
        assertTrue(MachineInfo.describe(nvme).contains("Samsung SSD 990 PRO 2TB"), MachineInfo.describe(nvme));
    }

    @Test
    void unescapesOctalSequencesOnly() {
        assertEquals("/a b\tc\\d", MachineProbe.unescape("/a\\040b\\011c\\134d"));
        assertEquals("/plain\\x", MachineProbe.unescape("/plain\\x"));
    }

    @Test
    void emptyRootsGiveUnknownsNotErrors() {
        MachineInfo m = new MachineProbe(Path.of("/nonexistent-proc"), Path.of("/nonexistent-sys"))
                .describe(List.of(Path.of("/x")));
        assertEquals("unknown", m.cpuModel());
        assertEquals(0, m.cpus());
        assertEquals("unknown", m.loadAverage());
        assertTrue(m.storage().isEmpty());
    }

    @Test
    void thisMachineHasAMountUnderTheTemporaryDirectory() throws Exception {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(proc.resolve("self/mountinfo")), "no /proc here");
        Path f = Files.createTempFile("hapring-probe", ".bin");
        try {
            MachineInfo m = MachineProbe.system().describe(List.of(f));
            assertTrue(m.cpus() >= 1);
            assertTrue(m.memTotalBytes() > 0);
            assertFalse(m.kernel().isEmpty());
            assertEquals(1, m.storage().size(), m.storage().toString());
            assertEquals(Files.getFileStore(f).type(), m.storage().get(0).fsType());
        } finally {
            Files.delete(f);
        }
    }
}
