package org.hapring.decode.reference;

import java.lang.foreign.MemorySegment;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The per-frame hash that FFmpeg's framemd5 muxer prints: the MD5 of the frame's packed picture bytes
 * (here RGBA, rows top to bottom, no padding), as 32 lower-case hex digits.
 *
 * <p>Stateless; any thread.
 */
public final class FrameMd5 {
    private FrameMd5() {}

    /** MD5 of all bytes of {@code rgba}, as FFmpeg prints it. */
    public static String md5Hex(MemorySegment rgba) {
        MessageDigest md5 = newMd5();
        md5.update(rgba.asByteBuffer());
        return HexFormat.of().formatHex(md5.digest());
    }

    /** MD5 of {@code bytes}, as FFmpeg prints it. */
    public static String md5Hex(byte[] bytes, int offset, int length) {
        MessageDigest md5 = newMd5();
        md5.update(bytes, offset, length);
        return HexFormat.of().formatHex(md5.digest());
    }

    /**
     * The hash of a framemd5 data line ({@code stream, dts, pts, duration, size, hash}), or {@code null}
     * for comment and blank lines.
     */
    public static String hashOfLine(String framemd5Line) {
        String line = framemd5Line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        int comma = line.lastIndexOf(',');
        return line.substring(comma + 1).strip();
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides MD5", e);
        }
    }
}
