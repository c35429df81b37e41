package org.hapring.decode;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.hapring.mov.MovFormatException;
import org.hapring.mov.MovReader;
import org.hapring.mov.SampleTable;

/**
 * Reads and decodes the frames of one movie, one at a time, with plain positional reads: the tool
 * path behind {@code info}, {@code decode}, golden dumps and tests, not the playback path (that is the
 * pre-buffer engine). Frame memory is allocated once, for the largest frame of the movie.
 *
 * <p>Errors name the file, the frame and the byte offset: a malformed frame is a
 * {@link HapFormatException} located in the file, a file that shrank under us one too.
 *
 * <p>Single-threaded: one thread uses an instance.
 */
public final class MovieFrameReader implements AutoCloseable {
    private final Arena arena = Arena.ofConfined();
    private final SampleTable table;
    private final HapVariant variant;
    private final FileChannel channel;
    private final MemorySegment frameMemory;
    private final ByteBuffer frameBuffer;
    private final HapFrameDecoder decoder = new HapFrameDecoder();
    private TextureFrame texture;

    private MovieFrameReader(SampleTable table, HapVariant variant, FileChannel channel) {
        this.table = table;
        this.variant = variant;
        this.channel = channel;
        this.frameMemory = arena.allocate(Math.max(1, table.maxSampleBytes()), 64);
        this.frameBuffer = frameMemory.asByteBuffer();
    }

    /** Indexes {@code file} (its HAP video track) and opens it for reading frames. */
    public static MovieFrameReader open(Path file) throws IOException {
        SampleTable table = MovReader.open(file).video();
        HapVariant variant = HapVariant.fromFourcc(table.fourcc())
                .orElseThrow(() -> new MovFormatException(
                        file,
                        "moov/trak/mdia/minf/stbl/stsd",
                        -1,
                        "video fourcc '" + table.fourcc() + "' is not a HAP variant this build decodes"));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new MovieFrameReader(table, variant, channel);
    }

    public SampleTable table() {
        return table;
    }

    public HapVariant variant() {
        return variant;
    }

    public Path file() {
        return table.file();
    }

    /** The bytes of frame {@code frame} exactly (a view of this reader's memory, valid until the next read). */
    public MemorySegment readFrame(int frame) throws IOException {
        long offset = table.offset(frame);
        int size = table.size(frame);
        frameBuffer.clear().limit(size);
        long position = offset;
        while (frameBuffer.hasRemaining()) {
            int n = channel.read(frameBuffer, position);
            if (n < 0) {
                throw new HapFormatException(
                                "the file ends " + (position - offset) + " bytes into a frame of " + size
                                        + " bytes (truncated after it was indexed?)",
                                position - offset)
                        .located(file(), frame, offset);
            }
            position += n;
        }
        return frameMemory.asSlice(0, size);
    }

    /** The section layout of frame {@code frame}, without decompressing it. */
    public HapFrameLayout layout(int frame) throws IOException {
        MemorySegment bytes = readFrame(frame);
        try {
            return HapFrameParser.parse(bytes);
        } catch (HapFormatException e) {
            throw e.located(file(), frame, table.offset(frame));
        }
    }

    /** Decodes frame {@code frame} into texture planes owned by this reader (valid until the next decode). */
    public TextureFrame decode(int frame) throws IOException {
        MemorySegment bytes = readFrame(frame);
        if (texture == null) {
            texture = TextureFrame.allocate(arena, variant, table.width(), table.height());
        }
        try {
            decoder.decode(bytes, table.width(), table.height(), texture);
        } catch (HapFormatException e) {
            throw e.located(file(), frame, table.offset(frame));
        }
        return texture;
    }

    @Override
    public void close() throws IOException {
        try {
            decoder.close();
            channel.close();
        } finally {
            arena.close();
        }
    }
}
