package org.hapring.decode.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Edits a copy of an FFmpeg-made, video-only, uncompressed ({@code -compressor none}) HAP movie in place,
 * so that FFmpeg's decoder can serve as the reference for texture content or variants its encoder never
 * writes: replace a frame's texture bytes with hand-made blocks (same size) or a whole frame with another
 * of the same length, change a frame's section type byte, the sample description's fourcc (Hap1 to HapA:
 * both 8 bytes per block), its picture size (for example to one that is not a multiple of 4) or the display
 * matrices (the video track's tkhd and the movie's mvhd; FFmpeg 5.1's encoder cannot set them). The texture
 * edits need an uncompressed clip; the others work on any movie whose frames tile mdat. Frames are found by
 * walking the mdat payload section by section (FFmpeg writes them back to back); a walk that does not end
 * exactly at the end of mdat fails.
 *
 * <p>Not thread-safe: one instance per test.
 */
final class MovPatch {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

    private final byte[] bytes;
    private final List<Integer> frameStarts = new ArrayList<>();
    private int stsdEntry = -1;

    private MovPatch(byte[] bytes) {
        this.bytes = bytes;
        walk(0, bytes.length);
        if (stsdEntry < 0 || frameStarts.isEmpty()) {
            throw new IllegalStateException("no stsd entry or no frames found");
        }
    }

    static MovPatch load(Path movie) {
        try {
            return new MovPatch(Files.readAllBytes(movie));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int frameCount() {
        return frameStarts.size();
    }

    /** Bytes of frame {@code frame}'s texture (its section payload). */
    int textureBytes(int frame) {
        int at = frameStarts.get(frame);
        return HapTestFrames.sectionEnd(bytes, at) - at - HapTestFrames.headerBytes(bytes, at);
    }

    /** Replaces the texture of an uncompressed frame with {@code texture} (same length). */
    MovPatch texture(int frame, byte[] texture) {
        int at = frameStarts.get(frame);
        if ((bytes[at + 3] & 0xF0) != 0xA0 || texture.length != textureBytes(frame)) {
            throw new IllegalArgumentException(
                    "frame " + frame + " is not an uncompressed section of " + texture.length + " bytes");
        }
        System.arraycopy(texture, 0, bytes, at + HapTestFrames.headerBytes(bytes, at), texture.length);
        return this;
    }

    /** Replaces frame {@code frame} as a whole (section header included) with {@code bytes} of the same length. */
    MovPatch frame(int frame, byte[] bytes) {
        int at = frameStarts.get(frame);
        int length = HapTestFrames.sectionEnd(this.bytes, at) - at;
        if (bytes.length != length) {
            throw new IllegalArgumentException("frame " + frame + " is " + length + " bytes, not " + bytes.length);
        }
        System.arraycopy(bytes, 0, this.bytes, at, length);
        return this;
    }

    /** Sets the top-level section type byte of every frame. */
    MovPatch sectionType(int type) {
        for (int at : frameStarts) {
            bytes[at + 3] = (byte) type;
        }
        return this;
    }

    MovPatch fourcc(String fourcc) {
        byte[] f = fourcc.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(f, 0, bytes, stsdEntry + 4, 4);
        return this;
    }

    /** Sets the picture size in the sample description (the size decoders use). */
    MovPatch size(int widthPixels, int heightPixels) {
        putBe16(stsdEntry + 32, widthPixels);
        putBe16(stsdEntry + 34, heightPixels);
        return this;
    }

    /** Sets the video track's tkhd matrix (9 ints, {@code a b u c d v x y w}; see {@link MovMatrices}). */
    MovPatch displayMatrix(int[] tkhdMatrix) {
        if (tkhdMatrix.length != 9) {
            throw new IllegalArgumentException("a matrix has 9 entries, not " + tkhdMatrix.length);
        }
        int at = MovMatrices.read(bytes).tkhdMatrixOffset();
        for (int i = 0; i < 9; i++) {
            putBe32(at + 4 * i, tkhdMatrix[i]);
        }
        return this;
    }

    /** Sets the movie header's (mvhd) matrix, which FFmpeg multiplies into every track's. */
    MovPatch movieMatrix(int[] mvhdMatrix) {
        if (mvhdMatrix.length != 9) {
            throw new IllegalArgumentException("a matrix has 9 entries, not " + mvhdMatrix.length);
        }
        int at = MovMatrices.read(bytes).mvhdMatrixOffset();
        for (int i = 0; i < 9; i++) {
            putBe32(at + 4 * i, mvhdMatrix[i]);
        }
        return this;
    }

    Path save(Path file) {
        try {
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void walk(int from, int to) {
        int at = from;
        while (at + 8 <= to) {
            long size = be32(at);
            String type = new String(bytes, at + 4, 4, StandardCharsets.US_ASCII);
            int header = 8;
            if (size == 1) {
                size = (long) be32(at + 8) << 32 | be32(at + 12);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            int end = Math.toIntExact(at + size);
            if (CONTAINERS.contains(type)) {
                walk(at + header, end);
            } else if (type.equals("stsd")) {
                stsdEntry = at + header + 8;
            } else if (type.equals("mdat")) {
                int frame = at + header;
                while (frame < end) {
                    frameStarts.add(frame);
                    frame = HapTestFrames.sectionEnd(bytes, frame);
                }
                if (frame != end) {
                    throw new IllegalStateException(
                            "frames do not tile mdat: walk ended at " + frame + ", mdat at " + end);
                }
            }
            at = end;
        }
    }

    private long be32(int at) {
        return (bytes[at] & 0xFFL) << 24
                | (bytes[at + 1] & 0xFF) << 16
                | (bytes[at + 2] & 0xFF) << 8
                | (bytes[at + 3] & 0xFF);
    }

    private void putBe32(int at, int v) {
        putBe16(at, v >>> 16);
        putBe16(at + 2, v);
    }

    private void putBe16(int at, int v) {
        bytes[at] = (byte) (v >>> 8);
        bytes[at + 1] = (byte) v;
    }
}
