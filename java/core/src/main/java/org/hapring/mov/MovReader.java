package org.hapring.mov;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Indexes a QuickTime (.mov) file: reads the top-level box headers until it has found {@code moov}
 * (and knows whether {@code mdat} comes before or after it), reads {@code moov} into the heap in one
 * read, and parses it into a {@link MovFile}. Never reads sample data.
 *
 * <p>Limits, each failing with a {@link MovFormatException}: {@code moov} at most {@value #MAX_MOOV_BYTES}
 * bytes; the video track at most {@value #MAX_FRAMES} frames. Memory use is bounded by them: the moov bytes
 * plus about 20 bytes per frame.
 *
 * <p>Stateless; any thread (each call uses only its own channel).
 */
public final class MovReader {
    /** The largest {@code moov} read into memory: room for about 16 million frames' sample tables. */
    public static final int MAX_MOOV_BYTES = 256 << 20;
    /** The most frames a video track may have: 77 hours at 60 fps. */
    public static final int MAX_FRAMES = 1 << 24;

    private MovReader() {}

    /** Opens, indexes and closes {@code file}. */
    public static MovFile open(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, ch);
        }
    }

    /**
     * Indexes the movie in {@code ch} (which stays open; its position changes).
     *
     * @param nameForMessages the name used in exceptions and returned by {@link MovFile#file()}
     * @throws MovFormatException when the bytes are not a movie this reader can index
     * @throws IOException when reading the channel fails
     */
    public static MovFile read(Path nameForMessages, SeekableByteChannel ch) throws IOException {
        long fileSizeBytes = ch.size();
        ByteBuffer header = ByteBuffer.allocate(16);
        long position = 0;
        boolean mdatSeen = false;
        long moovOffset = -1;
        long moovSizeBytes = 0;
        int moovHeaderBytes = 0;
        boolean moovBeforeMdat = false;
        while (fileSizeBytes - position >= 8) {
            header.clear().limit((int) Math.min(16, fileSizeBytes - position));
            readFully(nameForMessages, ch, position, header, "(top level)", "a top-level box header");
            long size = header.getInt(0) & 0xFFFF_FFFFL;
            int type = header.getInt(4);
            int headerBytes = 8;
            String name = Fourcc.text(type);
            if (size == 1) {
                if (header.limit() < 16) {
                    throw new MovFormatException(
                            nameForMessages,
                            name,
                            position,
                            "box has a 64-bit size but the file ends " + (fileSizeBytes - position)
                                    + " bytes after its header starts (truncated file?)");
                }
                size = header.getLong(8);
                headerBytes = 16;
                if (size < 16) {
                    throw new MovFormatException(
                            nameForMessages,
                            name,
                            position,
                            "box has 64-bit size " + Long.toUnsignedString(size)
                                    + (size < 0 ? " (overflows)" : ", smaller than its 16-byte header"));
                }
            } else if (size == 0) {
                size = fileSizeBytes - position;
            } else if (size < 8) {
                throw new MovFormatException(
                        nameForMessages, name, position, "box has size " + size + ", smaller than its 8-byte header");
            }
            if (size > fileSizeBytes - position) {
                throw new MovFormatException(
                        nameForMessages,
                        name,
                        position,
                        "box of " + size
                                + " bytes runs past the end of the file (" + (fileSizeBytes - position)
                                + " bytes left, file size " + fileSizeBytes + "): truncated file?");
            }
            if (type == Fourcc.MOOV && moovOffset < 0) {
                moovOffset = position;
                moovSizeBytes = size;
                moovHeaderBytes = headerBytes;
                moovBeforeMdat = !mdatSeen;
                if (mdatSeen) {
                    break;
                }
            } else if (type == Fourcc.MDAT) {
                mdatSeen = true;
                if (moovOffset >= 0) {
                    break;
                }
            }
            position += size;
        }
        if (moovOffset < 0) {
            throw new MovFormatException(
                    nameForMessages,
                    "moov",
                    position,
                    "no 'moov' box among the top-level boxes" + " (file size " + fileSizeBytes
                            + "): not a QuickTime file, or a truncated one");
        }
        if (moovSizeBytes > MAX_MOOV_BYTES) {
            throw new MovFormatException(
                    nameForMessages,
                    "moov",
                    moovOffset,
                    "'moov' is " + moovSizeBytes + " bytes, more than the " + MAX_MOOV_BYTES + " this reader accepts");
        }
        ByteBuffer moov = ByteBuffer.allocate((int) moovSizeBytes);
        readFully(nameForMessages, ch, moovOffset, moov, "moov", "'moov'");
        MoovBuffer buffer = new MoovBuffer(nameForMessages, moov.array(), moovOffset);
        return MoovParser.parse(buffer, moovHeaderBytes, fileSizeBytes, moovBeforeMdat);
    }

    private static void readFully(
            Path file, SeekableByteChannel ch, long position, ByteBuffer dst, String boxPath, String what)
            throws IOException {
        ch.position(position);
        while (dst.hasRemaining()) {
            // A read that returns 0 or -1 makes no progress: the channel is shorter than size() said.
            if (ch.read(dst) <= 0) {
                long at = position + dst.position();
                throw new MovFormatException(
                        file,
                        boxPath,
                        at,
                        "the file ended at offset " + at + " while reading " + what + " (" + dst.remaining()
                                + " bytes missing); did it shrink while being read?");
            }
        }
    }
}
