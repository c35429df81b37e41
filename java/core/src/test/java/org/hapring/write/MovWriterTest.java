package org.hapring.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hapring.decode.HapVariant;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffprobe;
import org.hapring.testing.TestBoxes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MovWriterTest {
    private static final String STBL = "moov/trak/mdia/minf/stbl/";

    @TempDir
    Path dir;

    /** Writes {@code sizes.length} frames of random bytes (one per write, or two per gathering write). */
    private static List<byte[]> write(MovWriter w, int[] sizes, Random random) throws IOException {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < sizes.length; i += 2) {
            int n = Math.min(2, sizes.length - i);
            ByteBuffer[] batch = new ByteBuffer[n];
            for (int k = 0; k < n; k++) {
                byte[] b = new byte[sizes[i + k]];
                random.nextBytes(b);
                frames.add(b);
                batch[k] = ByteBuffer.allocateDirect(b.length).put(b).flip();
            }
            w.write(batch, 0, n);
        }
        return frames;
    }

    @ParameterizedTest
    @EnumSource(MovWriter.MoovPlacement.class)
    void framesLandWhereTheSampleTableAndFfprobeSayTheyAre(MovWriter.MoovPlacement placement) throws IOException {
        Path file = dir.resolve("frames.mov");
        int[] sizes = {1000, 2500, 17, 4096, 333};
        List<byte[]> frames;
        try (MovWriter w = MovWriter.create(
                file,
                new MovWriter.TrackFormat(HapVariant.HAP_Q, 98, 62, FrameRate.parse("30")),
                placement,
                sizes.length)) {
            frames = write(w, sizes, new Random(1));
            w.finish();
        }
        assertFalse(Files.exists(file.resolveSibling("frames.mov.partial")));
        List<String> order =
                TestBoxes.top(file).stream().map(TestBoxes.Box::type).toList();
        assertEquals(
                placement == MovWriter.MoovPlacement.LAST
                        ? List.of("ftyp", "wide", "mdat", "moov")
                        : List.of("ftyp", "moov", "free", "wide", "mdat"),
                order);
        TestBoxes.Box mdat = TestBoxes.find(file, "mdat");
        assertEquals(8 + 1000 + 2500 + 17 + 4096 + 333, mdat.size());

        ByteBuffer stsz = TestBoxes.body(file, TestBoxes.find(file, STBL + "stsz"));
        assertEquals(0, stsz.getInt(4), "sizes differ: a table follows");
        assertEquals(sizes.length, stsz.getInt(8));
        ByteBuffer stco = TestBoxes.body(file, TestBoxes.find(file, STBL + "stco"));
        assertEquals(sizes.length, stco.getInt(4));
        long expected = mdat.bodyOffset();
        for (int i = 0; i < sizes.length; i++) {
            assertEquals(sizes[i], stsz.getInt(12 + 4 * i));
            assertEquals(expected, Integer.toUnsignedLong(stco.getInt(8 + 4 * i)), "chunk offset " + i);
            expected += sizes[i];
        }

        Ffmpeg.assumeAvailable();
        Map<String, String> s = Ffprobe.videoStream(file);
        assertEquals("HapY", s.get("codec_tag_string"));
        assertEquals("98", s.get("width"));
        assertEquals("62", s.get("height"));
        assertEquals("30/1", s.get("r_frame_rate"));
        assertEquals("5", s.get("nb_frames"));
        assertEquals("5", s.get("nb_read_packets"));
        List<byte[]> read = Ffprobe.packetBytes(file);
        assertEquals(frames.size(), read.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i), read.get(i), "frame " + i + " as FFmpeg's demuxer reads it");
        }
    }

    @Test
    void equalFrameSizesUseTheConstantSampleSize() throws IOException {
        Path file = dir.resolve("constant.mov");
        try (MovWriter w = MovWriter.create(
                file,
                new MovWriter.TrackFormat(HapVariant.HAP, 64, 64, FrameRate.parse("25")),
                MovWriter.MoovPlacement.LAST,
                0)) {
            write(w, new int[] {2048, 2048, 2048}, new Random(2));
            w.finish();
        }
        ByteBuffer stsz = TestBoxes.body(file, TestBoxes.find(file, STBL + "stsz"));
        assertEquals(2048, stsz.getInt(4));
        assertEquals(3, stsz.getInt(8));
        assertEquals(12, stsz.limit(), "no table after a constant size");
    }

    @Test
    void largeFormsAreReadByFfmpeg() throws IOException {
        // moov first with exactly the planned frame count: the reservation must hold the largest moov
        Path file = dir.resolve("large.mov");
        List<byte[]> frames;
        try (MovWriter w = MovWriter.createForcingLargeForms(
                file,
                new MovWriter.TrackFormat(HapVariant.HAP_ALPHA, 64, 32, FrameRate.parse("59.94")),
                MovWriter.MoovPlacement.FIRST,
                3)) {
            frames = write(w, new int[] {700, 900, 800}, new Random(3));
            w.finish();
        }
        TestBoxes.Box mdat = TestBoxes.find(file, "mdat");
        assertEquals(16, mdat.headerBytes(), "64-bit mdat size");
        assertTrue(TestBoxes.exists(file, STBL + "co64"));
        assertFalse(TestBoxes.exists(file, STBL + "stco"));
        assertEquals(1, TestBoxes.body(file, TestBoxes.find(file, "moov/mvhd")).get(0), "mvhd version 1");
        ByteBuffer co64 = TestBoxes.body(file, TestBoxes.find(file, STBL + "co64"));
        assertEquals(mdat.bodyOffset(), co64.getLong(8));

        Ffmpeg.assumeAvailable();
        Map<String, String> s = Ffprobe.videoStream(file);
        assertEquals("3", s.get("nb_read_packets"));
        assertEquals("60000/1001", s.get("r_frame_rate"));
        List<byte[]> read = Ffprobe.packetBytes(file);
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i), read.get(i), "frame " + i);
        }
    }

    @ParameterizedTest(name = "{0} fps")
    @CsvSource({
        "60,         60/1",
        "59.94,      60000/1001",
        "29.97,      30000/1001",
        "30000/1001, 30000/1001",
        "23.976,     24000/1001",
        "50,         50/1",
        "120,        120/1",
        "12.5,       25/2",
    })
    void frameRatesAreExact(String rate, String ffprobeRate) throws IOException {
        Path file = dir.resolve("rate.mov");
        FrameRate r = FrameRate.parse(rate);
        try (MovWriter w = MovWriter.create(
                file, new MovWriter.TrackFormat(HapVariant.HAP, 32, 32, r), MovWriter.MoovPlacement.LAST, 0)) {
            write(w, new int[] {512, 512, 512, 512}, new Random(4));
            w.finish();
        }
        ByteBuffer mdhd = TestBoxes.body(file, TestBoxes.find(file, "moov/trak/mdia/mdhd"));
        long timescale = Integer.toUnsignedLong(mdhd.getInt(12));
        ByteBuffer stts = TestBoxes.body(file, TestBoxes.find(file, STBL + "stts"));
        assertEquals(1, stts.getInt(4), "one run");
        assertEquals(4, stts.getInt(8), "four frames");
        long delta = Integer.toUnsignedLong(stts.getInt(12));
        String[] nd = ffprobeRate.split("/");
        assertEquals(Long.parseLong(nd[0]) * delta, Long.parseLong(nd[1]) * timescale, "timescale / delta = rate");
        assertEquals(4 * delta, Integer.toUnsignedLong(mdhd.getInt(16)), "duration");

        Ffmpeg.assumeAvailable();
        assertEquals(ffprobeRate, Ffprobe.videoStream(file).get("r_frame_rate"));
    }

    @ParameterizedTest
    @EnumSource(HapVariant.class)
    void sampleDescriptionNamesTheVariant(HapVariant variant) throws IOException {
        Path file = dir.resolve("stsd.mov");
        try (MovWriter w = MovWriter.create(
                file,
                new MovWriter.TrackFormat(variant, 1921, 1081, FrameRate.parse("60")),
                MovWriter.MoovPlacement.FIRST,
                1)) {
            write(w, new int[] {10}, new Random(5));
            w.finish();
        }
        ByteBuffer stsd = TestBoxes.body(file, TestBoxes.find(file, STBL + "stsd"));
        int entry = 8; // version/flags, entry count
        assertEquals(86, stsd.getInt(entry), "visual sample entry size");
        assertEquals(
                variant.fourcc(),
                new String(
                        new byte[] {stsd.get(entry + 4), stsd.get(entry + 5), stsd.get(entry + 6), stsd.get(entry + 7)},
                        StandardCharsets.ISO_8859_1));
        assertEquals(1921, stsd.getShort(entry + 32) & 0xFFFF);
        assertEquals(1081, stsd.getShort(entry + 34) & 0xFFFF);
        assertEquals(0x00480000, stsd.getInt(entry + 36), "72 dpi");
        int nameLength = stsd.get(entry + 50);
        String name =
                new String(stsd.array(), stsd.arrayOffset() + entry + 51, nameLength, StandardCharsets.ISO_8859_1);
        assertTrue(name.startsWith("Hap"), name);
        boolean alpha = variant == HapVariant.HAP_ALPHA
                || variant == HapVariant.HAP_Q_ALPHA
                || variant == HapVariant.HAP_ALPHA_ONLY
                || variant == HapVariant.HAP_R;
        assertEquals(alpha ? 32 : 24, stsd.getShort(entry + 82));
        ByteBuffer tkhd = TestBoxes.body(file, TestBoxes.find(file, "moov/trak/tkhd"));
        assertEquals(1921 << 16, tkhd.getInt(76));
        assertEquals(1081 << 16, tkhd.getInt(80));
    }

    @Test
    void moovFirstRefusesMoreFramesThanPlanned() throws IOException {
        Path file = dir.resolve("overflow.mov");
        try (MovWriter w = MovWriter.create(
                file,
                new MovWriter.TrackFormat(HapVariant.HAP, 32, 32, FrameRate.parse("30")),
                MovWriter.MoovPlacement.FIRST,
                2)) {
            write(w, new int[] {10, 10}, new Random(6));
            assertThrows(IllegalStateException.class, () -> w.write(ByteBuffer.allocate(10)));
        }
        assertFalse(Files.exists(file), "an unfinished movie leaves no file");
        assertFalse(Files.exists(dir.resolve("overflow.mov.partial")));
    }

    @Test
    void emptyFramesAndWritesAfterFinishAreRefused() throws IOException {
        Path file = dir.resolve("refuse.mov");
        try (MovWriter w = MovWriter.create(
                file,
                new MovWriter.TrackFormat(HapVariant.HAP, 32, 32, FrameRate.parse("30")),
                MovWriter.MoovPlacement.LAST,
                0)) {
            assertThrows(IllegalArgumentException.class, () -> w.write(ByteBuffer.allocate(0)));
            w.write(ByteBuffer.allocate(8));
            w.finish();
            assertThrows(IllegalStateException.class, () -> w.write(ByteBuffer.allocate(8)));
        }
        assertTrue(Files.exists(file));
    }
}
