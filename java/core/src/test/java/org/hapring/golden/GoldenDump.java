package org.hapring.golden;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hapring.decode.MovieFrameReader;
import org.hapring.decode.TextureFrame;
import org.hapring.mov.MovFile;
import org.hapring.mov.SampleTable;

/**
 * The golden dump of a movie, in the manner of ExoPlayer's extractor dumps: the track facts, then per
 * frame its offset, size, time and the MD5 of its decoded texture planes. Text, one fact per line, so a
 * diff shows exactly what changed.
 *
 * <p>Test helper; single thread.
 */
final class GoldenDump {
    private GoldenDump() {}

    /** The index part alone (what the QuickTime reader says), from an already-read movie. */
    static List<String> indexLines(MovFile mov) throws IOException {
        SampleTable t = mov.video();
        List<String> lines = new ArrayList<>();
        lines.add("track id=" + t.trackId() + " fourcc=" + t.fourcc() + " width=" + t.width() + " height=" + t.height()
                + " depth=" + t.depth() + " timescale=" + t.timescale() + " frames=" + t.frameCount()
                + " fps=" + t.nominalFrameRate() + " constant=" + t.constantFrameRate()
                + " firstPresented=" + t.firstPresentedFrame() + " moovFirst=" + mov.moovBeforeMdat());
        for (int f = 0; f < t.frameCount(); f++) {
            lines.add("frame=" + f + " offset=" + t.offset(f) + " size=" + t.size(f) + " pts=" + t.ptsTicks(f)
                    + " duration=" + t.durationTicks(f));
        }
        return lines;
    }

    /** The whole dump: index lines, each frame line followed by its texture hash. */
    static List<String> of(Path movie, MovFile mov) throws IOException {
        List<String> index = indexLines(mov);
        List<String> lines = new ArrayList<>();
        lines.add(index.get(0));
        try (MovieFrameReader reader = MovieFrameReader.open(movie)) {
            for (int f = 0; f < reader.table().frameCount(); f++) {
                TextureFrame texture = reader.decode(f);
                StringBuilder sb = new StringBuilder(index.get(f + 1));
                for (int p = 0; p < texture.planeCount(); p++) {
                    sb.append(" texture")
                            .append(p)
                            .append('=')
                            .append(texture.format(p))
                            .append(':')
                            .append(md5(texture.plane(p)));
                }
                lines.add(sb.toString());
            }
        }
        return lines;
    }

    private static String md5(MemorySegment bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(bytes.asByteBuffer());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
