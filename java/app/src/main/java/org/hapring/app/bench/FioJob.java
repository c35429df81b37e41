package org.hapring.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hapring.io.EngineKind;
import org.hapring.mov.SampleTable;

/**
 * The fio job that does what one engine does in an unpaced run, on the same files: block size = frame size,
 * starting at the first frame (the frames of generated media are contiguous and equal-sized, so fio reads
 * exactly the frames; otherwise the mean frame size from the earliest frame, marked {@link #exact()} false),
 * one frame per file in turn ({@code file_service_type=roundrobin}), the same cache state
 * ({@code invalidate=0}: the caller prepares the cache; {@code direct=1} with 4 KiB-aligned blocks), and:
 *
 * <pre>
 *   uring        io_uring, fixedbufs + registerfiles, non-vectored, iodepth = batch = layers (one submit per tick)
 *   uring-noreg  io_uring, plain non-vectored reads, same depth and batches
 *   sync         psync, one job (one read after the other on one thread)
 *   filechannel  psync, min(layers, pool threads) jobs side by side, each with its share of the files
 *   mmap         mmap, one job
 * </pre>
 *
 * Warm runs are time based (fio wraps around the frames like the engine); cold and direct runs read every
 * frame once. fio must run with {@code --readonly}: a size past the end of a file would otherwise make fio
 * extend the file.
 *
 * @param counterpart what fio runs, e.g. {@code io_uring+fixedbufs+registerfiles}
 * @param text the job file
 * @param exact whether fio reads exactly the frames the engine reads
 * @param jobs fio jobs running side by side
 *
 * <p>Immutable; any thread.
 */
public record FioJob(String counterpart, String text, boolean exact, int jobs) {
    static final int DIRECT_ALIGNMENT_BYTES = 4096;

    /**
     * The job for {@code engine} reading {@code frames} frames of each file (cold, direct), or wrapping for
     * {@code warmNanos} (warm).
     */
    public static FioJob of(
            EngineKind engine, CacheState cache, List<SampleTable> files, int frames, long warmNanos, int poolThreads) {
        return of(engine, cache, files, frames, warmNanos, poolThreads, false);
    }

