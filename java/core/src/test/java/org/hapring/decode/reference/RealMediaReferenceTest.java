package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFrame;
import org.hapring.testing.RealMedia;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every frame of the real HAP movies that FFmpeg can decode (Vidvox's Hap5 with 4-byte headers,
 * Adobe's single-chunk 0xCB Hap1, the HapM fixture with its BC4 alpha plane, an FFmpeg Hap1 with audio)
 * and compares with the stored FFmpeg 5.1 framemd5 of the unrotated picture ({@link RealMedia#unrotatedFramemd5});
 * then applies each movie's display matrices as the FFmpeg CLI does ({@link FfmpegAutorotate}) and compares with
 * the stored CLI framemd5 ({@link RealMedia#referenceFramemd5}; the HapM fixture rotates by -45 degrees).
 */
class RealMediaReferenceTest {
    private static final Pattern DIMENSIONS = Pattern.compile("#dimensions 0: (\\d+)x(\\d+)");

    static Stream<Path> moviesWithReference() {
        return RealMedia.movies().stream().filter(m -> RealMedia.referenceFramemd5(m) != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moviesWithReference")
    void everyFrameMatchesStoredFramemd5(Path movie) throws IOException {
        List<String> lines = Files.readAllLines(RealMedia.unrotatedFramemd5(movie));
        Matcher size = lines.stream()
                .map(DIMENSIONS::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .orElseThrow();
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        List<String> hashes =
                lines.stream().map(FrameMd5::hashOfLine).filter(h -> h != null).toList();
        List<byte[]> packets = HapTestFrames.packets(movie);
        assertEquals(hashes.size(), packets.size(), "frames");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rgba = arena.allocate(ReferenceDecoder.rgbaBytes(width, height));
            for (int i = 0; i < packets.size(); i++) {
                HapVariant variant = variantOf(packets.get(i));
                TextureFrame frame =
                        HapTestFrames.frame(arena, variant, width, height, HapTestFrames.planes(packets.get(i)));
                ReferenceDecoder.toRgba(frame, variant, rgba);
                assertEquals(hashes.get(i), FrameMd5.md5Hex(rgba), movie.getFileName() + " frame " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moviesWithReference")
    void displayedPictureMatchesStoredCliFramemd5(Path movie) throws IOException {
        List<String> unrotated = Files.readAllLines(RealMedia.unrotatedFramemd5(movie));
        Matcher size = unrotated.stream()
                .map(DIMENSIONS::matcher)
                .filter(Matcher::matches)
                .findFirst()
                .orElseThrow();
        List<String> cliLines = Files.readAllLines(RealMedia.referenceFramemd5(movie)).stream()
                .filter(l -> FrameMd5.hashOfLine(l) != null)
                .toList();
        HapVariant variant = variantOf(HapTestFrames.packets(movie).get(0));
        AutorotateCheck.assertMatches(
                movie, variant, Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)), cliLines);
    }

    /** The variant a packet's top-level section type names (texture format nibble; 0x0D is HapM). */
    private static HapVariant variantOf(byte[] packet) {
        return switch (packet[3] & 0x0F) {
            case 0x0B -> HapVariant.HAP;
            case 0x0E -> HapVariant.HAP_ALPHA;
            case 0x0F -> HapVariant.HAP_Q;
            case 0x0D -> HapVariant.HAP_Q_ALPHA;
            case 0x01 -> HapVariant.HAP_ALPHA_ONLY;
            default ->
                throw new IllegalStateException(
                        "no FFmpeg reference for section type 0x" + Integer.toHexString(packet[3] & 0xFF));
        };
    }
}
