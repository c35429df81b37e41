package org.hapring.decode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapring.testing.Ffmpeg;

/**
 * The HAP frames of a movie's first video track, without our MOV reader: FFmpeg copies the video
 * packets back to back ({@code -c copy -f data}), and they are split again by the size in each
 * frame's top-level section header (a small independent reading of the HAP spec, not the parser's).
 *
 * <p>Any thread.
 */
final class HapPackets {
    private HapPackets() {}

    static List<byte[]> videoFrames(Path movie) {
        Ffmpeg.assumeAvailable();
        try {
            Path raw = Files.createTempFile("hapring-packets", ".bin");
            try {
                Ffmpeg.run(List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-y",
                        "-i",
                        movie.toString(),
                        "-map",
                        "0:v:0",
                        "-c",
                        "copy",
                        "-f",
                        "data",
                        raw.toString()));
                return split(Files.readAllBytes(raw));
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> split(byte[] packets) {
        List<byte[]> frames = new ArrayList<>();
        int pos = 0;
        while (pos < packets.length) {
            long size = (packets[pos] & 0xFF) | (packets[pos + 1] & 0xFF) << 8 | (packets[pos + 2] & 0xFF) << 16;
            int header = 4;
            if (size == 0) {
                size = (packets[pos + 4] & 0xFFL)
                        | (packets[pos + 5] & 0xFFL) << 8
                        | (packets[pos + 6] & 0xFFL) << 16
                        | (packets[pos + 7] & 0xFFL) << 24;
                header = 8;
            }
            int end = Math.toIntExact(pos + header + size);
            if (end > packets.length) {
                throw new IllegalStateException("packet at " + pos + " runs past the end of the stream");
            }
            frames.add(Arrays.copyOfRange(packets, pos, end));
            pos = end;
        }
        return frames;
    }
}
