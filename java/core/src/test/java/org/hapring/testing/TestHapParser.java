package org.hapring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.xerial.snappy.Snappy;

/**
 * A strict HAP frame parser for tests, written from the HAP specification independently of the
 * project's writer: it records the structure (type bytes, header sizes, chunk tables) and returns
 * the texture of every plane, failing with {@link IllegalStateException} on anything inconsistent
 * (sizes that do not add up, tables that disagree, offsets that are not where the sizes say).
 *
 * <p>Stateless; any thread.
 */
public final class TestHapParser {
    private TestHapParser() {}

    /** One texture section. {@code chunk*} fields are null for 0xA?/0xB? sections. */
    public record Plane(
            int type,
            int headerBytes,
            int[] chunkCompressors,
            long[] chunkSizes,
            long[] chunkOffsets,
            int nestedHeaderBytes,
            byte[] texture) {
        public int compressorNibble() {
            return type >>> 4;
        }
    }

    /** A frame: the 0x0D wrapper's header size ({@code 0} when the frame is a single texture section) and the planes. */
    public record Frame(int outerHeaderBytes, List<Plane> planes) {}

    private record Header(int type, int headerBytes, long payloadBytes) {}

    /** Parses a whole frame of {@code variant} for a picture of this size. */
    public static Frame parse(byte[] frame, HapVariant variant, int w, int h) {
        List<TextureFormat> formats = variant.planes();
        if (formats.size() == 1) {
            Header top = header(frame, 0, frame.length);
            check(
                    top.headerBytes() + top.payloadBytes() == frame.length,
                    "section size " + top.payloadBytes() + " + header " + top.headerBytes() + " != frame size "
                            + frame.length);
            return new Frame(0, List.of(plane(frame, 0, top, formats.get(0), w, h)));
        }
        Header outer = header(frame, 0, frame.length);
        check(outer.type() == 0x0D, "multi-image frame starts with type " + hex(outer.type()));
        check(outer.headerBytes() + outer.payloadBytes() == frame.length, "multi-image size does not fill the frame");
        List<Plane> planes = new ArrayList<>();
        long pos = outer.headerBytes();
        for (TextureFormat f : formats) {
            Header s = header(frame, pos, frame.length);
            planes.add(plane(frame, pos, s, f, w, h));
            pos += s.headerBytes() + s.payloadBytes();
        }
        check(pos == frame.length, "multi-image payload has " + (frame.length - pos) + " bytes after its sections");
        return new Frame(outer.headerBytes(), planes);
    }

