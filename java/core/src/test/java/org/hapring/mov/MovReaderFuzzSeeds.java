package org.hapring.mov;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hapring.testing.RealMedia;
import org.hapring.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed corpus of {@link MovReaderFuzzTest} into src/test/resources: small valid files from
 * {@link MovBuilder} (one per feature), and each real file's top-level boxes with its mdat emptied (the
 * real moov boxes, whose frames then point past the end). Runs only when asked:
 * {@code ./hapring mvn -q -pl java/core -am test -Dtest=MovReaderFuzzSeeds -Dhapring.regenerateFuzzSeeds=true}.
 */
@EnabledIfSystemProperty(named = "hapring.regenerateFuzzSeeds", matches = "true")
class MovReaderFuzzSeeds {

    @Test
    void regenerate() throws IOException {
        Path dir = TestPaths.repoRoot()
                .resolve("java/core/src/test/resources/org/hapring/mov/MovReaderFuzzTestInputs/fuzz");
        Files.createDirectories(dir);
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("built_plain", new MovBuilder().build().bytes());
        seeds.put(
                "built_faststart_extra_boxes",
                new MovBuilder().moovFirst(true).extraBoxes(true).build().bytes());
        seeds.put(
                "built_co64_stsc_runs",
                new MovBuilder().co64(true).chunks(2, 1, 3).build().bytes());
        seeds.put(
                "built_large_size0",
                new MovBuilder().largeBoxes(true).mdatSizeZero(true).build().bytes());
        seeds.put(
                "built_descriptions",
                new MovBuilder()
                        .descriptions("Hap5", "HapY", "HapM")
                        .chunks(2, 1, 3)
                        .chunkDescriptions(2, 1, 3)
                        .build()
                        .bytes());
        seeds.put(
                "built_constant_stsz",
                new MovBuilder().constantSize(12, 6).chunks(4, 2).build().bytes());
        seeds.put(
                "built_edits_v1_mdhd_v1",
                new MovBuilder()
                        .mdhdVersion(1)
                        .movieTimescale(1000)
                        .edits(1, new EditEntry(500, -1, 0x10000), new EditEntry(100, 3, 0x10000))
                        .build()
                        .bytes());
        seeds.put(
                "built_edits_v0",
                new MovBuilder().edits(0, new EditEntry(80, 2, 0x10000)).build().bytes());
        seeds.put(
                "built_vfr",
                new MovBuilder()
                        .stts(new long[] {3, 1}, new long[] {0, 7}, new long[] {2, 2}, new long[] {1, 3})
                        .build()
                        .bytes());
        seeds.put(
                "built_stz2",
                new MovBuilder()
                        .sizes(9, 200, 17, 255, 4, 30)
                        .editMoov(moov -> {
                            Boxes.Node stbl = moov.find("trak/mdia/minf/stbl");
                            byte[] stz2 = Boxes.be()
                                    .fullBox(0, 0)
                                    .zeros(3)
                                    .u8(8)
                                    .u32(6)
                                    .u8(9)
                                    .u8(200)
                                    .u8(17)
                                    .u8(255)
                                    .u8(4)
                                    .u8(30)
                                    .bytes();
                            stbl.children.replaceAll(n -> n.type.equals("stsz") ? Boxes.leaf("stz2", stz2) : n);
                            return moov;
                        })
                        .build()
                        .bytes());
        seeds.put(
                "built_audio_timecode",
                new MovBuilder().audioTrack(true).timecodeTrack(true).build().bytes());
        for (Path movie : RealMedia.movies()) {
            String name = movie.getFileName().toString();
            seeds.put("real_" + name.substring(0, name.length() - 4), withoutSampleData(Files.readAllBytes(movie)));
        }
        try (var old = Files.newDirectoryStream(dir)) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** The file's top-level boxes in order, each mdat cut to an 8-byte header with no payload. */
    private static byte[] withoutSampleData(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        ByteBuffer out = ByteBuffer.allocate(file.length);
        int position = 0;
        while (file.length - position >= 8) {
            long size = in.getInt(position) & 0xFFFF_FFFFL;
            int type = in.getInt(position + 4);
            if (size == 1) {
                size = in.getLong(position + 8);
            } else if (size == 0) {
                size = file.length - position;
            }
            if (type == Fourcc.MDAT) {
                out.putInt(8).putInt(type);
            } else {
                out.put(file, position, (int) size);
            }
            position += (int) size;
        }
        return Arrays.copyOf(out.array(), out.position());
    }
}
