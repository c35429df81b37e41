package org.hapring.decode.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The two matrices FFmpeg's QuickTime demuxer multiplies into a video track's display matrix, read at the
 * byte offsets FFmpeg reads them ({@code mov_read_mvhd}, {@code mov_read_tkhd}), without this project's
 * movie reader: the movie header's (mvhd) and the first video track's header's (tkhd; the track whose
 * {@code hdlr} handler type is {@code vide}). Nine big-endian int32 each, {@code a b u c d v x y w}.
 *
 * <p>Test media only: trusted input, no defensive checks beyond failing on a missing box. Any thread.
 *
 * @param mvhd the movie matrix
 * @param tkhd the video track's matrix
 * @param mvhdMatrixOffset where the mvhd matrix starts in the file
 * @param tkhdMatrixOffset where the tkhd matrix starts in the file
 */
record MovMatrices(int[] mvhd, int[] tkhd, int mvhdMatrixOffset, int tkhdMatrixOffset) {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");

    static MovMatrices read(Path movie) {
        try {
            return read(Files.readAllBytes(movie));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MovMatrices read(byte[] file) {
        Finder f = new Finder(file);
        f.walk(0, file.length);
        if (f.mvhdMatrix < 0 || f.videoTkhdMatrix < 0) {
            throw new IllegalStateException("no mvhd or no video track tkhd found");
        }
        return new MovMatrices(
                ints(file, f.mvhdMatrix), ints(file, f.videoTkhdMatrix), f.mvhdMatrix, f.videoTkhdMatrix);
    }

    private static int[] ints(byte[] b, int at) {
        int[] m = new int[9];
        for (int i = 0; i < 9; i++) {
            m[i] = be32(b, at + 4 * i);
        }
        return m;
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    /** Walks the box tree; remembers the matrix offsets of mvhd and of the first trak whose handler is 'vide'. */
    private static final class Finder {
        private final byte[] b;
        int mvhdMatrix = -1;
        int videoTkhdMatrix = -1;
        private int trakTkhdMatrix = -1;

        Finder(byte[] b) {
            this.b = b;
        }

        void walk(int from, int to) {
            int at = from;
            while (at + 8 <= to) {
                long size = be32(b, at) & 0xFFFFFFFFL;
                String type = new String(b, at + 4, 4, StandardCharsets.US_ASCII);
                int header = 8;
                if (size == 1) {
                    size = (long) be32(b, at + 8) << 32 | (be32(b, at + 12) & 0xFFFFFFFFL);
                    header = 16;
                } else if (size == 0) {
                    size = to - at;
                }
                int payload = at + header;
                int end = Math.toIntExact(at + size);
                boolean v1 = b[payload] == 1;
                switch (type) {
                    // version/flags, then v0: 4 x 32-bit fields (v1: 3 x 64-bit + 32-bit timescale);
                    // rate, volume, 10 reserved
                    case "mvhd" -> mvhdMatrix = payload + 4 + (v1 ? 28 : 16) + 16;
                    // version/flags, v0: 5 x 32-bit fields (v1: 64-bit times and duration); 8 reserved, layer,
                    // alternate group, volume, 2 reserved
                    case "tkhd" -> trakTkhdMatrix = payload + 4 + (v1 ? 32 : 20) + 16;
                    case "hdlr" -> {
                        String handler = new String(b, payload + 8, 4, StandardCharsets.US_ASCII);
                        if (handler.equals("vide") && videoTkhdMatrix < 0 && trakTkhdMatrix >= 0) {
                            videoTkhdMatrix = trakTkhdMatrix;
                        }
                    }
                    default -> {
                        if (CONTAINERS.contains(type)) {
                            if (type.equals("trak")) {
                                trakTkhdMatrix = -1;
                            }
                            walk(payload, end);
                        }
                    }
                }
                at = end;
            }
        }
    }
}
