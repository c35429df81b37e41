package org.hapring.decode.reference;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.testing.Ffmpeg;
import org.xerial.snappy.Snappy;

/**
 * Texture planes of a HAP movie's frames, found without this project's own movie reader and HAP
 * decoder, so that the reference decoder can be tested on its own: FFmpeg copies the video packets out
 * ({@code -c copy -f data}), packets are split by their top-level section sizes, and each texture
 * section is unpacked here (stored, one Snappy block, or chunked with decode instructions). Inputs are
 * trusted test media: no defensive checks beyond what keeps a broken file from passing silently.
 *
 * <p>Any thread.
 */
public final class HapTestFrames {
    private HapTestFrames() {}

    /** The video packets of {@code movie}, in order; skips the test when FFmpeg is not installed. */
    public static List<byte[]> packets(Path movie) {
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
                byte[] all = Files.readAllBytes(raw);
                List<byte[]> out = new ArrayList<>();
                int at = 0;
                while (at < all.length) {
                    int end = sectionEnd(all, at);
                    if (end > all.length) {
                        throw new IllegalStateException("packet at " + at + " runs past the end of " + movie);
                    }
                    out.add(Arrays.copyOfRange(all, at, end));
                    at = end;
                }
                return out;
            } finally {
                Files.deleteIfExists(raw);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The texture planes of one packet: one, or two for a 0x0D multiple-image frame (HapM). */
    public static List<byte[]> planes(byte[] packet) {
        int type = packet[3] & 0xFF;
        if ((type & 0x0F) != 0x0D) {
            return List.of(texture(packet, 0));
        }
        int first = headerBytes(packet, 0);
        int second = sectionEnd(packet, first);
        return List.of(texture(packet, first), texture(packet, second));
    }

    /** Wraps texture planes as a frame of {@code variant} (for HapH: unsigned BC6H). */
    public static TextureFrame frame(
            Arena arena, HapVariant variant, int widthPixels, int heightPixels, List<byte[]> planes) {
        MemorySegment p0 = arena.allocate(planes.get(0).length);
        MemorySegment p1 = arena.allocate(planes.size() > 1 ? planes.get(1).length : 1);
        TextureFrame frame = TextureFrame.wrap(p0, p1);
        frame.reset(widthPixels, heightPixels);
        for (int i = 0; i < planes.size(); i++) {
            byte[] t = planes.get(i);
            MemorySegment.copy(t, 0, frame.storage(i), ValueLayout.JAVA_BYTE, 0, t.length);
            TextureFormat format = variant.planes().get(i);
            frame.setPlane(i, format, t.length);
        }
        return frame;
    }

    /** Unpacks the texture section starting at {@code at}. */
    static byte[] texture(byte[] buf, int at) {
        int type = buf[at + 3] & 0xFF;
        int payload = at + headerBytes(buf, at);
        int end = sectionEnd(buf, at);
        try {
            return switch (type & 0xF0) {
                case 0xA0 -> Arrays.copyOfRange(buf, payload, end);
                case 0xB0 -> Snappy.uncompress(Arrays.copyOfRange(buf, payload, end));
                case 0xC0 -> chunked(buf, payload, end);
                default ->
                    throw new IllegalStateException(
                            "unknown compressor in section type 0x" + Integer.toHexString(type));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] chunked(byte[] buf, int payload, int end) throws IOException {
        if ((buf[payload + 3] & 0xFF) != 0x01) {
            throw new IllegalStateException("chunked frame without decode instructions");
        }
        int instructionsEnd = sectionEnd(buf, payload);
        byte[] compressors = null;
        int[] sizes = null;
        int[] offsets = null;
        for (int at = payload + headerBytes(buf, payload); at < instructionsEnd; at = sectionEnd(buf, at)) {
            int start = at + headerBytes(buf, at);
            int length = sectionEnd(buf, at) - start;
            switch (buf[at + 3] & 0xFF) {
                case 0x02 -> compressors = Arrays.copyOfRange(buf, start, start + length);
                case 0x03 -> sizes = le32s(buf, start, length / 4);
                case 0x04 -> offsets = le32s(buf, start, length / 4);
                default -> {}
            }
        }
        if (compressors == null || sizes == null) {
            throw new IllegalStateException("decode instructions without compressor or size table");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int running = 0;
        for (int i = 0; i < sizes.length; i++) {
            int from = instructionsEnd + (offsets == null ? running : offsets[i]);
            byte[] chunk = Arrays.copyOfRange(buf, from, from + sizes[i]);
            out.write(compressors[i] == 0x0B ? Snappy.uncompress(chunk) : chunk);
            running += sizes[i];
        }
        if (instructionsEnd + running > end) {
            throw new IllegalStateException("chunks run past the end of their section");
        }
        return out.toByteArray();
    }

    static int headerBytes(byte[] buf, int at) {
        boolean longForm = buf[at] == 0 && buf[at + 1] == 0 && buf[at + 2] == 0;
        return longForm ? 8 : 4;
    }

    static int sectionEnd(byte[] buf, int at) {
        int size = (buf[at] & 0xFF) | (buf[at + 1] & 0xFF) << 8 | (buf[at + 2] & 0xFF) << 16;
        if (size == 0) {
            size = le32s(buf, at + 4, 1)[0];
        }
        return at + headerBytes(buf, at) + size;
    }

    private static int[] le32s(byte[] buf, int at, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int o = at + 4 * i;
            out[i] = (buf[o] & 0xFF) | (buf[o + 1] & 0xFF) << 8 | (buf[o + 2] & 0xFF) << 16 | (buf[o + 3] & 0xFF) << 24;
        }
        return out;
    }
}
