package org.hapring.decode;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.xerial.snappy.Snappy;

/**
 * Raw Snappy blocks in off-heap memory, through snappy-java's address-based entry point
 * ({@code Snappy.rawUncompress(long, long, long)}: no copy, no allocation).
 *
 * <p>Snappy's native decoder bounds its writes by the length in the block's varint preamble and
 * its reads by the input size, so it is safe on corrupt data exactly when the destination has room
 * for the preamble's length. Callers therefore parse the preamble here first (the same rule as
 * Snappy's {@code Varint::Parse32WithLimit}) and only call {@link #uncompress} with a destination
 * of exactly that size, inside memory they own, and a source inside the frame.
 *
 * <p>Stateless; any thread.
 */
final class SnappyChunks {
    private static final int MAX_PREAMBLE_BYTES = 5;

    private SnappyChunks() {}

    /**
     * The uncompressed length in the varint preamble of the block at {@code offsetBytes}
     * ({@code storedBytes} long), or -1 when the preamble does not parse inside the block.
     */
    static long uncompressedBytes(MemorySegment frame, long offsetBytes, long storedBytes) {
        long result = 0;
        for (int i = 0; i < MAX_PREAMBLE_BYTES; i++) {
            if (i >= storedBytes) {
                return -1;
            }
            int b = frame.get(ValueLayout.JAVA_BYTE, offsetBytes + i) & 0xFF;
            if (i == MAX_PREAMBLE_BYTES - 1) {
                // the fifth byte holds bits 28..31: anything above 15 does not fit 32 bits
                return b < 16 ? result | (long) b << 28 : -1;
            }
            result |= (long) (b & 0x7F) << (7 * i);
            if (b < 0x80) {
                return result;
            }
        }
        return -1;
    }

    /**
     * Decompresses the block of {@code sourceBytes} at {@code sourceAddress} into exactly
     * {@code destinationBytes} at {@code destinationAddress}. The caller has checked that the
     * preamble says {@code destinationBytes} and that both ranges are inside live memory.
     *
     * @throws IOException when Snappy finds the block corrupt (nothing outside the destination is written)
     */
    static void uncompress(long sourceAddress, long sourceBytes, long destinationAddress, long destinationBytes)
            throws IOException {
        long produced = Snappy.rawUncompress(sourceAddress, sourceBytes, destinationAddress);
        if (produced != destinationBytes) {
            throw new IOException("Snappy produced " + produced + " bytes, the preamble said " + destinationBytes);
        }
    }
}
