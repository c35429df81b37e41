package org.hapring.write;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.xerial.snappy.Snappy;

/**
 * Wraps the texture planes of one frame in HAP sections (see {@link HapEncoding} for the forms).
 * HAP Q Alpha becomes a 0x0D multi-image section holding the colour section, then the alpha section.
 *
 * <pre>
 *   section header, 4-byte form: size (LE24, payload bytes) | type
 *                   8-byte form: 0 0 0 | type | size (LE32)
 *   chunked payload: [0x01 decode instructions: [0x02 compressor per chunk (N bytes)]
 *                                               [0x03 stored size per chunk (N x LE32)]
 *                                               [0x04 offset per chunk from the data start (N x LE32), optional]]
 *                    chunk 0 | chunk 1 | ...
 * </pre>
 *
 * Header sizes are fixed per section when the encoder is made, from the largest payload the section
 * can have: {@code FOUR} fails at construction when that reaches 16 MiB, {@code AUTO} takes 4 bytes
 * below and 8 bytes from there. Nested headers (decode instructions, tables) follow the same choice.
 * Chunks split a plane on block boundaries (chunk i holds blocks [i n / N, (i+1) n / N)). A chunk is
 * stored (0x0A) when Snappy does not make it smaller, as FFmpeg does. Snappy runs through snappy-java
 * on the native addresses of the caller's off-heap memory, after the bounds are checked.
 *
 * <p>Immutable; one instance may be shared by encode workers, each passing its own output memory.
 */
public final class HapFrameEncoder {
    static final int TYPE_MULTI_IMAGE = 0x0D;
    static final int TYPE_DECODE_INSTRUCTIONS = 0x01;
    static final int TYPE_COMPRESSOR_TABLE = 0x02;
    static final int TYPE_SIZE_TABLE = 0x03;
    static final int TYPE_OFFSET_TABLE = 0x04;
    static final int COMPRESSOR_NONE = 0x0A;
    static final int COMPRESSOR_SNAPPY = 0x0B;
    static final int COMPRESSOR_COMPLEX = 0x0C;
    static final long MAX_SHORT_SIZE = 0xFF_FFFFL;

    private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final HapVariant variant;
    private final int widthPixels;
    private final int heightPixels;
    private final HapEncoding encoding;
    private final PlaneLayout[] planes;
    private final int outerHeaderBytes;
    private final long maxFrameBytes;

    /** Plans the sections of a {@code variant} frame of this size; fails when the encoding cannot hold it. */
    public HapFrameEncoder(HapVariant variant, int widthPixels, int heightPixels, HapEncoding encoding) {
        this.variant = variant;
        this.widthPixels = widthPixels;
        this.heightPixels = heightPixels;
        this.encoding = encoding;
        List<TextureFormat> formats = variant.planes();
        this.planes = new PlaneLayout[formats.size()];
        long sectionsMax = 0;
        long buffersMax = 0;
        for (int p = 0; p < planes.length; p++) {
            planes[p] = new PlaneLayout(formats.get(p), formats.get(p).textureBytes(widthPixels, heightPixels));
            sectionsMax += planes[p].headerBytes + planes[p].maxPayloadBytes;
            buffersMax += planes[p].headerBytes + planes[p].instructionsBytes + planes[p].scratchBytes;
        }
        this.outerHeaderBytes = planes.length > 1 ? headerBytesFor(sectionsMax, "multi-image section") : 0;
        this.maxFrameBytes = outerHeaderBytes + buffersMax;
    }

    public HapVariant variant() {
        return variant;
    }

    public HapEncoding encoding() {
        return encoding;
    }

    /** Output memory {@link #encode} needs: room for the worst case of every chunk. */
    public long maxFrameBytes() {
        return maxFrameBytes;
    }

