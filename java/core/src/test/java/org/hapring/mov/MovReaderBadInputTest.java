package org.hapring.mov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hapring.testing.ByteArrayChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken files: each fails with a {@link MovFormatException} naming the file, the box path and the absolute
 * offset of the problem (computed here from where the builder put the boxes).
 */
class MovReaderBadInputTest {
    private static final Path NAME = Path.of("broken.mov");
    private static final String STBL = "trak/mdia/minf/stbl";
    private static final String STBL_PATH = "moov/trak[1]/mdia/minf/stbl";

    private static MovFile read(byte[] bytes) throws IOException {
        return MovReader.read(NAME, new ByteArrayChannel(bytes));
    }

    private static MovFormatException fails(byte[] bytes) {
        return assertThrows(MovFormatException.class, () -> read(bytes).video());
    }

    private static MovFormatException fails(MovBuilder.Built built) {
        return fails(built.bytes());
    }

    private static void assertNames(MovFormatException e, String boxPath, long offset, String reasonPart) {
        assertEquals(boxPath, e.boxPath(), e.getMessage());
        assertEquals(offset, e.offsetBytes(), e.getMessage());
        assertTrue(e.reason().contains(reasonPart), "reason should contain \"" + reasonPart + "\": " + e.getMessage());
        assertTrue(e.getMessage().contains("file=" + NAME), e.getMessage());
        assertTrue(e.getMessage().contains("box=" + boxPath), e.getMessage());
        assertTrue(e.getMessage().contains("offset=" + offset), e.getMessage());
    }

    // --- truncated files and box sizes ---

    @Test
    void truncatedInsideMdat() {
        MovBuilder.Built built = new MovBuilder().build();
        byte[] cut = Arrays.copyOf(built.bytes(), (int) built.offsets()[3]);
        assertNames(fails(cut), "mdat", built.mdatOffset(), "runs past the end of the file");
    }

    @Test
    void truncatedInsideMoov() {
        MovBuilder.Built built = new MovBuilder().build();
        byte[] cut = Arrays.copyOf(built.bytes(), (int) built.moovOffset() + 100);
        assertNames(fails(cut), "moov", built.moovOffset(), "runs past the end of the file");
    }

    @Test
    void truncatedFastStartFileLosesFrames() {
        MovBuilder.Built built = new MovBuilder().mdatSizeZero(true).build();
        // mdat's size 0 means "to the end of the file", so only the frames tell that bytes are missing.
        byte[] cut = Arrays.copyOf(built.bytes(), (int) built.offsets()[4] + 2);
        long lastChunkEntry = built.offsetOf(STBL + "/stco") + 8 + 8 + 4 * 4;
        assertNames(fails(cut), STBL_PATH + "/stco", lastChunkEntry, "frame 4");
    }

    @Test
    void truncatedSixtyFourBitHeader() {
        MovBuilder.Built built = new MovBuilder().largeBoxes(true).build();
        byte[] cut = Arrays.copyOf(built.bytes(), (int) built.moovOffset() + 12);
        assertNames(fails(cut), "moov", built.moovOffset(), "64-bit size but the file ends 12 bytes after");
    }

    @Test
    void boxRunsPastItsParent() {
        MovBuilder.Built built = new MovBuilder().build();
        long stsz = built.offsetOf(STBL + "/stsz");
        built.patchU32(stsz, 10_000);
        assertNames(fails(built), STBL_PATH + "/stsz", stsz, "runs past the end of its parent 'stbl'");
    }

    @Test
    void boxSizeSmallerThanItsHeader() {
        MovBuilder.Built built = new MovBuilder().build();
        long stts = built.offsetOf(STBL + "/stts");
        built.patchU32(stts, 5);
        assertNames(fails(built), STBL_PATH + "/stts", stts, "size 5, smaller than its 8-byte header");
    }

    @Test
    void topLevelBoxSizeSmallerThanItsHeader() {
        MovBuilder.Built built = new MovBuilder().build();
        byte[] bytes = built.bytes();
        ByteBuffer.wrap(bytes).putInt(0, 3);
        assertNames(fails(bytes), "ftyp", 0, "size 3");
    }

