package org.hapring.write;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.hapring.decode.HapVariant;

/**
 * Streams HAP frames into a QuickTime movie with one video track. Frames go straight to the file
 * (gathering writes of whole frames); the sample table stays in memory (4 bytes per frame) until
 * {@link #finish()} writes the moov. The file is written under a temporary name beside the target
 * and renamed on success; {@link #close()} without {@code finish()} deletes it.
 *
 * <pre>
 *   moov LAST:   ftyp | wide | mdat header | frames ...                        | moov
 *   moov FIRST:  ftyp | moov | free (rest of the space reserved) | wide | mdat header | frames ...
 *   mdat of 4 GiB or more: 'wide' + 8-byte mdat header become one 16-byte header (size 1 + 64-bit size)
 * </pre>
 *
 * Moov first ("faststart") reserves room for the largest moov {@code maxFrames} frames can need
 * before the frames, so nothing is rewritten or shifted at the end; the unused part of the
 * reservation becomes a 'free' box (at least 8 bytes, about 12 bytes per frame at most).
 *
 * <p>Single-threaded: owned by the one writer thread.
 */
public final class MovWriter implements Closeable {
    /** Where the moov box goes. */
    public enum MoovPlacement {
        FIRST,
        LAST
    }

    /** The video track: HAP variant, picture size in pixels (any size, not only multiples of 4), rate. */
    public record TrackFormat(HapVariant variant, int widthPixels, int heightPixels, FrameRate rate) {
        public TrackFormat {
            if (widthPixels < 1 || heightPixels < 1 || widthPixels > 0xFFFF || heightPixels > 0xFFFF) {
                throw new IllegalArgumentException(
                        "picture " + widthPixels + "x" + heightPixels + " is outside 1..65535");
            }
        }
    }

    private static final int FTYP_BYTES = 20;
    private static final int MDAT_HEADER_BYTES = 16;

    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final TrackFormat format;
    private final MoovPlacement placement;
    private final long maxFrames;
    private final boolean forceLarge;
    private final long mdatHeaderOffset;
    private final long dataStart;
    private int[] sampleSizes = new int[1024];
    private int sampleCount;
    private long dataBytes;
    private boolean finished;

    private MovWriter(Path target, TrackFormat format, MoovPlacement placement, long maxFrames, boolean forceLarge)
            throws IOException {
        this.target = target;
        this.partial = partialPath(target);
        this.format = format;
        this.placement = placement;
        this.maxFrames = maxFrames;
        this.forceLarge = forceLarge;
        long reserved = placement == MoovPlacement.FIRST
                ? MoovBuilder.maxBytes(
                                format.variant(), format.widthPixels(), format.heightPixels(), format.rate(), maxFrames)
                        + 8L
                : 0;
        this.mdatHeaderOffset = FTYP_BYTES + reserved;
        this.dataStart = mdatHeaderOffset + MDAT_HEADER_BYTES;
        this.channel = FileChannel.open(
                partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        try {
            ByteBuffer head = ByteBuffer.allocate(FTYP_BYTES + (reserved > 0 ? 8 : 0));
            head.putInt(FTYP_BYTES).put(ascii("ftypqt  ")).putInt(0x200).put(ascii("qt  "));
            if (reserved > 0) {
                head.putInt((int) reserved).put(ascii("free"));
            }
            writeFully(head.flip(), 0);
            writeMdatHeader();
            channel.position(dataStart);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /** Where a movie is written until {@link #finish()} renames it to {@code target}. */
    public static Path partialPath(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    /**
     * Opens {@code file} for writing (as {@code file.partial} until {@link #finish()}). With moov
     * FIRST, {@code maxFrames} is the most frames that will be written.
     */
    public static MovWriter create(Path file, TrackFormat format, MoovPlacement placement, long maxFrames)
            throws IOException {
        return new MovWriter(file, format, placement, maxFrames, false);
    }

    /** As {@link #create}, forcing the 64-bit mdat header and co64/version-1 boxes (tests of those forms). */
    static MovWriter createForcingLargeForms(Path file, TrackFormat format, MoovPlacement placement, long maxFrames)
            throws IOException {
        return new MovWriter(file, format, placement, maxFrames, true);
    }

    /** Appends {@code count} whole frames, each buffer's remaining bytes being one frame. */
    public void write(ByteBuffer[] frames, int offset, int count) throws IOException {
        ensureOpen();
        if (placement == MoovPlacement.FIRST && sampleCount + (long) count > maxFrames) {
            throw new IllegalStateException("moov first was planned for " + maxFrames + " frames; frame "
                    + (sampleCount + count) + " does not fit");
        }
        if (sampleCount + count > sampleSizes.length) {
            sampleSizes = Arrays.copyOf(sampleSizes, Math.max(sampleSizes.length * 2, sampleCount + count));
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            int size = frames[offset + i].remaining();
            if (size == 0) {
                throw new IllegalArgumentException("frame " + (sampleCount + i) + " is empty");
            }
            sampleSizes[sampleCount + i] = size;
            total += size;
        }
        long expectedEnd = channel.position() + total;
        while (channel.position() < expectedEnd) {
            channel.write(frames, offset, count);
        }
        sampleCount += count;
        dataBytes += total;
    }

    /** Appends one frame. */
    public void write(ByteBuffer frame) throws IOException {
        write(new ByteBuffer[] {frame}, 0, 1);
    }

    public long framesWritten() {
        return sampleCount;
    }

    /** Bytes written so far, headers included. */
    public long bytesWritten() {
        return dataStart + dataBytes;
    }

    /** Writes the moov and the final mdat header, closes the file and gives it its real name. */
    public void finish() throws IOException {
        ensureOpen();
        MoovBuilder.Track track = new MoovBuilder.Track(
                format.variant(),
                format.widthPixels(),
                format.heightPixels(),
                format.rate(),
                sampleSizes,
                sampleCount,
                dataStart,
                forceLarge,
                forceLarge,
                false);
        byte[] moov = MoovBuilder.build(track);
        writeMdatHeader();
        if (placement == MoovPlacement.LAST) {
            writeFully(ByteBuffer.wrap(moov), dataStart + dataBytes);
        } else {
            long room = mdatHeaderOffset - FTYP_BYTES;
            long free = room - moov.length;
            if (free < 8) {
                throw new IllegalStateException("moov of " + moov.length + " bytes exceeds the " + room + " reserved");
            }
            ByteBuffer b = ByteBuffer.allocate(moov.length + 8);
            b.put(moov).putInt((int) free).put(ascii("free"));
            writeFully(b.flip(), FTYP_BYTES);
        }
        channel.force(false);
        channel.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
    }

    /** Closes; when {@link #finish()} did not run, deletes the partial file. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            channel.close();
            Files.deleteIfExists(partial);
        }
    }

    private void writeMdatHeader() throws IOException {
        long mdatBytes = 8 + dataBytes;
        ByteBuffer h = ByteBuffer.allocate(MDAT_HEADER_BYTES);
        if (forceLarge || mdatBytes > 0xFFFF_FFFFL) {
            h.putInt(1).put(ascii("mdat")).putLong(MDAT_HEADER_BYTES + dataBytes);
        } else {
            h.putInt(8).put(ascii("wide")).putInt((int) mdatBytes).put(ascii("mdat"));
        }
        writeFully(h.flip(), mdatHeaderOffset);
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += channel.write(b, p);
        }
    }

    private void ensureOpen() {
        if (finished) {
            throw new IllegalStateException("movie " + target + " is already finished or closed");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