    /**
     * Encodes {@code texture} (this encoder's variant and size) into {@code out} (native memory of at
     * least {@link #maxFrameBytes()}), returns the frame's length in bytes.
     */
    public long encode(TextureFrame texture, MemorySegment out) throws IOException {
        if (!out.isNative() || out.byteSize() < maxFrameBytes) {
            throw new IllegalArgumentException("out must be native memory of at least " + maxFrameBytes + " bytes, got "
                    + out.byteSize() + (out.isNative() ? "" : " on the heap"));
        }
        if (texture.planeCount() != planes.length
                || texture.widthPixels() != widthPixels
                || texture.heightPixels() != heightPixels) {
            throw new IllegalArgumentException("texture is " + texture.widthPixels() + "x" + texture.heightPixels()
                    + " with " + texture.planeCount() + " planes, encoder expects " + widthPixels + "x" + heightPixels
                    + " " + variant + " (" + planes.length + " planes)");
        }
        long pos = outerHeaderBytes;
        for (int p = 0; p < planes.length; p++) {
            MemorySegment plane = texture.plane(p);
            if (texture.format(p) != planes[p].format
                    || plane.byteSize() != planes[p].textureBytes
                    || !plane.isNative()) {
                throw new IllegalArgumentException("plane " + p + " is " + texture.format(p) + " of "
                        + plane.byteSize() + " bytes, expected native " + planes[p].format + " of "
                        + planes[p].textureBytes);
            }
            pos = planes[p].encode(plane, out, pos);
        }
        if (outerHeaderBytes > 0) {
            writeHeader(out, 0, outerHeaderBytes, pos - outerHeaderBytes, TYPE_MULTI_IMAGE);
        }
        return pos;
    }

    /** Writes a section header of {@code headerBytes} (4 or 8) at {@code pos}. */
    static void writeHeader(MemorySegment out, long pos, int headerBytes, long payloadBytes, int type) {
        if (headerBytes == 4) {
            out.set(LE_INT, pos, (int) payloadBytes | type << 24);
        } else {
            out.set(LE_INT, pos, type << 24);
            out.set(LE_INT, pos + 4, (int) payloadBytes);
        }
    }

