package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;

/**
 * Builds a 128-bit block field by field, lowest bit first, for hand-made BC6H/BC7 test blocks.
 *
 * <p>Not thread-safe: one per block.
 */
final class BitWriter {
    private final byte[] bytes = new byte[16];
    private int positionBits;

    /** Appends the low {@code countBits} bits of {@code value}, lowest first. */
    BitWriter put(long value, int countBits) {
        for (int i = 0; i < countBits; i++) {
            if (((value >>> i) & 1) != 0) {
                bytes[positionBits >>> 3] |= (byte) (1 << (positionBits & 7));
            }
            positionBits++;
        }
        return this;
    }

    int positionBits() {
        return positionBits;
    }

    MemorySegment block() {
        if (positionBits != 128) {
            throw new IllegalStateException("block has " + positionBits + " bits, not 128");
        }
        return MemorySegment.ofArray(bytes.clone());
    }
}
