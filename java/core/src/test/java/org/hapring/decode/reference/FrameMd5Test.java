package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** MD5 as framemd5 prints it (RFC 1321 test vectors), off-heap and on-heap, and framemd5 line parsing. */
class FrameMd5Test {

    @Test
    void rfc1321Vectors() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", FrameMd5.md5Hex(MemorySegment.ofArray(new byte[0])));
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertEquals("900150983cd24fb0d6963f7d28e17f72", FrameMd5.md5Hex(abc, 0, 3));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment offHeap = arena.allocate(3);
            offHeap.copyFrom(MemorySegment.ofArray(abc));
            assertEquals("900150983cd24fb0d6963f7d28e17f72", FrameMd5.md5Hex(offHeap));
        }
    }

    @Test
    void parsesDataLinesAndSkipsComments() {
        assertEquals(
                "2e03cbdf9f90c1e7b4c6e490b621761c",
                FrameMd5.hashOfLine("0,          0,          0,        1,   921600, 2e03cbdf9f90c1e7b4c6e490b621761c"));
        assertNull(FrameMd5.hashOfLine("#hash: MD5"));
        assertNull(FrameMd5.hashOfLine("   "));
    }
}