    /**
     * As above; {@code hugetlbBuffers}: fio's I/O buffers in hugetlb pages ({@code mem=shmhuge}), the counterpart of
     * hapring's read buffers on transparent huge pages (needs {@link #hugetlbBytesNeeded} bytes of free hugetlb
     * pages, {@code vm.nr_hugepages}).
     */
    public static FioJob of(
            EngineKind engine,
            CacheState cache,
            List<SampleTable> files,
            int frames,
            long warmNanos,
            int poolThreads,
            boolean hugetlbBuffers) {
        Layout l = Layout.of(files);
        boolean direct = cache == CacheState.DIRECT;
        long bs = direct ? alignUp(l.blockBytes, DIRECT_ALIGNMENT_BYTES) : l.blockBytes;
        long offset = direct ? l.firstOffset / DIRECT_ALIGNMENT_BYTES * DIRECT_ALIGNMENT_BYTES : l.firstOffset;
        long usableBlocks = Long.MAX_VALUE;
        for (SampleTable t : files) {
            usableBlocks = Math.min(usableBlocks, (fileEnd(t) - offset) / bs);
        }
        if (usableBlocks < 1) {
            throw new IllegalArgumentException(
                    "fio: the files hold no whole " + bs + "-byte block after offset " + offset);
        }
        boolean warm = cache == CacheState.WARM;
        long blocksPerFile = warm ? usableBlocks : Math.min(frames, usableBlocks);
        int layers = files.size();
        String name;
        List<List<Path>> groups = new ArrayList<>();
        StringBuilder engineLines = new StringBuilder();
        switch (engine) {
            case URING, URING_NOREG -> {
                boolean fixed = engine == EngineKind.URING;
                name = fixed ? "io_uring+fixedbufs+registerfiles" : "io_uring";
                engineLines.append("ioengine=io_uring\nnonvectored=1\n");
                if (fixed) {
                    engineLines.append("fixedbufs=1\nregisterfiles=1\n");
                }
                engineLines
                        .append("iodepth=")
                        .append(layers)
                        .append("\niodepth_batch_submit=")
                        .append(layers)
                        .append("\niodepth_batch_complete_min=")
                        .append(layers)
                        .append('\n');
                groups.add(paths(files));
            }
            case SYNC -> {
                name = "psync";
                engineLines.append("ioengine=psync\n");
                groups.add(paths(files));
            }
            case MMAP -> {
                name = "mmap";
                engineLines.append("ioengine=mmap\n");
                groups.add(paths(files));
            }
            case FILECHANNEL -> {
                int jobs = Math.max(1, Math.min(layers, poolThreads));
                name = "psync x" + jobs;
                engineLines.append("ioengine=psync\n");
                for (int j = 0; j < jobs; j++) {
                    groups.add(new ArrayList<>());
                }
                for (int i = 0; i < layers; i++) {
                    groups.get(i % jobs).add(files.get(i).file());
                }
            }
            default -> throw new IllegalArgumentException("engine=" + engine.cliName() + ": no fio counterpart");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# hapring bench: fio counterpart of engine ")
                .append(engine.cliName())
                .append(", cache ")
                .append(cache.cliName())
                .append(", ")
                .append(layers)
                .append(" layer(s)\n[global]\nrw=read\n")
                .append("bs=")
                .append(bs)
                .append("\noffset=")
                .append(offset)
                .append("\ninvalidate=0\n")
                .append("file_service_type=roundrobin\ngroup_reporting=1\n");
        if (direct) {
            sb.append("direct=1\n");
        }
        if (hugetlbBuffers) {
            sb.append("mem=shmhuge\n");
            name += "+shmhuge";
        }
        if (warm) {
            sb.append("time_based=1\nruntime=")
                    .append(Math.max(1, warmNanos / 1_000_000))
                    .append("ms\n");
        }
        sb.append(engineLines);
        for (int g = 0; g < groups.size(); g++) {
            List<Path> group = groups.get(g);
            sb.append("\n[")
                    .append(engine.cliName())
                    .append('-')
                    .append(g)
                    .append("]\n")
                    .append("filename=")
                    .append(filenames(group))
                    .append('\n')
                    .append("size=")
                    .append(blocksPerFile * bs * group.size())
                    .append('\n');
        }
        return new FioJob(name, sb.toString(), l.exact && !direct, groups.size());
    }

    /**
     * The hugetlb memory fio wants for its buffers with {@code mem=shmhuge}, for any engine's job: at most
     * {@code layers} blocks of up to {@code maxFrameBytes} in flight (one job at depth {@code layers}, or up to
     * {@code layers} jobs at depth 1), each job's buffer rounded up to 2 MiB pages plus a page of slack.
     */
    public static long hugetlbBytesNeeded(int layers, long maxFrameBytes) {
        long page = 2L << 20;
        long block = alignUp(maxFrameBytes + DIRECT_ALIGNMENT_BYTES, DIRECT_ALIGNMENT_BYTES);
        return Math.max(1, layers) * (alignUp(block, page) + page);
    }

    /** fio's filename list: paths joined by ':', a ':' inside a path escaped as '\:'. */
    static String filenames(List<Path> paths) {
        StringBuilder sb = new StringBuilder();
        for (Path p : paths) {
            if (!sb.isEmpty()) {
                sb.append(':');
            }
            sb.append(p.toAbsolutePath().toString().replace(":", "\\:"));
        }
        return sb.toString();
    }

    private static List<Path> paths(List<SampleTable> files) {
        return files.stream().map(SampleTable::file).toList();
    }

    private static long fileEnd(SampleTable t) {
        int last = t.frameCount() - 1;
        return t.offset(last) + t.size(last);
    }

    private static long alignUp(long v, long a) {
        return (v + a - 1) / a * a;
    }

    /** Where the frames start and how big a block is; exact when every file has the same contiguous equal frames. */
    private record Layout(long firstOffset, long blockBytes, boolean exact) {
        static Layout of(List<SampleTable> files) {
            SampleTable first = files.get(0);
            boolean exact = true;
            long firstOffset = Long.MAX_VALUE;
            long bytes = 0;
            long frames = 0;
            for (SampleTable t : files) {
                firstOffset = Math.min(firstOffset, t.offset(0));
                exact &= t.offset(0) == first.offset(0) && t.size(0) == first.size(0);
                for (int f = 0; f < t.frameCount(); f++) {
                    exact &= t.size(f) == first.size(0) && (f == 0 || t.offset(f) == t.offset(f - 1) + t.size(f - 1));
                    bytes += t.size(f);
                }
                frames += t.frameCount();
            }
            long block = exact ? first.size(0) : Math.max(1, Math.round((double) bytes / frames));
            return new Layout(firstOffset, block, exact);
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "fio %s (%d job%s%s)",
                counterpart,
                jobs,
                jobs == 1 ? "" : "s",
                exact ? "" : ", approximate pattern");
    }
}
