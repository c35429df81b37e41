package org.hapring.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyNative;

/** The Java preamble parser agrees with Snappy's own, and the address-based call decodes in place. */
class SnappyChunksTest {
    @Test
    void preambleParsingAgreesWithSnappyOnRandomAndEdgeCases() throws IOException {
        // Snappy's C++ GetUncompressedLength, without the plausibility check snappy-java's wrapper adds
        Snappy.getNativeLibraryVersion();
        SnappyNative snappy = new SnappyNative();
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[1 + r.nextInt(6)];
            for (int k = 0; k < b.length; k++) {
                // mostly continuation bytes, so that long and overlong varints are common
                b[k] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : 0x80 | r.nextInt(128));
            }
            if (r.nextBoolean()) {
                b[b.length - 1] &= 0x7F;
            }
            long ours = SnappyChunks.uncompressedBytes(MemorySegment.ofArray(b), 0, b.length);
            long theirs;
            try {
                theirs = Integer.toUnsignedLong(snappy.uncompressedLength(b, 0, b.length));
            } catch (IOException e) {
                theirs = -1;
            }
            assertEquals(theirs, ours, () -> java.util.HexFormat.of().formatHex(b));
        }
    }

    @Test
    void fiveBytePreambles() {
        byte[] max = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        assertEquals(0xFFFF_FFFFL, SnappyChunks.uncompressedBytes(MemorySegment.ofArray(max), 0, 5));
        byte[] over = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x10};
        assertEquals(-1, SnappyChunks.uncompressedBytes(MemorySegment.ofArray(over), 0, 5));
        assertEquals(-1, SnappyChunks.uncompressedBytes(MemorySegment.ofArray(max), 0, 4));
    }

    @Test
    void uncompressesBetweenNativeAddresses() throws IOException {
        byte[] data = new byte[100_000];
        new SplittableRandom(7).nextBytes(data);
        System.arraycopy(data, 0, data, 50_000, 40_000);
        byte[] packed = Snappy.compress(data);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment src = HapFrames.nativeFrame(arena, packed);
            MemorySegment dst = arena.allocate(data.length);
            assertEquals(data.length, SnappyChunks.uncompressedBytes(src, 0, packed.length));
            SnappyChunks.uncompress(src.address(), packed.length, dst.address(), data.length);
            assertEquals(-1, MemorySegment.ofArray(data).mismatch(dst));
            assertThrows(
                    IOException.class,
                    () -> SnappyChunks.uncompress(src.address(), packed.length / 2, dst.address(), data.length));
        }
    }
}
