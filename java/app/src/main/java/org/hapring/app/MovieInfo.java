package org.hapring.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hapring.decode.HapFrameLayout;
import org.hapring.decode.HapVariant;
import org.hapring.decode.MovieFrameReader;
import org.hapring.decode.TextureFormat;
import org.hapring.mov.MovFile;
import org.hapring.mov.MovReader;
import org.hapring.mov.Rational;
import org.hapring.mov.SampleTable;
import org.hapring.mov.Track;

/**
 * What {@code hapring info} reports about one movie: the container facts from the sample table (no
 * media read), and the section layout of the frames (header forms, compressors, chunk counts), read
 * from every frame or from an even sample of them.
 *
 * <p>Immutable once built; built on the main thread.
 *
 * @param framesInspected how many frames' section headers were read (all of them unless sampled)
 */
record MovieInfo(
        String file,
        long fileBytes,
        String codec,
        String variant,
        String textureFormats,
        int width,
        int height,
        String fps,
        double fpsValue,
        boolean constantFrameRate,
        long timescale,
        int frames,
        double durationSeconds,
        FrameBytes frameBytes,
        long textureBytesPerFrame,
        double storedToTextureRatio,
        double dataRateBytesPerSecond,
        double peakDataRateBytesPerSecond,
        Sections sections,
        int framesInspected,
        boolean moovFirst,
        List<String> tracks) {

    record FrameBytes(long min, long avg, long max, long total) {}

    /**
     * @param topLevelTypes section type bytes seen at the top level, as hex ("0xCF")
     * @param headerBytes header forms seen at any level (4, 8)
     * @param compressors plane compressors seen (none, snappy, chunked) with the frames using each
     * @param chunkCounts chunk counts seen per plane with the frames using each
     * @param offsetTables frames with a chunk offset table
     * @param storedChunks chunks stored uncompressed (0x0A) inside chunked frames
     * @param snappyChunks Snappy chunks
     */
    record Sections(
            List<String> topLevelTypes,
            List<Integer> headerBytes,
            Map<String, Integer> compressors,
            Map<Integer, Integer> chunkCounts,
            int offsetTables,
            long storedChunks,
            long snappyChunks) {}

    /** Reads the movie's index and inspects {@code maxFramesToInspect} frames (<= 0: all). */
    static MovieInfo of(java.nio.file.Path path, int maxFramesToInspect) throws IOException {
        MovFile mov = MovReader.open(path);
        try (MovieFrameReader reader = MovieFrameReader.open(path)) {
            SampleTable t = reader.table();
            HapVariant v = reader.variant();
            int n = t.frameCount();
            long min = Long.MAX_VALUE;
            long max = 0;
            for (int f = 0; f < n; f++) {
                min = Math.min(min, t.size(f));
                max = Math.max(max, t.size(f));
            }
            long total = t.totalSampleBytes();
            Rational rate = t.nominalFrameRate();
            double fpsValue = rate.isZero() ? 0 : rate.toDouble();
            double seconds = t.timescale() == 0 ? 0 : (double) t.durationTicks() / t.timescale();
            double avg = (double) total / n;
            long texture = v.textureBytes(t.width(), t.height());
            List<String> formats = new ArrayList<>();
            for (TextureFormat tf : v.planes()) {
                formats.add(tf.name());
            }
            List<String> tracks = new ArrayList<>();
            for (Track tr : mov.tracks()) {
                tracks.add(tr.handlerType() + ":" + tr.fourcc());
            }
            int inspect = maxFramesToInspect <= 0 ? n : Math.min(n, maxFramesToInspect);
            Sections sections = inspect(reader, n, inspect);
            double realFps = seconds > 0 ? n / seconds : fpsValue;
            return new MovieInfo(
                    path.toString(),
                    mov.fileSizeBytes(),
                    t.fourcc(),
                    v.cliName(),
                    String.join("+", formats),
                    t.width(),
                    t.height(),
                    rate.toString(),
                    fpsValue,
                    t.constantFrameRate(),
                    t.timescale(),
                    n,
                    seconds,
                    new FrameBytes(min, Math.round(avg), max, total),
                    texture,
                    avg / texture,
                    avg * realFps,
                    max * fpsValue,
                    sections,
                    inspect,
                    mov.moovBeforeMdat(),
                    tracks);
        }
    }

    /** Reads the section layout of {@code inspect} frames spread evenly over the movie (first and last included). */
    private static Sections inspect(MovieFrameReader reader, int frames, int inspect) throws IOException {
        TreeSet<String> types = new TreeSet<>();
        TreeSet<Integer> headers = new TreeSet<>();
        Map<String, Integer> compressors = new TreeMap<>();
        Map<Integer, Integer> chunkCounts = new TreeMap<>();
        int offsetTables = 0;
        long stored = 0;
        long snappy = 0;
        for (int i = 0; i < inspect; i++) {
            int f = inspect == 1 ? 0 : (int) ((long) i * (frames - 1) / (inspect - 1));
            HapFrameLayout layout = reader.layout(f);
            types.add(String.format("0x%02X", layout.topLevelType()));
            headers.add(layout.topLevelHeaderBytes());
            boolean offsets = false;
            for (HapFrameLayout.Plane p : layout.planes()) {
                headers.add(p.sectionHeaderBytes());
                for (int h : new int[] {
                    p.instructionsHeaderBytes(),
                    p.compressorTableHeaderBytes(),
                    p.sizeTableHeaderBytes(),
                    p.offsetTableHeaderBytes()
                }) {
                    if (h != 0) {
                        headers.add(h);
                    }
                }
                compressors.merge(p.compressor().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                chunkCounts.merge(p.chunkCount(), 1, Integer::sum);
                offsets |= p.hasOffsetTable();
                for (HapFrameLayout.Chunk c : p.chunks()) {
                    if (c.compressor() == org.hapring.decode.HapCompressor.SNAPPY) {
                        snappy++;
                    } else if (p.compressor() == org.hapring.decode.HapCompressor.CHUNKED) {
                        stored++;
                    }
                }
            }
            if (offsets) {
                offsetTables++;
            }
        }
        return new Sections(
                List.copyOf(types), List.copyOf(headers), compressors, chunkCounts, offsetTables, stored, snappy);
    }
}
