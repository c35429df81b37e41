package org.hapring.mov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hapring.testing.ByteArrayChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-built files ({@link MovBuilder}) covering each QuickTime feature the reader must handle. */
class MovReaderSyntheticTest {
    private static final Path NAME = Path.of("built.mov");

    static MovFile read(byte[] bytes) throws IOException {
        return MovReader.read(NAME, new ByteArrayChannel(bytes));
    }

    /**
     * Frame offsets and sizes equal where the builder put the frames, and each offset holds its frame's marker.
     * The builder leaves 3 bytes between chunks, so offsets summed from sizes alone would be wrong.
     */
    static SampleTable assertFramesWhereBuilt(MovBuilder.Built built, byte[] bytes) throws IOException {
        SampleTable t = read(bytes).video();
        assertEquals(built.offsets().length, t.frameCount());
        for (int f = 0; f < t.frameCount(); f++) {
            assertEquals(built.offsets()[f], t.offset(f), "offset of frame " + f);
            assertEquals(built.sizes()[f], t.size(f), "size of frame " + f);
            assertEquals(
                    MovBuilder.marker(f), ByteBuffer.wrap(bytes).getInt((int) t.offset(f)), "marker of frame " + f);
        }
        return t;
    }

    @Test
    void plainFileMoovLast() throws IOException {
        MovBuilder.Built built = new MovBuilder().build();
        byte[] bytes = built.bytes();
        MovFile mov = read(bytes);
        SampleTable t = assertFramesWhereBuilt(built, bytes);
        assertFalse(mov.moovBeforeMdat());
        assertEquals(bytes.length, mov.fileSizeBytes());
        assertEquals(built.moovOffset(), mov.moovOffsetBytes());
        assertEquals(built.moov().length, mov.moovSizeBytes());
        assertEquals(List.of(new Track(1, "vide", "Hap1", 30, 6, 6)), mov.tracks());
        assertEquals("Hap1", t.fourcc());
        assertEquals(64, t.width());
        assertEquals(48, t.height());
        assertEquals(24, t.depth());
        assertEquals(30, t.timescale());
        assertEquals(600, t.movieTimescale());
        assertEquals(1, t.trackId());
        for (int f = 0; f < 6; f++) {
            assertEquals(f, t.ptsTicks(f));
            assertEquals(1, t.durationTicks(f));
            assertEquals(1, t.sampleDescriptionIndex(f));
        }
        assertEquals(6, t.durationTicks());
        assertEquals(Rational.of(30), t.nominalFrameRate());
        assertEquals(Rational.of(30), t.averageFrameRate());
        assertTrue(t.constantFrameRate());
        assertEquals(32, t.maxSampleBytes());
        assertEquals(16 + 24 + 20 + 32 + 28 + 18, t.totalSampleBytes());
        assertEquals(List.of(), t.editList());
        assertEquals(List.of("Hap1"), t.sampleDescriptionFourccs());
        assertEquals(0, t.firstPresentedFrame());
    }

    @Test
    void moovFirstWithFreeSkipWideAndUuidBoxes() throws IOException {
        MovBuilder.Built built =
                new MovBuilder().moovFirst(true).extraBoxes(true).build();
        byte[] bytes = built.bytes();
        assertFramesWhereBuilt(built, bytes);
        assertTrue(read(bytes).moovBeforeMdat());
    }

    @Test
    void co64ChunkOffsets() throws IOException {
        MovBuilder.Built built = new MovBuilder().co64(true).chunks(2, 1, 3).build();
        assertFramesWhereBuilt(built, built.bytes());
    }

    @Test
    void sizeZeroMdatRunsToTheEndOfTheFile() throws IOException {
        MovBuilder.Built built = new MovBuilder().mdatSizeZero(true).build();
        byte[] bytes = built.bytes();
        assertEquals(0, ByteBuffer.wrap(bytes).getInt((int) built.mdatOffset()), "mdat's size field");
        assertFramesWhereBuilt(built, bytes);
        assertTrue(read(bytes).moovBeforeMdat());
    }