    @Test
    void sizeZeroInsideAParentIsRejectedNotLooped() {
        MovBuilder.Built built = new MovBuilder().build();
        long stts = built.offsetOf(STBL + "/stts");
        built.patchU32(stts, 0);
        assertNames(fails(built), STBL_PATH + "/stts", stts, "size 0");
    }

    @Test
    void sixtyFourBitSizeThatOverflows() {
        MovBuilder.Built built = new MovBuilder()
                .editMoov(moov -> {
                    moov.find("trak")
                            .children
                            .add(1, Boxes.leaf("free", new byte[8]).large());
                    return moov;
                })
                .build();
        long free = built.offsetOf("trak/free");
        ByteBuffer.wrap(built.moov()).putLong((int) (free - built.moovOffset() + 8), 0xFFFF_FFFF_FFFF_FFF0L);
        assertNames(fails(built), "moov/trak[1]/free", free, "overflows");
    }

    @Test
    void sixtyFourBitSizeSmallerThanItsHeader() {
        MovBuilder.Built built = new MovBuilder()
                .editMoov(moov -> {
                    moov.find("trak")
                            .children
                            .add(1, Boxes.leaf("free", new byte[8]).large());
                    return moov;
                })
                .build();
        long free = built.offsetOf("trak/free");
        ByteBuffer.wrap(built.moov()).putLong((int) (free - built.moovOffset() + 8), 12);
        assertNames(fails(built), "moov/trak[1]/free", free, "smaller than its 16-byte header");
    }

    @Test
    void topLevelSixtyFourBitSizePastTheFile() {
        MovBuilder.Built built = new MovBuilder().largeBoxes(true).build();
        byte[] bytes = built.bytes();
        ByteBuffer.wrap(bytes).putLong((int) built.mdatOffset() + 8, Long.MAX_VALUE);
        assertNames(fails(bytes), "mdat", built.mdatOffset(), "runs past the end of the file");
    }

    @Test
    void notAQuickTimeFileAtAll() {
        byte[] text = "just some text, not a movie at all\n".repeat(10).getBytes(StandardCharsets.US_ASCII);
        MovFormatException e = fails(text);
        assertEquals(0, e.offsetBytes());
        assertTrue(e.reason().contains("runs past the end of the file"), e.getMessage());
    }

