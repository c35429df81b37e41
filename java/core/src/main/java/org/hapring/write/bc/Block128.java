package org.hapring.write.bc;

import java.lang.foreign.MemorySegment;

/**
 * A 128-bit block assembled field by field, least significant bit first (BC6H and BC7 bit order),
 * then stored little-endian.
 *
 * <p>Single-threaded: one instance per encoder.
 */
final class Block128 {
    private long lo;
    private long hi;
    private int position;

    void clear() {
        lo = 0;
        hi = 0;
        position = 0;
    }

    /** Appends the low {@code bits} bits of {@code value}. */
    void put(int value, int bits) {
        long v = value & ((1L << bits) - 1);
        if (position >= 64) {
            hi |= v << (position - 64);
        } else {
            lo |= v << position;
            if (position + bits > 64) {
                hi |= v >>> (64 - position);
            }
        }
        position += bits;
    }

    int position() {
        return position;
    }

    void store(MemorySegment dst, long offsetBytes) {
        if (position != 128) {
            throw new IllegalStateException("block has " + position + " bits, not 128");
        }
        dst.set(Dxt1Encoder.LE_LONG, offsetBytes, lo);
        dst.set(Dxt1Encoder.LE_LONG, offsetBytes + 8, hi);
    }
}