    @Test
    void sixtyFourBitBoxHeaders() throws IOException {
        for (boolean moovFirst : new boolean[] {false, true}) {
            MovBuilder.Built built =
                    new MovBuilder().largeBoxes(true).moovFirst(moovFirst).build();
            byte[] bytes = built.bytes();
            assertEquals(1, ByteBuffer.wrap(bytes).getInt((int) built.moovOffset()), "moov's size field says 64-bit");
            assertEquals(1, ByteBuffer.wrap(bytes).getInt((int) built.mdatOffset()), "mdat's size field says 64-bit");
            assertFramesWhereBuilt(built, bytes);
        }
    }

    @Test
    void severalSampleDescriptions() throws IOException {
        MovBuilder.Built built = new MovBuilder()
                .descriptions("Hap5", "HapY", "HapM")
                .chunks(2, 1, 3)
                .chunkDescriptions(2, 1, 3)
                .build();
        SampleTable t = assertFramesWhereBuilt(built, built.bytes());
        assertEquals(List.of("Hap5", "HapY", "HapM"), t.sampleDescriptionFourccs());
        assertEquals("HapY", t.fourcc(), "frame 0 uses description 2");
        int[] expected = {2, 2, 1, 3, 3, 3};
        for (int f = 0; f < expected.length; f++) {
            assertEquals(expected[f], t.sampleDescriptionIndex(f), "frame " + f);
        }
        assertEquals(
                "Hap5",
                read(built.bytes()).tracks().getFirst().fourcc(),
                "a track's fourcc is its first description's");
    }

    @Test
    void manySampleToChunkRunsSomeSpanningManyChunks() throws IOException {
        int[] perChunk = {1, 1, 1, 1, 4, 4, 4, 2, 3, 3, 3, 3, 3, 1};
        int frames = 0;
        for (int n : perChunk) {
            frames += n;
        }
        int[] sizes = new int[frames];
        for (int i = 0; i < frames; i++) {
            sizes[i] = 8 + (i * 7) % 23;
        }
        MovBuilder.Built built = new MovBuilder().sizes(sizes).chunks(perChunk).build();
        SampleTable t = assertFramesWhereBuilt(built, built.bytes());
        assertEquals(frames, t.frameCount());
    }

    @Test
    void constantSampleSizeWithoutATable() throws IOException {
        MovBuilder.Built built =
                new MovBuilder().constantSize(40, 10).chunks(4, 4, 2).build();
        SampleTable t = assertFramesWhereBuilt(built, built.bytes());
        assertEquals(40, t.maxSampleBytes());
        assertEquals(400, t.totalSampleBytes());
    }

    @Test
    void compactSampleSizesStz2() throws IOException {
        int[] sizes = {9, 200, 17, 255, 4, 30};
        MovBuilder.Built built = new MovBuilder()
                .sizes(sizes)
                .editMoov(moov -> {
                    Boxes.Node stbl = moov.find("trak/mdia/minf/stbl");
                    Boxes.Be b = Boxes.be().fullBox(0, 0).zeros(3).u8(8).u32(sizes.length);
                    for (int s : sizes) {
                        b.u8(s);
                    }
                    stbl.children.replaceAll(n -> n.type.equals("stsz") ? Boxes.leaf("stz2", b.bytes()) : n);
                    return moov;
                })
                .build();
        assertFramesWhereBuilt(built, built.bytes());
    }

    @Test
    void emptyEditDelaysTheMedia() throws IOException {
        // 1 s of nothing (600 ticks at the movie's 600/s), then the media from its start: 30 ticks at 30/s.
        MovBuilder.Built built = new MovBuilder()
                .edits(0, new EditEntry(600, -1, 0x10000), new EditEntry(120, 0, 0x10000))
                .build();
        SampleTable t = read(built.bytes()).video();
        assertEquals(List.of(new EditEntry(600, -1, 0x10000), new EditEntry(120, 0, 0x10000)), t.editList());
        assertTrue(t.editList().getFirst().emptyEdit());
        for (int f = 0; f < t.frameCount(); f++) {
            assertEquals(30 + f, t.ptsTicks(f));
        }
        assertEquals(0, t.frameAt(29), "before the media starts: clamped to the first frame");
        assertEquals(0, t.frameAt(30));
        assertEquals(2, t.frameAt(32));
        assertEquals(6, t.durationTicks(), "the delay is not part of the frames' durations");
        assertEquals(30, t.presentationStartTicks());
        assertEquals(0, t.firstPresentedFrame());
    }

