package org.hapring.mov;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hapring.testing.Ffmpeg;

/**
 * FFmpeg's view of a movie's first video stream, from {@code ffprobe}: the packet list (after FFmpeg has
 * applied the edit list) and the stream's properties. The independent reference for {@link MovReader}.
 *
 * <p>Any thread.
 */
record FfprobePackets(List<Packet> packets, Map<String, String> stream) {

    /** One packet: times in the stream's time base, {@code pos} the absolute file offset. */
    record Packet(long pts, long dts, long duration, int size, long pos) {}

    static FfprobePackets of(Path movie) {
        Ffmpeg.assumeAvailable();
        String csv = Ffmpeg.run(List.of(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "packet=pts,dts,duration,size,pos",
                "-of",
                "csv=p=0",
                movie.toString()));
        List<Packet> packets = csv.lines()
                .filter(l -> !l.isBlank())
                .map(FfprobePackets::packet)
                .toList();
        String info = Ffmpeg.run(List.of(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=codec_tag_string,width,height,time_base,r_frame_rate,avg_frame_rate,start_pts,nb_frames",
                "-of",
                "default=nw=1",
                movie.toString()));
        Map<String, String> stream = new HashMap<>();
        info.lines()
                .filter(l -> l.contains("="))
                .forEach(l -> stream.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return new FfprobePackets(packets, Map.copyOf(stream));
    }

    private static Packet packet(String line) {
        // Order of the fields as ffprobe prints them: pts, dts, duration, size, pos.
        String[] f = line.split(",");
        return new Packet(
                Long.parseLong(f[0]),
                Long.parseLong(f[1]),
                Long.parseLong(f[2]),
                Integer.parseInt(f[3]),
                Long.parseLong(f[4]));
    }

    String stream(String key) {
        String v = stream.get(key);
        if (v == null) {
            throw new IllegalStateException("ffprobe did not report stream." + key + ": " + stream);
        }
        return v;
    }
}
