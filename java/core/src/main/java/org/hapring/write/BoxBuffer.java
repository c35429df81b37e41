package org.hapring.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer for QuickTime boxes: {@link #start} writes a box header with a
 * placeholder size and {@link #end} patches the size once the body is written.
 *
 * <p>Single-threaded: owned by whoever builds the boxes.
 */
final class BoxBuffer {
    private byte[] bytes = new byte[256];
    private int length;

    /** Starts a box of type {@code fourcc}; returns the position to pass to {@link #end}. */
    int start(String fourcc) {
        int at = length;
        u32(0);
        fourcc(fourcc);
        return at;
    }

    /** Starts a full box (version and 24-bit flags after the type). */
    int startFull(String fourcc, int version, int flags) {
        int at = start(fourcc);
        u32((long) version << 24 | flags);
        return at;
    }

    void end(int at) {
        int size = length - at;
        bytes[at] = (byte) (size >>> 24);
        bytes[at + 1] = (byte) (size >>> 16);
        bytes[at + 2] = (byte) (size >>> 8);
        bytes[at + 3] = (byte) size;
    }

    void u8(int v) {
        ensure(1);
        bytes[length++] = (byte) v;
    }

    void u16(int v) {
        u8(v >>> 8);
        u8(v);
    }

    void u32(long v) {
        u16((int) (v >>> 16) & 0xFFFF);
        u16((int) v & 0xFFFF);
    }

    void u64(long v) {
        u32(v >>> 32);
        u32(v & 0xFFFF_FFFFL);
    }

    void fourcc(String fourcc) {
        byte[] b = fourcc.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length != 4) {
            throw new IllegalArgumentException("fourcc '" + fourcc + "' is not 4 bytes");
        }
        for (byte x : b) {
            u8(x);
        }
    }

    void zeros(int n) {
        ensure(n);
        length += n;
    }

    /** A Pascal string (length byte, then the bytes) padded with zeros to {@code fieldBytes} (0: no padding). */
    void pascal(String s, int fieldBytes) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        int max = fieldBytes > 0 ? fieldBytes - 1 : 255;
        int n = Math.min(b.length, max);
        u8(n);
        for (int i = 0; i < n; i++) {
            u8(b[i]);
        }
        if (fieldBytes > 0) {
            zeros(fieldBytes - 1 - n);
        }
    }

    /** The QuickTime identity matrix (9 x 32 bits). */
    void identityMatrix() {
        long[] m = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};
        for (long v : m) {
            u32(v);
        }
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }
}