    @Test
    void editStartOffsetSkipsTheFirstFrames() throws IOException {
        for (int version : new int[] {0, 1}) {
            MovBuilder.Built built = new MovBuilder()
                    .edits(version, new EditEntry(80, 2, 0x10000))
                    .build();
            SampleTable t = read(built.bytes()).video();
            assertEquals(-2, t.ptsTicks(0), "elst v" + version);
            assertEquals(0, t.ptsTicks(2), "elst v" + version);
            assertEquals(2, t.firstPresentedFrame(), "elst v" + version);
            assertEquals(0, t.presentationStartTicks(), "elst v" + version);
            assertEquals(4, t.endTicks(), "6 frames of 1 tick, shifted by -2");
        }
    }

    @Test
    void emptyEditAndStartOffsetTogether() throws IOException {
        // Movie timescale 1000, media 30/s: 500 ms empty = 15 media ticks; start at media tick 3.
        MovBuilder.Built built = new MovBuilder()
                .movieTimescale(1000)
                .edits(1, new EditEntry(500, -1, 0x10000), new EditEntry(100, 3, 0x10000))
                .build();
        SampleTable t = read(built.bytes()).video();
        assertEquals(15 - 3, t.ptsTicks(0));
        assertEquals(15, t.ptsTicks(3));
        assertEquals(15, t.presentationStartTicks());
        assertEquals(3, t.firstPresentedFrame(), "frames 0-2 lie before the edit's media time 3");
        assertEquals(3, t.frameAt(15));
    }

    @Test
    void mdhdVersion1() throws IOException {
        MovBuilder.Built built = new MovBuilder()
                .mdhdVersion(1)
                .timescale(90000)
                .stts(new long[] {6, 3000})
                .build();
        MovFile mov = read(built.bytes());
        SampleTable t = mov.video();
        assertEquals(90000, t.timescale());
        assertEquals(6 * 3000, mov.tracks().getFirst().durationTicks());
        assertEquals(Rational.of(30), t.nominalFrameRate());
        assertEquals(5 * 3000, t.ptsTicks(5));
    }

    @Test
    void ntscRateStaysExact() throws IOException {
        MovBuilder.Built built =
                new MovBuilder().timescale(30000).stts(new long[] {6, 1001}).build();
        SampleTable t = read(built.bytes()).video();
        assertEquals(Rational.of(30000, 1001), t.nominalFrameRate());
        assertEquals("30000/1001", t.nominalFrameRate().toString());
        assertEquals(Rational.of(30000, 1001), t.averageFrameRate());
    }

    @Test
    void variableFrameRateKeptExactly() throws IOException {
        MovBuilder.Built built = new MovBuilder()
                .stts(new long[] {3, 1}, new long[] {0, 7}, new long[] {2, 2}, new long[] {1, 3})
                .build();
        SampleTable t = read(built.bytes()).video();
        long[] pts = {0, 1, 2, 3, 5, 7};
        long[] durations = {1, 1, 1, 2, 2, 3};
        for (int f = 0; f < 6; f++) {
            assertEquals(pts[f], t.ptsTicks(f), "pts of frame " + f);
            assertEquals(durations[f], t.durationTicks(f), "duration of frame " + f);
        }
        assertEquals(10, t.durationTicks());
        assertFalse(t.constantFrameRate());
        assertEquals(Rational.of(30), t.nominalFrameRate(), "delta 1 is shared by the most frames (3)");
        assertEquals(Rational.of(18), t.averageFrameRate(), "6 frames * 30 / 10 ticks");
        assertEquals(0, t.frameAt(-5));
        assertEquals(0, t.frameAt(0));
        assertEquals(3, t.frameAt(4));
        assertEquals(4, t.frameAt(5));
        assertEquals(4, t.frameAt(6));
        assertEquals(5, t.frameAt(7));
        assertEquals(5, t.frameAt(1000));
    }

