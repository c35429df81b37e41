package org.hapring.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hapring.mov.MovReader;
import org.hapring.mov.SampleTable;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;

/**
 * The movies a benchmark reads: generated ones (one file per layer, so that layers never share cached pages;
 * noise content, Snappy, one chunk, moov first: every frame the same size and stored raw, the worst-case data
 * rate) kept in a cache directory and reused while they index correctly; or the user's own files.
 *
 * <p>Called by the benchmark's main thread.
 */
public final class BenchMedia {
    /** One format's files, indexed. */
    public record MediaSet(String label, List<SampleTable> files, boolean generated) {
        public MediaSet {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a media set needs at least one file");
            }
        }

        public List<Path> paths() {
            return files.stream().map(SampleTable::file).toList();
        }

        /** The largest frame of any file. */
        public int maxFrameBytes() {
            return files.stream().mapToInt(SampleTable::maxSampleBytes).max().orElse(0);
        }

        /** The fewest frames of any file. */
        public int minFrameCount() {
            return files.stream().mapToInt(SampleTable::frameCount).min().orElse(0);
        }

        /** Mean frame bytes over every file. */
        public double meanFrameBytes() {
            long bytes = 0;
            long frames = 0;
            for (SampleTable t : files) {
                bytes += t.totalSampleBytes();
                frames += t.frameCount();
            }
            return frames == 0 ? 0 : (double) bytes / frames;
        }

        /** Frames per second of the first file (0 when it has no rate). */
        public double framesPerSecond() {
            return files.get(0).nominalFrameRate().toDouble();
        }
    }

    /** Receives one line per file generated. */
    public interface Log {
        void generated(Path file, HapGenerator.Result result);
    }

    private BenchMedia() {}

    /**
     * {@code count} files of {@code format}, {@code frames} frames each at {@code fps}, under {@code dir}: made when
     * missing or unreadable, reused otherwise.
     */
    public static MediaSet generated(Path dir, MediaFormat format, FrameRate fps, int frames, int count, Log log)
            throws IOException {
        Files.createDirectories(dir);
        List<SampleTable> tables = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path f = dir.resolve(String.format(
                    Locale.ROOT,
                    "bench-%s-%dx%d-%sfps-%dframes-noise-L%02d.mov",
                    format.variant().cliName(),
                    format.widthPixels(),
                    format.heightPixels(),
                    fps.toString().replace('/', '_'),
                    frames,
                    i));
            SampleTable t = reusable(f, frames);
            if (t == null) {
                GenSpec spec = new GenSpec(
                        f,
                        format.variant(),
                        format.widthPixels(),
                        format.heightPixels(),
                        fps,
                        frames,
                        GenSpec.Content.NOISE,
                        i,
                        1000 + i,
                        HapEncoding.defaults(),
                        MovWriter.MoovPlacement.FIRST,
                        Runtime.getRuntime().availableProcessors());
                HapGenerator.Result r = HapGenerator.generate(spec, null);
                if (log != null) {
                    log.generated(f, r);
                }
                t = MovReader.open(f).video();
            }
            tables.add(t);
        }
        return new MediaSet(format.label(), tables, true);
    }

    /** The user's own movies (each must have a HAP video track). */
    public static MediaSet files(List<Path> paths) throws IOException {
        List<SampleTable> tables = new ArrayList<>();
        for (Path p : paths) {
            tables.add(MovReader.open(p).video());
        }
        String label = paths.size() == 1 ? paths.get(0).getFileName().toString() : "files(" + paths.size() + ")";
        return new MediaSet(label, tables, false);
    }

    private static SampleTable reusable(Path f, int frames) {
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            SampleTable t = MovReader.open(f).video();
            return t.frameCount() == frames && t.offset(frames - 1) + t.size(frames - 1) <= Files.size(f) ? t : null;
        } catch (IOException e) {
            return null; // MovFormatException included: a half-written or foreign file is made again
        }
    }
}
