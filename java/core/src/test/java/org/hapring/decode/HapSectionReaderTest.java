package org.hapring.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Section headers in both forms, and the bounds they must respect. */
class HapSectionReaderTest {
    private static long read(byte[] bytes, long offset, long end) throws HapFormatException {
        return HapSectionReader.read(MemorySegment.ofArray(bytes), offset, end, "test");
    }

    @Test
    void fourByteHeader() throws HapFormatException {
        byte[] b = {3, 0, 0, (byte) 0xBB, 7, 7, 7};
        long h = read(b, 0, b.length);
        assertEquals(3, HapSectionReader.payloadBytes(h));
        assertEquals(4, HapSectionReader.headerBytes(h));
        assertEquals(0xBB, HapSectionReader.type(h));
        assertEquals(7, HapSectionReader.endOffset(0, h));
    }

    @Test
    void fourByteHeaderUsesAll24Bits() throws HapFormatException {
        byte[] b = new byte[4 + 0x030201];
        b[0] = 1;
        b[1] = 2;
        b[2] = 3;
        b[3] = 0x0D;
        assertEquals(0x030201, HapSectionReader.payloadBytes(read(b, 0, b.length)));
    }

    @Test
    void eightByteHeaderIncludingAnEmptyPayload() throws HapFormatException {
        byte[] b = {0, 0, 0, 0x02, 2, 0, 0, 0, 9, 9, 0, 0, 0, 0x04, 0, 0, 0, 0};
        long first = read(b, 0, b.length);
        assertEquals(2, HapSectionReader.payloadBytes(first));
        assertEquals(8, HapSectionReader.headerBytes(first));
        assertEquals(0x02, HapSectionReader.type(first));
        long second = read(b, 10, b.length);
        assertEquals(0, HapSectionReader.payloadBytes(second));
        assertEquals(0x04, HapSectionReader.type(second));
        assertEquals(18, HapSectionReader.endOffset(10, second));
    }

    @Test
    void aPayloadSizeAbove2GiBIsUnsigned() {
        byte[] b = {0, 0, 0, (byte) 0xAB, 0, 0, 0, (byte) 0x80};
        HapFormatException e = assertThrows(HapFormatException.class, () -> read(b, 0, b.length));
        assertEquals(0, e.frameOffsetBytes());
        assertEquals(true, e.getMessage().contains("2147483648"), e.getMessage());
    }

    @Test
    void theParentsEndBoundsTheSection() {
        byte[] b = {4, 0, 0, 0x01, 1, 2, 3, 4, 0, 0};
        assertThrows(HapFormatException.class, () -> read(b, 0, 7));
        HapFormatException tooShort = assertThrows(HapFormatException.class, () -> read(b, 7, 10));
        assertEquals(7, tooShort.frameOffsetBytes());
    }
}
