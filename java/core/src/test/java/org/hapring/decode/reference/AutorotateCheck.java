package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFrame;
import org.hapring.testing.Ffmpeg;

/**
 * Checks a movie against FFmpeg's CLI-exact framemd5 (display matrix applied): decodes every frame with the
 * reference decoder, applies {@link FfmpegAutorotate} to the movie's own matrices ({@link MovMatrices}) and
 * compares each data line's size column and hash. On a hash difference it fetches FFmpeg's rotated pixels
 * and fails naming how many pixels differ and the first one, so a near miss can be measured.
 *
 * <p>Any thread.
 */
final class AutorotateCheck {
    private AutorotateCheck() {}

    /**
     * Asserts that {@code movie} (frames of {@code variant}, decoded size {@code width x height}) hashes as
     * {@code expectedLines}; returns the rotation it applied.
     */
    static Rotation assertMatches(
            Path movie, HapVariant variant, int widthPixels, int heightPixels, List<String> expectedLines)
            throws HapFormatException {
        MovMatrices matrices = MovMatrices.read(movie);
        Rotation rotation = FfmpegAutorotate.of(matrices.tkhd(), matrices.mvhd());
        int outWidth = rotation.outputWidth(widthPixels, heightPixels);
        int outHeight = rotation.outputHeight(widthPixels, heightPixels);
        long outBytes = ReferenceDecoder.rgbaBytes(outWidth, outHeight);
        List<byte[]> packets = HapTestFrames.packets(movie);
        assertEquals(expectedLines.size(), packets.size(), movie.getFileName() + ": framemd5 lines");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment decoded = arena.allocate(ReferenceDecoder.rgbaBytes(widthPixels, heightPixels));
            MemorySegment shown = arena.allocate(outBytes);
            for (int i = 0; i < packets.size(); i++) {
                TextureFrame frame = HapTestFrames.frame(
                        arena, variant, widthPixels, heightPixels, HapTestFrames.planes(packets.get(i)));
                ReferenceDecoder.toRgba(frame, variant, decoded);
                rotation.apply(decoded, widthPixels, heightPixels, shown, variant);
                String what = movie.getFileName() + " frame " + i + " (" + rotation + ")";
                assertEquals(outBytes, sizeOfLine(expectedLines.get(i)), what + ": size column");
                if (!FrameMd5.hashOfLine(expectedLines.get(i)).equals(FrameMd5.md5Hex(shown))) {
                    byte[] ffmpeg = Ffmpeg.decodeRgbaAutorotated(movie);
                    RgbaAssert.assertSameRgba(ffmpeg, Math.toIntExact(i * outBytes), shown, outWidth, outHeight, what);
                    assertEquals(
                            FrameMd5.hashOfLine(expectedLines.get(i)),
                            FrameMd5.md5Hex(shown),
                            what + ": same pixels as FFmpeg's rawvideo but a different framemd5");
                }
            }
        }
        return rotation;
    }

    /** The size column (the fifth) of a framemd5 data line. */
    static long sizeOfLine(String line) {
        String[] columns = line.split(",");
        return Long.parseLong(columns[4].strip());
    }
}
