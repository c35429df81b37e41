package org.hapring.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads HAP section headers, in either form, at any nesting level:
 *
 * <pre>
 *   4-byte form   +0 payload size (LE24, not 0)   +3 type
 *   8-byte form   +0 00 00 00                     +3 type   +4 payload size (LE32)
 * </pre>
 *
 * A header is returned packed in one {@code long} (no allocation on the hot path):
 *
 * <pre>
 *   bits  0..31  payload bytes (unsigned)
 *   bits 32..35  header bytes (4 or 8)
 *   bits 40..47  type
 * </pre>
 *
 * <p>Stateless; any thread.
 */
final class HapSectionReader {
    static final int SHORT_HEADER_BYTES = 4;
    static final int LONG_HEADER_BYTES = 8;

    static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private HapSectionReader() {}

    /**
     * Reads the header at {@code offsetBytes}; the header and its whole payload must lie before
     * {@code endOffsetBytes} (the end of the parent section). {@code where} names the parent in errors.
     */
    static long read(MemorySegment frame, long offsetBytes, long endOffsetBytes, String where)
            throws HapFormatException {
        long availableBytes = endOffsetBytes - offsetBytes;
        if (availableBytes < SHORT_HEADER_BYTES) {
            throw new HapFormatException(
                    where + ": a section header needs 4 bytes, only " + availableBytes + " left", offsetBytes);
        }
        long payloadBytes = (frame.get(ValueLayout.JAVA_BYTE, offsetBytes) & 0xFF)
                | (frame.get(ValueLayout.JAVA_BYTE, offsetBytes + 1) & 0xFF) << 8
                | (frame.get(ValueLayout.JAVA_BYTE, offsetBytes + 2) & 0xFF) << 16;
        int type = frame.get(ValueLayout.JAVA_BYTE, offsetBytes + 3) & 0xFF;
        int headerBytes = SHORT_HEADER_BYTES;
        if (payloadBytes == 0) {
            if (availableBytes < LONG_HEADER_BYTES) {
                throw new HapFormatException(
                        String.format(
                                "%s: section type 0x%02X has an 8-byte header" + " but only %d bytes are left",
                                where, type, availableBytes),
                        offsetBytes);
            }
            payloadBytes = Integer.toUnsignedLong(frame.get(LE_INT, offsetBytes + 4));
            headerBytes = LONG_HEADER_BYTES;
        }
        if (payloadBytes > availableBytes - headerBytes) {
            throw new HapFormatException(
                    String.format(
                            "%s: section type 0x%02X declares %d payload bytes"
                                    + " but only %d follow its %d-byte header",
                            where, type, payloadBytes, availableBytes - headerBytes, headerBytes),
                    offsetBytes);
        }
        return payloadBytes | (long) headerBytes << 32 | (long) type << 40;
    }

    static long payloadBytes(long header) {
        return header & 0xFFFF_FFFFL;
    }

    static int headerBytes(long header) {
        return (int) (header >>> 32) & 0xF;
    }

    static int type(long header) {
        return (int) (header >>> 40) & 0xFF;
    }

    /** Offset of the first byte after the section that starts at {@code offsetBytes}. */
    static long endOffset(long offsetBytes, long header) {
        return offsetBytes + headerBytes(header) + payloadBytes(header);
    }

    /** An unsigned little-endian 32-bit table entry. */
    static long uint32(MemorySegment frame, long offsetBytes) {
        return Integer.toUnsignedLong(frame.get(LE_INT, offsetBytes));
    }
}
