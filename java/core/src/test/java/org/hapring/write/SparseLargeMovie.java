package org.hapring.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hapring.decode.HapVariant;
import org.hapring.decode.MovieFrameReader;

/**
 * Test media: a real, decodable HAP movie larger than 4 GiB that takes a few kilobytes of disk. The
 * frames of a small generated clip are written after a sparse hole, so every sample offset is past
 * 4 GiB: a 64-bit {@code mdat} and {@code co64} chunk offsets, moov after mdat, as FFmpeg writes
 * such files.
 *
 * <p>Any thread; each call writes its own file.
 */
public final class SparseLargeMovie {
    /** Where the first frame starts: 4.5 GiB into the file. */
    public static final long FIRST_FRAME_OFFSET = (9L << 30) / 2;

    private SparseLargeMovie() {}

    /** Writes a {@code frames}-frame 64x48 Hap1 movie at {@code target} whose frames lie past 4 GiB. */
    public static Path create(Path target, int frames) throws IOException {
        Path small = target.resolveSibling(target.getFileName() + ".small.mov");
        FrameRate rate = FrameRate.parse("30");
        HapGenerator.generate(
                new GenSpec(
                        small,
                        HapVariant.HAP,
                        64,
                        48,
                        rate,
                        frames,
                        GenSpec.Content.PATTERN,
                        7,
                        1,
                        HapEncoding.defaults(),
                        MovWriter.MoovPlacement.LAST,
                        1),
                (d, t, b, e) -> {});
        int[] sizes = new int[frames];
        try (MovieFrameReader reader = MovieFrameReader.open(small);
                FileChannel out = FileChannel.open(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.SPARSE)) {
            long position = FIRST_FRAME_OFFSET;
            for (int f = 0; f < frames; f++) {
                ByteBuffer frame = reader.readFrame(f).asByteBuffer();
                sizes[f] = frame.remaining();
                while (frame.hasRemaining()) {
                    position += out.write(frame, position);
                }
            }
            ByteBuffer head = ByteBuffer.allocate(20 + 16);
            head.putInt(20)
                    .put("ftypqt  ".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .putInt(0x200)
                    .put("qt  ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            head.putInt(1)
                    .put("mdat".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .putLong(position - 20);
            head.flip();
            out.write(head, 0);
            byte[] moov = MoovBuilder.build(new MoovBuilder.Track(
                    HapVariant.HAP, 64, 48, rate, sizes, frames, FIRST_FRAME_OFFSET, false, false, false));
            ByteBuffer m = ByteBuffer.wrap(moov);
            while (m.hasRemaining()) {
                position += out.write(m, position);
            }
        } finally {
            Files.deleteIfExists(small);
        }
        return target;
    }
}
