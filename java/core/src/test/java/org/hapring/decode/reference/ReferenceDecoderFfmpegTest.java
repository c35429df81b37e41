package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFrame;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.Ffmpeg.Spec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes every frame of FFmpeg-made Hap1, Hap5 and HapY clips (test pattern and noise, one and several
 * chunks, 64x48 and 100x60, stored and Snappy) and compares with FFmpeg's own RGBA decode and framemd5:
 * they must be identical.
 */
class ReferenceDecoderFfmpegTest {

    static Stream<Spec> clips() {
        List<Spec> specs = new ArrayList<>();
        for (String format : List.of("hap", "hap_alpha", "hap_q")) {
            Spec base = Spec.of(format).frames(3);
            specs.add(base.snappy(false));
            specs.add(base.snappy(false).chunks(4).noise(true));
            specs.add(base.snappy(false).size(100, 60).noise(true));
            specs.add(base.size(100, 60).chunks(3));
        }
        return specs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clips")
    void everyFrameMatchesFfmpegBitForBit(Spec spec) throws HapFormatException {
        Path clip = Ffmpeg.clip(spec);
        HapVariant variant = HapVariant.fromCliName(spec.format()).orElseThrow();
        assertDecodesLikeFfmpeg(clip, variant, spec.width(), spec.height());
    }

    /** Decodes all frames of {@code clip} and compares with FFmpeg's RGBA and framemd5, frame by frame. */
    static void assertDecodesLikeFfmpeg(Path clip, HapVariant variant, int widthPixels, int heightPixels)
            throws HapFormatException {
        List<byte[]> packets = HapTestFrames.packets(clip);
        byte[] reference = Ffmpeg.decodeRgba(clip);
        List<String> md5Lines = Ffmpeg.framemd5(clip);
        int frameBytes = widthPixels * heightPixels * 4;
        assertEquals(reference.length, packets.size() * frameBytes, "FFmpeg decoded a different number of frames");
        assertEquals(packets.size(), md5Lines.size(), "framemd5 lines");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment rgba = arena.allocate(frameBytes);
            for (int i = 0; i < packets.size(); i++) {
                TextureFrame frame = HapTestFrames.frame(
                        arena, variant, widthPixels, heightPixels, HapTestFrames.planes(packets.get(i)));
                ReferenceDecoder.toRgba(frame, variant, rgba);
                RgbaAssert.assertSameRgba(
                        reference, i * frameBytes, rgba, widthPixels, heightPixels, clip.getFileName() + " frame " + i);
                assertEquals(
                        FrameMd5.hashOfLine(md5Lines.get(i)),
                        FrameMd5.md5Hex(rgba),
                        clip.getFileName() + " frame " + i + " framemd5");
            }
        }
    }
}
