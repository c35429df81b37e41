package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads bit fields of one 128-bit block (BC6H, BC7): bit 0 is the lowest bit of the block's first
 * byte, fields are read from low to high bits.
 *
 * <p>Not thread-safe: one instance per decoding thread, reloaded for every block.
 */
final class BlockBits {
    static final ValueLayout.OfLong LE64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private long low;
    private long high;
    private int positionBits;

    /** Loads the 16 bytes at {@code offsetBytes} and rewinds to bit 0. */
    void load(MemorySegment block, long offsetBytes) {
        low = block.get(LE64, offsetBytes);
        high = block.get(LE64, offsetBytes + 8);
        positionBits = 0;
    }

    /** The next {@code countBits} (0 to 32) bits as an unsigned value. */
    int read(int countBits) {
        int v = at(positionBits, countBits);
        positionBits += countBits;
        return v;
    }

    void skip(int countBits) {
        positionBits += countBits;
    }

    int positionBits() {
        return positionBits;
    }

    void seek(int positionBits) {
        this.positionBits = positionBits;
    }

    /** {@code countBits} (0 to 32) bits starting at bit {@code fromBit}, unsigned; bits past 127 read as 0. */
    int at(int fromBit, int countBits) {
        if (countBits == 0 || fromBit >= 128) {
            return 0;
        }
        long v;
        if (fromBit >= 64) {
            v = high >>> (fromBit - 64);
        } else if (fromBit == 0) {
            v = low;
        } else {
            v = (low >>> fromBit) | (high << (64 - fromBit));
        }
        return (int) (v & ((1L << countBits) - 1));
    }
}