    private static Plane plane(byte[] frame, long pos, Header s, TextureFormat f, int w, int h) {
        check((s.type() & 0x0F) == f.hapCode(), "texture format " + hex(s.type()) + ", expected " + f);
        long expected = f.textureBytes(w, h);
        long payload = pos + s.headerBytes();
        long end = payload + s.payloadBytes();
        int compressor = s.type() >>> 4;
        if (compressor == 0xA) {
            check(
                    s.payloadBytes() == expected,
                    "stored texture of " + s.payloadBytes() + " bytes, expected " + expected);
            return new Plane(s.type(), s.headerBytes(), null, null, null, 0, slice(frame, payload, expected));
        }
        if (compressor == 0xB) {
            byte[] tex = snappy(frame, payload, s.payloadBytes(), expected);
            return new Plane(s.type(), s.headerBytes(), null, null, null, 0, tex);
        }
        check(compressor == 0xC, "unknown compressor nibble in " + hex(s.type()));
        Header instr = header(frame, payload, end);
        check(instr.type() == 0x01, "chunked section starts with " + hex(instr.type()) + ", not decode instructions");
        long p = payload + instr.headerBytes();
        long instrEnd = p + instr.payloadBytes();
        int[] compressors = null;
        long[] sizes = null;
        long[] offsets = null;
        while (p < instrEnd) {
            Header t = header(frame, p, instrEnd);
            check(t.headerBytes() == instr.headerBytes(), "nested headers of different sizes");
            long body = p + t.headerBytes();
            switch (t.type()) {
                case 0x02 -> {
                    compressors = new int[(int) t.payloadBytes()];
                    for (int i = 0; i < compressors.length; i++) {
                        compressors[i] = frame[(int) body + i] & 0xFF;
                    }
                }
                case 0x03 -> sizes = le32Table(frame, body, t.payloadBytes());
                case 0x04 -> offsets = le32Table(frame, body, t.payloadBytes());
                default -> throw new IllegalStateException("unknown table " + hex(t.type()));
            }
            p = body + t.payloadBytes();
        }
        check(p == instrEnd, "decode instructions overrun");
        check(compressors != null && sizes != null, "chunked section without compressor or size table");
        check(
                compressors.length == sizes.length && (offsets == null || offsets.length == sizes.length),
                "chunk tables disagree on the chunk count");
        long dataStart = instrEnd;
        long running = 0;
        byte[] texture = new byte[(int) expected];
        int filled = 0;
        for (int i = 0; i < sizes.length; i++) {
            long at = offsets != null ? offsets[i] : running;
            check(at == running, "chunk " + i + " offset " + at + " is not the running sum " + running);
            byte[] chunk;
            if (compressors[i] == 0x0A) {
                chunk = slice(frame, dataStart + at, sizes[i]);
            } else {
                check(compressors[i] == 0x0B, "chunk " + i + " compressor " + hex(compressors[i]));
                chunk = snappy(frame, dataStart + at, sizes[i], expected - filled);
            }
            check(filled + chunk.length <= expected, "chunks exceed the texture size");
            System.arraycopy(chunk, 0, texture, filled, chunk.length);
            filled += chunk.length;
            running += sizes[i];
        }
        check(dataStart + running == end, "chunk sizes " + running + " do not fill the section");
        check(filled == expected, "chunks hold " + filled + " texture bytes, expected " + expected);
        return new Plane(s.type(), s.headerBytes(), compressors, sizes, offsets, instr.headerBytes(), texture);
    }

    private static Header header(byte[] b, long pos, long limit) {
        check(pos + 4 <= limit, "no room for a section header at " + pos);
        int at = (int) pos;
        long size = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
        int type = b[at + 3] & 0xFF;
        int headerBytes = 4;
        if (size == 0) {
            check(pos + 8 <= limit, "no room for an 8-byte section header at " + pos);
            size = le32(b, at + 4);
            headerBytes = 8;
        }
        check(pos + headerBytes + size <= limit, "section at " + pos + " of " + size + " bytes runs past " + limit);
        return new Header(type, headerBytes, size);
    }

    private static long[] le32Table(byte[] b, long pos, long bytes) {
        check(bytes % 4 == 0, "table of " + bytes + " bytes is not whole 32-bit entries");
        long[] t = new long[(int) (bytes / 4)];
        for (int i = 0; i < t.length; i++) {
            t[i] = le32(b, (int) pos + 4 * i);
        }
        return t;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    private static byte[] snappy(byte[] frame, long pos, long len, long maxOut) {
        try {
            check(Snappy.isValidCompressedBuffer(frame, (int) pos, (int) len), "invalid Snappy data at " + pos);
            int n = Snappy.uncompressedLength(frame, (int) pos, (int) len);
            check(n <= maxOut, "Snappy chunk of " + n + " bytes exceeds the " + maxOut + " left in the texture");
            byte[] out = new byte[n];
            Snappy.uncompress(frame, (int) pos, (int) len, out, 0);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] slice(byte[] b, long pos, long len) {
        return Arrays.copyOfRange(b, (int) pos, (int) (pos + len));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("bad HAP frame: " + message);
        }
    }

    private static String hex(int v) {
        return String.format("0x%02X", v);
    }
}
