package org.hapring.mov;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.hapring.testing.Ffmpeg;
import org.hapring.testing.RealMedia;
import org.junit.jupiter.api.Test;

/** The tkhd and mvhd matrices are read from where QuickTime puts them, for box versions 0 and 1. */
class DisplayMatrixTest {

    /** The nine big-endian ints at {@code payloadOffset} bytes after the first {@code boxType} box's header. */
    private static DisplayMatrix rawMatrix(Path file, String boxType, int payloadOffsetV0, int payloadOffsetV1)
            throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] all = new byte[(int) raf.length()];
            raf.readFully(all);
            String text = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
            int type = text.indexOf(boxType);
            int payload = type + 4;
            int at = payload + (all[payload] == 1 ? payloadOffsetV1 : payloadOffsetV0);
            int[] m = new int[9];
            for (int i = 0; i < 9; i++) {
                int p = at + 4 * i;
                m[i] = (all[p] & 0xFF) << 24
                        | (all[p + 1] & 0xFF) << 16
                        | (all[p + 2] & 0xFF) << 8
                        | (all[p + 3] & 0xFF);
            }
            return new DisplayMatrix(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
        }
    }

    @Test
    void realFileWithAnOddMatrixReportsItAsStored() throws IOException {
        Path hapm = RealMedia.movie("bluecadet_hapm.mov");
        SampleTable video = MovReader.open(hapm).video();
        DisplayMatrix track = video.displayMatrix();
        assertEquals(rawMatrix(hapm, "tkhd", 40, 52), track);
        assertEquals(rawMatrix(hapm, "mvhd", 36, 48), video.movieDisplayMatrix());
        assertEquals(0x10000, track.a());
        assertEquals(16777216, track.c());
        assertEquals(false, track.isIdentity());
        assertEquals(track, MovReader.open(hapm).tracks().get(0).displayMatrix());
    }

    @Test
    void ffmpegClipsHaveTheIdentity() throws IOException {
        Path clip = Ffmpeg.clip(Ffmpeg.Spec.of("hap"));
        SampleTable video = MovReader.open(clip).video();
        assertTrue(video.displayMatrix().isIdentity(), video.displayMatrix().toString());
        assertTrue(
                video.movieDisplayMatrix().isIdentity(),
                video.movieDisplayMatrix().toString());
        assertEquals(9, DisplayMatrix.IDENTITY.toArray().length);
    }
}