    @Test
    void nominalRateTieGoesToTheEarliestDelta() throws IOException {
        MovBuilder.Built built =
                new MovBuilder().stts(new long[] {3, 2}, new long[] {3, 1}).build();
        assertEquals(Rational.of(15), read(built.bytes()).video().nominalFrameRate());
    }

    @Test
    void zeroDurationFramesShowTheLastOfTheirInstant() throws IOException {
        MovBuilder.Built built = new MovBuilder()
                .stts(new long[] {1, 1}, new long[] {2, 0}, new long[] {3, 1})
                .build();
        SampleTable t = read(built.bytes()).video();
        assertEquals(1, t.ptsTicks(1));
        assertEquals(1, t.ptsTicks(2));
        assertEquals(1, t.ptsTicks(3));
        assertEquals(3, t.frameAt(1), "frames 1-3 share tick 1: the last one is what is seen");
        assertEquals(0, t.durationTicks(1));
    }

    @Test
    void audioAndTimecodeTracksBesideTheVideo() throws IOException {
        MovBuilder.Built built =
                new MovBuilder().audioTrack(true).timecodeTrack(true).build();
        MovFile mov = read(built.bytes());
        assertEquals(
                List.of(
                        new Track(1, "vide", "Hap1", 30, 6, 6),
                        new Track(2, "soun", "sowt", 48000, 8, 8),
                        new Track(3, "tmcd", "tmcd", 30, 1, 1)),
                mov.tracks());
        assertFramesWhereBuilt(built, built.bytes());
    }

    @Test
    void sampleOffsetsBeyondFourGibInASparseFile(@TempDir Path dir) throws IOException {
        assumeFalse(
                System.getProperty("os.name").toLowerCase().contains("win"),
                "needs sparse files (setLength without allocating); NTFS allocates them");
        long gap = (9L << 30) / 2; // 4.5 GiB
        MovBuilder.Built built =
                new MovBuilder().co64(true).mdatGapBytes(gap).chunks(2, 1, 3).build();
        Path file = built.writeTo(dir.resolve("big.mov"));
        try {
            assertTrue(Files.size(file) > (4L << 30));
            MovFile mov = MovReader.open(file);
            assertFalse(mov.moovBeforeMdat());
            assertTrue(mov.moovOffsetBytes() > (4L << 30));
            SampleTable t = mov.video();
            try (FileChannel ch = FileChannel.open(file)) {
                for (int f = 0; f < t.frameCount(); f++) {
                    assertTrue(t.offset(f) > (4L << 30), "frame " + f + " lies beyond 4 GiB");
                    assertEquals(built.offsets()[f], t.offset(f));
                    ByteBuffer marker = ByteBuffer.allocate(4);
                    ch.read(marker, t.offset(f));
                    assertEquals(MovBuilder.marker(f), marker.getInt(0), "marker of frame " + f);
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void shortReadsGiveTheSameTable() throws IOException {
        MovBuilder.Built built =
                new MovBuilder().moovFirst(true).largeBoxes(true).chunks(3, 3).build();
        byte[] bytes = built.bytes();
        SampleTable whole = read(bytes).video();
        SampleTable trickled = MovReader.read(NAME, new ByteArrayChannel(bytes, 1, Long.MAX_VALUE))
                .video();
        for (int f = 0; f < whole.frameCount(); f++) {
            assertEquals(whole.offset(f), trickled.offset(f));
            assertEquals(whole.size(f), trickled.size(f));
            assertEquals(whole.ptsTicks(f), trickled.ptsTicks(f));
        }
    }

    @Test
    void readErrorsSurfaceAsIoExceptionsNotFormatErrors() {
        MovBuilder.Built built = new MovBuilder().build();
        byte[] bytes = built.bytes();
        IOException e = assertThrows(
                IOException.class, () -> MovReader.read(NAME, new ByteArrayChannel(bytes, 7, built.moovOffset() + 20)));
        assertFalse(e instanceof MovFormatException, "a failing disk is not a malformed file: " + e);
    }
}
