package org.hapring.app.bench;

import java.util.List;
import java.util.Locale;

/**
 * The machine a report was measured on: CPU, memory, kernel, JVM, the load when the run started and ended, and
 * the filesystem and block device under the media.
 *
 * @param cpuModel {@code model name} of {@code /proc/cpuinfo}
 * @param cpus logical processors in {@code /proc/cpuinfo}
 * @param jvmProcessors processors the JVM may use (a cgroup or affinity may give fewer)
 * @param memTotalBytes {@code MemTotal} of {@code /proc/meminfo}
 * @param kernel {@code /proc/sys/kernel/osrelease}
 * @param java the JVM's vendor and version
 * @param loadAverage {@code /proc/loadavg}'s 1, 5 and 15 minute averages when the probe ran
 * @param storage the filesystem and device under each distinct mount holding media
 *
 * <p>Immutable; any thread.
 */
public record MachineInfo(
        String cpuModel,
        int cpus,
        int jvmProcessors,
        long memTotalBytes,
        String kernel,
        String java,
        String loadAverage,
        List<Storage> storage) {

    public MachineInfo {
        storage = List.copyOf(storage);
    }

    /**
     * One mount under the media.
     *
     * @param path a media path on this mount (the first one seen)
     * @param mountPoint where the filesystem is mounted
     * @param fsType ext4, xfs, tmpfs, overlay, ...
     * @param source the mount's source ({@code /dev/vda}, {@code overlay}, ...)
     * @param device the block device's kernel name ({@code vda}, {@code nvme0n1}), or null without one
     * @param rotational the queue's rotational flag (a virtual disk may claim 1), null when unknown
     * @param model the device's model string, or its driver, or null
     * @param logicalBlockBytes the queue's logical block size (O_DIRECT alignment), 0 when unknown
     * @param sizeBytes the device's size, 0 when unknown
     * @param scheduler the active I/O scheduler, or null
     */
    public record Storage(
            String path,
            String mountPoint,
            String fsType,
            String source,
            String device,
            Boolean rotational,
            String model,
            int logicalBlockBytes,
            long sizeBytes,
            String scheduler) {}

    /** One line for console reports. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(cpuModel)
                .append(", ")
                .append(cpus)
                .append(" CPUs (JVM sees ")
                .append(jvmProcessors)
                .append("), ")
                .append(String.format(Locale.ROOT, "%.1f GiB", memTotalBytes / (double) (1L << 30)))
                .append(" RAM, Linux ")
                .append(kernel)
                .append(", ")
                .append(java)
                .append(", load ")
                .append(loadAverage);
        return sb.toString();
    }

    /** One line per mount for console reports. */
    public static String describe(Storage s) {
        StringBuilder sb = new StringBuilder(s.fsType())
                .append(" on ")
                .append(s.source())
                .append(" at ")
                .append(s.mountPoint());
        if (s.device() != null) {
            sb.append(": ").append(s.device());
            if (s.model() != null) {
                sb.append(" (").append(s.model()).append(')');
            }
            if (s.sizeBytes() > 0) {
                sb.append(String.format(Locale.ROOT, ", %.0f GB", s.sizeBytes() / 1e9));
            }
            if (s.rotational() != null) {
                sb.append(s.rotational() ? ", rotational" : ", non-rotational");
            }
            if (s.logicalBlockBytes() > 0) {
                sb.append(", ").append(s.logicalBlockBytes()).append("-byte blocks");
            }
            if (s.scheduler() != null) {
                sb.append(", scheduler ").append(s.scheduler());
            }
        } else {
            sb.append(": no block device");
        }
        return sb.toString();
    }
}
