package org.hapring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the system's {@code ffprobe} for tests: what FFmpeg's demuxer sees in a movie (stream fields,
 * every packet's file offset and size), independent of this project's own parsers. Tests call
 * {@link Ffmpeg#assumeAvailable()} first (ffprobe ships with ffmpeg).
 *
 * <p>Any thread.
 */
public final class Ffprobe {
    private Ffprobe() {}

    /**
     * Fields of the first video stream, counted by reading every packet: codec_tag_string, width,
     * height, r_frame_rate, avg_frame_rate, time_base, nb_frames, nb_read_packets, duration_ts.
     */
    public static Map<String, String> videoStream(Path movie) {
        Ffmpeg.assumeAvailable();
        String out = Ffmpeg.run(List.of(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-count_packets",
                "-show_entries",
                "stream=codec_tag_string,width,height,r_frame_rate,avg_frame_rate,time_base,"
                        + "nb_frames,nb_read_packets,duration_ts",
                "-of",
                "default=noprint_wrappers=1",
                movie.toString()));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return fields;
    }

    /** Every video packet as {file offset, size} in decode order. */
    public static List<long[]> packets(Path movie) {
        Ffmpeg.assumeAvailable();
        String out = Ffmpeg.run(List.of(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "packet=pos,size",
                "-of",
                "flat",
                movie.toString()));
        List<long[]> packets = new ArrayList<>();
        for (String line : out.split("\n")) {
            // packets.packet.<index>.<key>="<value>"
            String[] keyValue = line.trim().split("=", 2);
            if (keyValue.length != 2 || !keyValue[0].startsWith("packets.packet.")) {
                continue;
            }
            String[] key = keyValue[0].split("\\.");
            int index = Integer.parseInt(key[2]);
            long value = Long.parseLong(keyValue[1].replace("\"", ""));
            while (packets.size() <= index) {
                packets.add(new long[] {-1, -1});
            }
            packets.get(index)[key[3].equals("pos") ? 0 : 1] = value;
        }
        return packets;
    }

    /** The bytes of every video packet, read from the file at the offsets ffprobe reports. */
    public static List<byte[]> packetBytes(Path movie) {
        List<byte[]> frames = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(movie, StandardOpenOption.READ)) {
            for (long[] p : packets(movie)) {
                ByteBuffer b = ByteBuffer.allocate((int) p[1]);
                long pos = p[0];
                while (b.hasRemaining()) {
                    int n = ch.read(b, pos);
                    if (n < 0) {
                        throw new IOException(
                                "packet at " + p[0] + " of " + p[1] + " bytes runs past the end of " + movie);
                    }
                    pos += n;
                }
                frames.add(b.array());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return frames;
    }
}
