package org.hapring.mov;

import java.nio.file.Path;
import java.util.List;

/**
 * An indexed QuickTime movie: its tracks and, when it has one, the sample table of its HAP video track.
 * Made by {@link MovReader}.
 *
 * <p>Immutable; any thread.
 */
public final class MovFile {
    /** The sample-description fourccs of the HAP variants: Hap1 Hap5 HapY HapM HapA Hap7 HapH. */
    public static final List<String> HAP_FOURCCS = List.of("Hap1", "Hap5", "HapY", "HapM", "HapA", "Hap7", "HapH");

    private final Path file;
    private final long fileSizeBytes;
    private final boolean moovBeforeMdat;
    private final long moovOffsetBytes;
    private final long moovSizeBytes;
    private final List<Track> tracks;
    private final SampleTable video;
    private final MovFormatException noVideo;

    MovFile(
            Path file,
            long fileSizeBytes,
            boolean moovBeforeMdat,
            long moovOffsetBytes,
            long moovSizeBytes,
            List<Track> tracks,
            SampleTable video,
            MovFormatException noVideo) {
        this.file = file;
        this.fileSizeBytes = fileSizeBytes;
        this.moovBeforeMdat = moovBeforeMdat;
        this.moovOffsetBytes = moovOffsetBytes;
        this.moovSizeBytes = moovSizeBytes;
        this.tracks = List.copyOf(tracks);
        this.video = video;
        this.noVideo = noVideo;
    }

    public Path file() {
        return file;
    }

    public long fileSizeBytes() {
        return fileSizeBytes;
    }

    /** True when {@code moov} comes before the first {@code mdat} ("fast start"). */
    public boolean moovBeforeMdat() {
        return moovBeforeMdat;
    }

    /** Where the {@code moov} box (header included) starts in the file. */
    public long moovOffsetBytes() {
        return moovOffsetBytes;
    }

    /** The size of the {@code moov} box, header included. */
    public long moovSizeBytes() {
        return moovSizeBytes;
    }

    /** Every track in file order. */
    public List<Track> tracks() {
        return tracks;
    }

    /** True when {@link #video()} returns a table rather than throwing. */
    public boolean hasHapVideo() {
        return video != null;
    }

    /**
     * The sample table of the first {@code vide} track whose first sample description is a HAP fourcc
     * ({@link #HAP_FOURCCS}).
     *
     * @throws MovFormatException when there is no video track, or the video track is not HAP (the message
     *     names the fourcc found)
     */
    public SampleTable video() throws MovFormatException {
        if (video == null) {
            throw new MovFormatException(noVideo.file(), noVideo.boxPath(), noVideo.offsetBytes(), noVideo.reason());
        }
        return video;
    }

    @Override
    public String toString() {
        return "MovFile[file=" + file + " fileSizeBytes=" + fileSizeBytes + " moovBeforeMdat=" + moovBeforeMdat
                + " tracks=" + tracks + "]";
    }
}