    @Test
    void moovLargerThanTheLimitIsRefusedBeforeAllocating(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge-moov.mov");
        long moovBytes = MovReader.MAX_MOOV_BYTES + 1L;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(Boxes.leaf("ftyp", new byte[12]).bytes());
            raf.writeInt((int) moovBytes);
            raf.write("moov".getBytes(StandardCharsets.US_ASCII));
            raf.setLength(20 + moovBytes); // sparse: nothing behind the header is written
        }
        MovFormatException e = assertThrows(MovFormatException.class, () -> MovReader.open(file));
        assertEquals("moov", e.boxPath());
        assertEquals(20, e.offsetBytes());
        assertTrue(e.reason().contains("more than the " + MovReader.MAX_MOOV_BYTES), e.getMessage());
    }

    @Test
    void noMoovBox() {
        byte[] bytes = Boxes.leaf("ftyp", new byte[12]).bytes();
        assertNames(fails(bytes), "moov", bytes.length, "no 'moov' box");
    }

    // --- sample tables pointing outside the file ---

    @Test
    void chunkOffsetPastTheEndOfTheFile() {
        MovBuilder.Built built = new MovBuilder().build();
        long entry = built.offsetOf(STBL + "/stco") + 8 + 8 + 4 * 2;
        built.patchU32(entry, built.fileSizeBytes() + 1000);
        assertNames(
                fails(built), STBL_PATH + "/stco", entry, "chunk 3 starts at offset " + (built.fileSizeBytes() + 1000));
    }

    @Test
    void frameRunsPastTheEndOfTheFile() {
        MovBuilder.Built built = new MovBuilder().build();
        long entry = built.offsetOf(STBL + "/stco") + 8 + 8 + 4 * 5;
        built.patchU32(entry, built.fileSizeBytes() - 4);
        assertNames(
                fails(built), STBL_PATH + "/stco", entry, "frame 5 (18 bytes at offset " + (built.fileSizeBytes() - 4));
    }

    @Test
    void co64OffsetBeyondSignedRange() {
        MovBuilder.Built built = new MovBuilder().co64(true).build();
        long entry = built.offsetOf(STBL + "/co64") + 8 + 8;
        ByteBuffer.wrap(built.moov()).putLong((int) (entry - built.moovOffset()), -5);
        assertNames(fails(built), STBL_PATH + "/co64", entry, "chunk 1 starts at offset " + Long.toUnsignedString(-5));
    }

    // --- counts larger than their boxes ---

    @Test
    void sampleCountLargerThanTheSizeTable() {
        MovBuilder.Built built = new MovBuilder().build();
        long count = built.offsetOf(STBL + "/stsz") + 8 + 8;
        built.patchU32(count, 1_000_000);
        assertNames(fails(built), STBL_PATH + "/stsz", count, "entry count 1000000 needs 1000000 x 4 bytes");
    }

    @Test
    void sampleCountBeyondTheFrameLimit() {
        MovBuilder.Built built = new MovBuilder().build();
        long count = built.offsetOf(STBL + "/stsz") + 8 + 8;
        built.patchU32(count, 0xFFFF_FFFFL);
        assertNames(fails(built), STBL_PATH + "/stsz", count, "sample count 4294967295 is more than");
    }

    @Test
    void constantSampleSizeCountThatCannotFitTheFile() {
        MovBuilder.Built built = new MovBuilder().constantSize(40, 6).build();
        long count = built.offsetOf(STBL + "/stsz") + 8 + 8;
        built.patchU32(count, 5_000_000);
        assertNames(fails(built), STBL_PATH + "/stsz", count - 4, "5000000 frames of 40 bytes do not fit");
    }

    @Test
    void absurdCountsInEveryTable() {
        String[][] cases = {{"stts", "8"}, {"stsc", "8"}, {"stco", "8"}, {"stsd", "8"}};
        for (String[] c : cases) {
            MovBuilder.Built built = new MovBuilder().build();
            long count = built.offsetOf(STBL + "/" + c[0]) + Integer.parseInt(c[1]) + 4;
            built.patchU32(count, 0x4000_0000L);
            assertNames(fails(built), STBL_PATH + "/" + c[0], count, "entry count 1073741824 needs");
        }
        MovBuilder.Built built =
                new MovBuilder().edits(0, new EditEntry(6, 0, 0x10000)).build();
        long count = built.offsetOf("trak/edts/elst") + 8 + 4;
        built.patchU32(count, 0xFFFF_FFFFL);
        assertNames(fails(built), "moov/trak[1]/edts/elst", count, "entry count 4294967295 needs");
    }

    // --- sample-to-chunk runs ---

    @Test
    void stscRunStartsAtAChunkThatDoesNotExist() {
        MovBuilder.Built built = new MovBuilder().chunks(2, 2, 1, 1).build();
        long run2 = built.offsetOf(STBL + "/stsc") + 8 + 8 + 12;
        built.patchU32(run2, 99);
        assertNames(fails(built), STBL_PATH + "/stsc", run2, "starts at chunk 99 but there are only 4 chunks");
    }

    @Test
    void stscUsesADescriptionThatDoesNotExist() {
        MovBuilder.Built built = new MovBuilder().build();
        long description = built.offsetOf(STBL + "/stsc") + 8 + 8 + 8;
        built.patchU32(description, 5);
        assertNames(fails(built), STBL_PATH + "/stsc", description, "uses sample description 5 but 'stsd' has 1");
    }

    @Test
    void stscFirstRunNotAtChunkOne() {
        MovBuilder.Built built = new MovBuilder().build();
        long run1 = built.offsetOf(STBL + "/stsc") + 8 + 8;
        built.patchU32(run1, 2);
        assertNames(fails(built), STBL_PATH + "/stsc", run1, "starts at chunk 2, not 1");
    }

    @Test
    void stscRunsNotIncreasing() {
        MovBuilder.Built built = new MovBuilder().chunks(2, 2, 1, 1).build();
        long run2 = built.offsetOf(STBL + "/stsc") + 8 + 8 + 12;
        built.patchU32(run2, 1);
        assertNames(fails(built), STBL_PATH + "/stsc", run2, "run 2 starts at chunk 1, not after");
    }

    @Test
    void chunksHoldMoreFramesThanTheSizeTable() {
        MovBuilder.Built built = new MovBuilder().build();
        long perChunk = built.offsetOf(STBL + "/stsc") + 8 + 8 + 4;
        built.patchU32(perChunk, 2);
        assertNames(fails(built), STBL_PATH + "/stsc", perChunk, "chunk 4 would hold frames 6..7");
    }

    @Test
    void chunksHoldFewerFramesThanTheSizeTable() {
        MovBuilder.Built built = new MovBuilder().build();
        long chunkCount = built.offsetOf(STBL + "/stco") + 8 + 4;
        built.patchU32(chunkCount, 4);
        long stscCount = built.offsetOf(STBL + "/stsc") + 8 + 4;
        assertNames(fails(built), STBL_PATH + "/stsc", stscCount, "place only 4 of the 6 frames");
    }

    // --- timing ---

    @Test
    void zeroMediaTimescale() {
        MovBuilder.Built built = new MovBuilder().build();
        long timescale = built.offsetOf("trak/mdia/mdhd") + 8 + 12;
        built.patchU32(timescale, 0);
        assertNames(fails(built), "moov/trak[1]/mdia/mdhd", timescale, "timescale is 0");
    }

    @Test
    void zeroMovieTimescaleWithAnEmptyEdit() {
        MovBuilder.Built built = new MovBuilder()
                .movieTimescale(0)
                .edits(0, new EditEntry(10, -1, 0x10000), new EditEntry(6, 0, 0x10000))
                .build();
        assertNames(fails(built), "moov/trak[1]/edts/elst", built.offsetOf("trak/edts/elst"), "movie timescale");
    }

    @Test
    void sttsDescribesFewerFramesThanStsz() {
        MovBuilder.Built built = new MovBuilder().stts(new long[] {5, 1}).build();
        long count = built.offsetOf(STBL + "/stts") + 8 + 4;
        assertNames(fails(built), STBL_PATH + "/stts", count, "describe 5 samples but the sample size table has 6");
    }

    @Test
    void sttsDescribesMoreFramesThanStsz() {
        MovBuilder.Built built = new MovBuilder()
                .stts(new long[] {4, 1}, new long[] {0xFFFF_FFFFL, 1})
                .build();
        long run2 = built.offsetOf(STBL + "/stts") + 8 + 8 + 8;
        assertNames(fails(built), STBL_PATH + "/stts", run2, "more than the 6 samples");
    }

    @Test
    void negativeEditMediaTime() {
        MovBuilder.Built built =
                new MovBuilder().edits(0, new EditEntry(6, -7, 0x10000)).build();
        long mediaTime = built.offsetOf("trak/edts/elst") + 8 + 8 + 4;
        assertNames(fails(built), "moov/trak[1]/edts/elst", mediaTime, "media time -7");
    }

    // --- missing or unusable tracks ---

    @Test
    void missingMandatoryBoxes() {
        String[][] cases = {
            {"stco", STBL, STBL_PATH, "'stco' (or 'co64')"},
            {"stsz", STBL, STBL_PATH, "'stsz' (or 'stz2')"},
            {"stts", STBL, STBL_PATH, "'stts'"},
            {"stsc", STBL, STBL_PATH, "'stsc'"},
            {"stsd", STBL, STBL_PATH, "'stsd'"},
            {"stbl", "trak/mdia/minf", "moov/trak[1]/mdia/minf", "'stbl'"},
            {"mdhd", "trak/mdia", "moov/trak[1]/mdia", "'mdhd'"},
            {"hdlr", "trak/mdia", "moov/trak[1]/mdia", "'hdlr'"},
            {"tkhd", "trak", "moov/trak[1]", "'tkhd'"},
        };
        for (String[] c : cases) {
            MovBuilder.Built built = new MovBuilder()
                    .editMoov(moov -> {
                        moov.find(c[1]).children.removeIf(n -> n.type.equals(c[0]));
                        return moov;
                    })
                    .build();
            assertNames(fails(built), c[2], built.offsetOf(c[1]), "missing mandatory box " + c[3]);
        }
        MovBuilder.Built built = new MovBuilder()
                .editMoov(moov -> {
                    moov.children.removeIf(n -> n.type.equals("mvhd"));
                    return moov;
                })
                .build();
        assertNames(fails(built), "moov", built.moovOffset(), "missing mandatory box 'mvhd'");
    }

    @Test
    void noVideoTrackOpensButHasNoVideo() throws IOException {
        MovBuilder.Built built = new MovBuilder()
                .audioTrack(true)
                .editMoov(moov -> {
                    moov.children.removeIf(n -> n.type.equals("trak")
                            && n.find("mdia/hdlr") != null
                            && new String(n.find("mdia/hdlr").payload, 8, 4, StandardCharsets.ISO_8859_1)
                                    .equals("vide"));
                    return moov;
                })
                .build();
        MovFile mov = read(built.bytes());
        assertEquals(
                List.of("soun"), mov.tracks().stream().map(Track::handlerType).toList());
        assertFalse(mov.hasHapVideo());
        assertNames(
                assertThrows(MovFormatException.class, mov::video),
                "moov",
                built.moovOffset(),
                "no video track (tracks: id 2 soun 'sowt')");
    }

    @Test
    void videoTrackThatIsNotHapSaysWhatItIs() throws IOException {
        MovBuilder.Built built = new MovBuilder().descriptions("avc1").build();
        MovFile mov = read(built.bytes());
        assertEquals("avc1", mov.tracks().getFirst().fourcc());
        assertNames(
                assertThrows(MovFormatException.class, mov::video),
                STBL_PATH + "/stsd",
                built.offsetOf(STBL + "/stsd"),
                "is 'avc1', not HAP");
    }

    @Test
    void framesUsingANonHapDescription() {
        MovBuilder.Built built = new MovBuilder()
                .descriptions("Hap1", "jpeg")
                .chunks(3, 3)
                .chunkDescriptions(1, 2)
                .build();
        // Both entries are video descriptions of the same length, after the 8-byte version/flags/count.
        int entryBytes = (built.moovTree().find(STBL + "/stsd").payload.length - 8) / 2;
        long entry2 = built.offsetOf(STBL + "/stsd") + 8 + 8 + entryBytes;
        assertNames(fails(built), STBL_PATH + "/stsd", entry2, "sample description 2 is 'jpeg', not HAP");
    }

    @Test
    void descriptionsOfDifferentSizes() {
        MovBuilder.Built built = new MovBuilder()
                .descriptions("Hap1", "Hap1")
                .descriptionSizes(new int[] {64, 48}, new int[] {32, 32})
                .chunks(3, 3)
                .chunkDescriptions(1, 2)
                .build();
        MovFormatException e = fails(built);
        assertEquals(STBL_PATH + "/stsd", e.boxPath());
        assertTrue(e.reason().contains("32x32 but description 1 is 64x48"), e.getMessage());
    }

    @Test
    void compressedMovieHeader() {
        MovBuilder.Built built = new MovBuilder()
                .editMoov(moov -> {
                    moov.children.add(
                            1, Boxes.box("cmov", Boxes.leaf("dcom", "zlib".getBytes(StandardCharsets.US_ASCII))));
                    return moov;
                })
                .build();
        assertNames(fails(built), "moov/cmov", built.offsetOf("cmov"), "'cmov'");
    }

    @Test
    void noSamples() {
        MovBuilder.Built built = new MovBuilder().build();
        long count = built.offsetOf(STBL + "/stsz") + 8 + 8;
        built.patchU32(count, 0);
        assertNames(fails(built), STBL_PATH + "/stsz", count, "no samples");
    }
}