    private int headerBytesFor(long maxPayloadBytes, String what) {
        if (maxPayloadBytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a " + widthPixels + "x" + heightPixels + " " + variant.cliName() + " "
                    + what + " can reach " + maxPayloadBytes + " bytes, more than HAP's 32-bit section size");
        }
        return switch (encoding.header()) {
            case EIGHT -> 8;
            case AUTO -> maxPayloadBytes <= MAX_SHORT_SIZE ? 4 : 8;
            case FOUR -> {
                if (maxPayloadBytes > MAX_SHORT_SIZE) {
                    throw new IllegalArgumentException("header=4: a " + widthPixels + "x" + heightPixels + " "
                            + variant.cliName() + " " + what + " can reach " + maxPayloadBytes
                            + " bytes; 4-byte section headers hold at most 16 MiB - 1 (" + MAX_SHORT_SIZE
                            + "): use 8-byte headers");
                }
                yield 4;
            }
        };
    }

    /** The fixed plan of one plane's section: chunk boundaries, header and table sizes. */
    private final class PlaneLayout {
        final TextureFormat format;
        final long textureBytes;
        final int chunks;
        final long[] chunkStart;
        final int nestedHeaderBytes;
        final int instructionsBytes;
        final long maxPayloadBytes;
        final int headerBytes;
        final long scratchBytes;

        PlaneLayout(TextureFormat format, long textureBytes) {
            this.format = format;
            this.textureBytes = textureBytes;
            this.chunks = encoding.chunks();
            long blocks = textureBytes / format.blockBytes();
            if (chunks > blocks) {
                throw new IllegalArgumentException("chunks=" + chunks + " exceeds the " + blocks + " blocks of a "
                        + widthPixels + "x" + heightPixels + " " + format + " plane");
            }
            this.chunkStart = new long[chunks + 1];
            long scratch = 0;
            for (int i = 0; i <= chunks; i++) {
                chunkStart[i] = blocks * i / chunks * format.blockBytes();
                if (i > 0) {
                    long len = chunkStart[i] - chunkStart[i - 1];
                    scratch += encoding.compressor() == HapEncoding.Compressor.SNAPPY ? maxSnappyBytes(len) : len;
                }
            }
            this.scratchBytes = scratch;
            if (chunks == 1) {
                this.nestedHeaderBytes = 0;
                this.instructionsBytes = 0;
            } else {
                long tablesMax = (long) chunks * 9 + 3 * 8;
                this.nestedHeaderBytes = headerBytesFor(tablesMax + 8, "decode instructions container");
                int tables = nestedHeaderBytes * 2
                        + chunks * 5
                        + (encoding.offsetTable() ? nestedHeaderBytes + chunks * 4 : 0);
                this.instructionsBytes = nestedHeaderBytes + tables;
            }
            this.maxPayloadBytes = instructionsBytes + textureBytes;
            this.headerBytes = headerBytesFor(maxPayloadBytes, format + " texture section");
        }

        /** Writes this plane's section at {@code pos} of {@code out}; returns the position after it. */
        long encode(MemorySegment texture, MemorySegment out, long pos) throws IOException {
            long dataStart = pos + headerBytes + instructionsBytes;
            long cursor = dataStart;
            int[] compressors = new int[chunks];
            long[] sizes = new long[chunks];
            for (int i = 0; i < chunks; i++) {
                long len = chunkStart[i + 1] - chunkStart[i];
                MemorySegment src = texture.asSlice(chunkStart[i], len);
                long stored = encoding.compressor() == HapEncoding.Compressor.SNAPPY
                        ? Snappy.rawCompress(src.address(), len, out.address() + cursor)
                        : len;
                if (stored >= len) {
                    MemorySegment.copy(src, 0, out, cursor, len);
                    stored = len;
                    compressors[i] = COMPRESSOR_NONE;
                } else {
                    compressors[i] = COMPRESSOR_SNAPPY;
                }
                sizes[i] = stored;
                cursor += stored;
            }
            int type = (chunks == 1 ? compressors[0] : COMPRESSOR_COMPLEX) << 4 | format.hapCode();
            writeHeader(out, pos, headerBytes, cursor - pos - headerBytes, type);
            if (chunks > 1) {
                writeInstructions(out, pos + headerBytes, compressors, sizes);
            }
            return cursor;
        }

        private void writeInstructions(MemorySegment out, long pos, int[] compressors, long[] sizes) {
            int h = nestedHeaderBytes;
            writeHeader(out, pos, h, instructionsBytes - h, TYPE_DECODE_INSTRUCTIONS);
            long p = pos + h;
            writeHeader(out, p, h, chunks, TYPE_COMPRESSOR_TABLE);
            p += h;
            for (int i = 0; i < chunks; i++) {
                out.set(ValueLayout.JAVA_BYTE, p++, (byte) compressors[i]);
            }
            writeHeader(out, p, h, chunks * 4L, TYPE_SIZE_TABLE);
            p += h;
            for (int i = 0; i < chunks; i++, p += 4) {
                out.set(LE_INT, p, (int) sizes[i]);
            }
            if (encoding.offsetTable()) {
                writeHeader(out, p, h, chunks * 4L, TYPE_OFFSET_TABLE);
                p += h;
                long offset = 0;
                for (int i = 0; i < chunks; i++, p += 4) {
                    out.set(LE_INT, p, (int) offset);
                    offset += sizes[i];
                }
            }
        }
    }

    /** Snappy's worst case for {@code len} input bytes, checked against its int-sized API. */
    private static long maxSnappyBytes(long len) {
        if (len > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("chunk of " + len + " bytes is too large for Snappy; use more chunks");
        }
        return Snappy.maxCompressedLength((int) len);
    }
}
