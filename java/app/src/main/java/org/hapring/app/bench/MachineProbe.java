package org.hapring.app.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes the machine from {@code /proc} and {@code /sys} (roots injectable, so fixture trees test it):
 * {@code cpuinfo}, {@code meminfo}, {@code sys/kernel/osrelease}, {@code loadavg}, the mount under each media
 * file from {@code self/mountinfo} (longest mount point that contains the file's real path), and that mount's
 * block device found by its major:minor in {@code /sys/class/block/NAME/dev} (a partition is described by
 * its disk's queue). Unreadable pieces become null or 0, never an error: a report is still worth having.
 *
 * <p>Stateless apart from its roots; any thread.
 */
public final class MachineProbe {
    private final Path proc;
    private final Path sys;

    public MachineProbe(Path procRoot, Path sysRoot) {
        this.proc = procRoot;
        this.sys = sysRoot;
    }

    public static MachineProbe system() {
        return new MachineProbe(Path.of("/proc"), Path.of("/sys"));
    }

    public MachineInfo describe(List<Path> mediaFiles) {
        String cpuinfo = read(proc.resolve("cpuinfo"));
        String model = null;
        int cpus = 0;
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("processor")) {
                cpus++;
            } else if (model == null && line.startsWith("model name")) {
                model = value(line);
            }
        }
        long memKb = 0;
        for (String line : read(proc.resolve("meminfo")).split("\n")) {
            if (line.startsWith("MemTotal:")) {
                memKb = Long.parseLong(value(line).replace("kB", "").trim());
            }
        }
        String[] load = read(proc.resolve("loadavg")).trim().split("\\s+");
        String loadAverage = load.length >= 3 ? load[0] + " " + load[1] + " " + load[2] : "unknown";
        String java = System.getProperty("java.vm.vendor", "?") + " " + Runtime.version();
        return new MachineInfo(
                model == null ? "unknown" : model,
                cpus,
                Runtime.getRuntime().availableProcessors(),
                memKb * 1024,
                read(proc.resolve("sys/kernel/osrelease")).trim(),
                java,
                loadAverage,
                storage(mediaFiles));
    }

    /** The load averages now (1, 5, 15 minutes), for the end of a run. */
    public String loadAverage() {
        String[] load = read(proc.resolve("loadavg")).trim().split("\\s+");
        return load.length >= 3 ? load[0] + " " + load[1] + " " + load[2] : "unknown";
    }

    private List<MachineInfo.Storage> storage(List<Path> files) {
        List<Mount> mounts = mounts();
        Map<Mount, Path> used = new LinkedHashMap<>();
        for (Path f : files) {
            String real;
            try {
                real = f.toRealPath().toString();
            } catch (IOException e) {
                real = f.toAbsolutePath().normalize().toString();
            }
            Mount best = null;
            for (Mount m : mounts) {
                if (contains(m.mountPoint, real)
                        && (best == null || m.mountPoint.length() >= best.mountPoint.length())) {
                    best = m;
                }
            }
            if (best != null) {
                used.putIfAbsent(best, f);
            }
        }
        List<MachineInfo.Storage> out = new ArrayList<>();
        used.forEach((m, f) -> out.add(describe(m, f)));
        return out;
    }

    private MachineInfo.Storage describe(Mount m, Path file) {
        String name = blockName(m.majorMinor);
        if (name == null) {
            return new MachineInfo.Storage(
                    file.toString(), m.mountPoint, m.fsType, m.source, null, null, null, 0, 0, null);
        }
        String disk = diskOf(name);
        Path q = sys.resolve("block").resolve(disk).resolve("queue");
        String rot = read(q.resolve("rotational")).trim();
        String modelName =
                read(sys.resolve("block").resolve(disk).resolve("device/model")).trim();
        if (modelName.isEmpty()) {
            modelName = driver(sys.resolve("block").resolve(disk).resolve("device/driver"));
        }
        String sched = read(q.resolve("scheduler")).trim();
        int lb = sched.indexOf('[');
        int rb = sched.indexOf(']');
        String sectors =
                read(sys.resolve("class/block").resolve(name).resolve("size")).trim();
        return new MachineInfo.Storage(
                file.toString(),
                m.mountPoint,
                m.fsType,
                m.source,
                name,
                rot.isEmpty() ? null : rot.equals("1"),
                modelName == null || modelName.isEmpty() ? null : modelName,
                parseInt(read(q.resolve("logical_block_size")).trim()),
                sectors.isEmpty() ? 0 : Long.parseLong(sectors) * 512,
                lb >= 0 && rb > lb ? sched.substring(lb + 1, rb) : (sched.isEmpty() ? null : sched));
    }

    /** The kernel name of the block device {@code majorMinor} ("254:0"), or null (no such device: overlay, tmpfs). */
    private String blockName(String majorMinor) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sys.resolve("class/block"))) {
            for (Path p : ds) {
                if (read(p.resolve("dev")).trim().equals(majorMinor)) {
                    return p.getFileName().toString();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** The whole disk of a partition ({@code nvme0n1p2 -> nvme0n1}); a disk is its own. */
    private String diskOf(String name) {
        if (!Files.exists(sys.resolve("class/block").resolve(name).resolve("partition"))) {
            return name;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(sys.resolve("block"))) {
            for (Path d : ds) {
                if (Files.isDirectory(d.resolve(name))) {
                    return d.getFileName().toString();
                }
            }
        } catch (IOException e) {
            return name;
        }
        return name;
    }

    private static String driver(Path link) {
        try {
            return Files.isSymbolicLink(link)
                    ? Files.readSymbolicLink(link).getFileName().toString()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** One line of {@code mountinfo}: ID, parent, major:minor, root, mount point, options, [optional...], -, type, source. */
    record Mount(String majorMinor, String mountPoint, String fsType, String source) {}

    List<Mount> mounts() {
        List<Mount> out = new ArrayList<>();
        for (String line : read(proc.resolve("self/mountinfo")).split("\n")) {
            String[] f = line.trim().split(" ");
            int dash = List.of(f).indexOf("-");
            if (f.length < 7 || dash < 6 || dash + 2 >= f.length) {
                continue;
            }
            out.add(new Mount(f[2], unescape(f[4]), f[dash + 1], unescape(f[dash + 2])));
        }
        return out;
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits ({@code \040}). */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean contains(String mountPoint, String path) {
        return mountPoint.equals("/") || path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
