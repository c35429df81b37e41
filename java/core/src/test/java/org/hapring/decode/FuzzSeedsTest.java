package org.hapring.decode;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hapring.decode.reference.HapTestFrames;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffmpeg.Spec;
import org.hapring.testing.RealMedia;
import org.hapring.testing.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The fuzz test's seed corpus: small valid frames of every form (FFmpeg clips, a real Adobe Media
 * Encoder frame, hand-built frames for what FFmpeg cannot write). Regenerated only on request:
 * {@code -Dhapring.regenerateFuzzSeeds=true -Dtest=FuzzSeedsTest}. Every committed seed must decode.
 */
class FuzzSeedsTest {
    static final String SEED_DIR =
            "java/core/src/test/resources/org/hapring/decode/HapFrameDecoderFuzzTestInputs/decodeArbitraryFrame";

    private static Path seedDir() {
        return TestPaths.repoRoot().resolve(SEED_DIR);
    }

    @Test
    void everySeedIsAValidFrameThatDecodes() throws IOException {
        List<Path> seeds;
        try (Stream<Path> s = Files.list(seedDir())) {
            seeds = s.sorted().toList();
        }
        assertTrue(seeds.size() >= 20, "seed corpus missing: run with -Dhapring.regenerateFuzzSeeds=true");
        try (Arena arena = Arena.ofConfined();
                HapFrameDecoder decoder = new HapFrameDecoder()) {
            for (Path seed : seeds) {
                byte[] bytes = Files.readAllBytes(seed);
                assertTrue(bytes.length <= 16 * 1024, seed + " is too big to mutate quickly");
                MemorySegment frame = HapFrames.nativeFrame(arena, bytes);
                HapFrameLayout layout = HapFrameDecoderFuzzTest.parseOrNull(frame);
                assertFalse(layout == null, seed + " does not parse");
                int[] size = HapFrameDecoderFuzzTest.pictureSize(layout);
                long capacityBytes = TextureFormat.DXT5.textureBytes(size[0], size[1]);
                TextureFrame out = TextureFrame.allocate(arena, capacityBytes, capacityBytes);
                assertDoesNotThrow(() -> decoder.decode(frame, size[0], size[1], out), seed.toString());
                assertEquals(layout.planes().size(), out.planeCount());
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "hapring.regenerateFuzzSeeds", matches = "true")
    void regenerateSeeds() throws IOException {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        for (String format : new String[] {"hap", "hap_alpha", "hap_q"}) {
            Spec small = Spec.of(format).size(32, 16).frames(1);
            seeds.put("ffmpeg-" + format + "-stored", first(small.snappy(false)));
            seeds.put("ffmpeg-" + format + "-snappy", first(small));
            seeds.put("ffmpeg-" + format + "-chunks4", first(small.chunks(4)));
            seeds.put(
                    "ffmpeg-" + format + "-noise-chunks4", first(small.chunks(4).noise(true)));
        }
        seeds.put(
                "real-ame-hap1-one-chunk",
                HapTestFrames.packets(RealMedia.movie("gameoverhack_STND_LEFT_BLADIMIRSL_Hap1.mov"))
                        .getFirst());
        int w = 16;
        int h = 8;
        byte[] colour = HapFrames.patternTexture(TextureFormat.YCOCG_DXT5, w, h, 1);
        byte[] alpha = HapFrames.patternTexture(TextureFormat.BC4, w, h, 2);
        byte[] c = HapFrames.chunked(TextureFormat.YCOCG_DXT5, colour).split(2).build();
        byte[] a = HapFrames.snappyTexture(TextureFormat.BC4, alpha, false);
        seeds.put("built-hapm-colour-first", HapFrames.multipleImages(false, c, a));
        seeds.put(
                "built-hapm-alpha-first-long-headers",
                HapFrames.multipleImages(true, a, HapFrames.snappyTexture(TextureFormat.YCOCG_DXT5, colour, true)));
        byte[] bc7 = HapFrames.patternTexture(TextureFormat.BC7, w, h, 3);
        seeds.put(
                "built-bc7-long-headers-offsets-reversed",
                HapFrames.chunked(TextureFormat.BC7, bc7)
                        .split(3)
                        .reverseData()
                        .longHeaders(true, true, true)
                        .compressors(HapFrames.SNAPPY, HapFrames.STORED)
                        .build());
        seeds.put(
                "built-bc7-tables-any-order",
                HapFrames.chunked(TextureFormat.BC7, bc7)
                        .split(2)
                        .offsetTable(true)
                        .tableOrder(4, 3, 2)
                        .unknownSection()
                        .build());
        for (TextureFormat f :
                new TextureFormat[] {TextureFormat.BC6H_UNSIGNED, TextureFormat.BC6H_SIGNED, TextureFormat.BC4}) {
            seeds.put(
                    "built-" + f.name().toLowerCase() + "-snappy",
                    HapFrames.snappyTexture(f, HapFrames.patternTexture(f, w, h, f.ordinal()), false));
        }
        seeds.put(
                "built-hapa-chunked-one",
                HapFrames.chunked(TextureFormat.BC4, alpha).build());
        Path dir = seedDir();
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    private static byte[] first(Spec spec) {
        return HapTestFrames.packets(Ffmpeg.clip(spec)).getFirst();
    }
}
