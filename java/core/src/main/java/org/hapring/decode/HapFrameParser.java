package org.hapring.decode;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Parses the section structure of one HAP frame without decompressing it:
 *
 * <pre>
 *   frame        = texture | multiple-images (0x0D), then possibly trailing bytes
 *   multiple     = 1 or 2 textures (YCoCg DXT5 + BC4 alpha, any order); unknown sections skipped
 *   texture      = type 0xAf (stored) | 0xBf (one Snappy block) | 0xCf (chunked), f = texture format
 *   chunked      = decode instructions (0x01), then the chunk data to the end of the texture section
 *   instructions = compressor table (0x02), size table (0x03), optional offset table (0x04), any order;
 *                  unknown sections skipped; every table with the same number of entries
 * </pre>
 *
 * Every header may be in the 4- or 8-byte form. Everything the decoder later trusts is checked here:
 * each section and chunk lies inside its parent, table entries are consistent, counts are checked
 * against the bytes present before anything grows, and every Snappy chunk's varint preamble parses
 * (that preamble, not the stored size, is the chunk's output size). Errors are
 * {@link HapFormatException}s with the offset from the frame's start.
 *
 * <p>Stateless (state lives in the {@link FramePlan}); any thread.
 */
public final class HapFrameParser {
    static final int TYPE_MULTIPLE_IMAGES = 0x0D;
    static final int TYPE_DECODE_INSTRUCTIONS = 0x01;
    static final int TYPE_COMPRESSOR_TABLE = 0x02;
    static final int TYPE_SIZE_TABLE = 0x03;
    static final int TYPE_OFFSET_TABLE = 0x04;
    /** Chunks per frame at most (Vidvox's encoder stops at 3,355,431, FFmpeg's at 64). */
    static final int MAX_CHUNKS = 1 << 24;

    private HapFrameParser() {}

    /** The layout of {@code frame} (its bytes exactly): for {@code info} and tests, not the hot path. */
    public static HapFrameLayout parse(MemorySegment frame) throws HapFormatException {
        FramePlan plan = new FramePlan();
        parse(frame, plan);
        return plan.toLayout();
    }

    /** Fills {@code plan} from {@code frame}; allocation-free once the plan has grown. */
    static void parse(MemorySegment frame, FramePlan plan) throws HapFormatException {
        long frameBytes = frame.byteSize();
        plan.clear(frameBytes);
        if (frameBytes == 0) {
            throw new HapFormatException("empty frame (0 bytes)", 0);
        }
        long top = HapSectionReader.read(frame, 0, frameBytes, "frame");
        int type = HapSectionReader.type(top);
        plan.topLevelType = type;
        plan.topLevelHeaderBytes = HapSectionReader.headerBytes(top);
        plan.topLevelEndBytes = HapSectionReader.endOffset(0, top);
        if (type == TYPE_MULTIPLE_IMAGES) {
            parseMultipleImages(frame, plan, HapSectionReader.headerBytes(top), plan.topLevelEndBytes);
        } else {
            parseTexture(frame, plan, 0, top);
        }
    }

    private static void parseMultipleImages(MemorySegment frame, FramePlan plan, long startBytes, long endBytes)
            throws HapFormatException {
        long pos = startBytes;
        while (pos < endBytes) {
            long section = HapSectionReader.read(frame, pos, endBytes, "multiple-image section");
            int type = HapSectionReader.type(section);
            if (type == TYPE_MULTIPLE_IMAGES) {
                throw new HapFormatException("a multiple-image section (0x0D) inside another one", pos);
            }
            if (HapCompressor.fromCode(type >>> 4) != null) {
                if (plan.planeCount == FramePlan.MAX_PLANES) {
                    throw new HapFormatException("a multiple-image section holds more than two textures", pos);
                }
                parseTexture(frame, plan, pos, section);
            }
            // Any other type is an unknown section: the HAP spec asks decoders to skip it.
            pos = HapSectionReader.endOffset(pos, section);
        }
        if (plan.planeCount == 0) {
            throw new HapFormatException("the multiple-image section holds no texture", 0);
        }
        if (plan.planeCount == 2) {
            TextureFormat a = plan.format[0];
            TextureFormat b = plan.format[1];
            if (a == TextureFormat.BC4 && b == TextureFormat.YCOCG_DXT5) {
                plan.swapPlanes();
            } else if (a != TextureFormat.YCOCG_DXT5 || b != TextureFormat.BC4) {
                throw new HapFormatException(
                        "the multiple-image section holds " + a + " + " + b
                                + "; the only permitted pair is YCOCG_DXT5 + BC4",
                        plan.sectionOffsetBytes[1]);
            }
        }
    }

    private static void parseTexture(MemorySegment frame, FramePlan plan, long offsetBytes, long section)
            throws HapFormatException {
        int type = HapSectionReader.type(section);
        HapCompressor compressor = HapCompressor.fromCode(type >>> 4);
        if (compressor == null) {
            throw new HapFormatException(
                    String.format(
                            "unknown section type 0x%02X (compressor 0x%X is not" + " 0xA, 0xB or 0xC)",
                            type, type >>> 4),
                    offsetBytes);
        }
        TextureFormat format = TextureFormat.fromHapCode(type & 0x0F);
        if (format == null) {
            throw new HapFormatException(
                    String.format("section type 0x%02X has an unknown texture format 0x%X", type, type & 0x0F),
                    offsetBytes);
        }
        int headerBytes = HapSectionReader.headerBytes(section);
        long payloadOffset = offsetBytes + headerBytes;
        long payloadBytes = HapSectionReader.payloadBytes(section);
        int p = plan.beginPlane(format, compressor, type, offsetBytes, headerBytes);
        switch (compressor) {
            case NONE -> plan.addChunk(p, HapCompressor.NONE.code(), payloadOffset, payloadBytes, payloadBytes);
            case SNAPPY ->
                plan.addChunk(
                        p,
                        HapCompressor.SNAPPY.code(),
                        payloadOffset,
                        payloadBytes,
                        snappyOutputBytes(frame, payloadOffset, payloadBytes, "Snappy texture"));
            case CHUNKED -> parseChunked(frame, plan, p, payloadOffset, payloadOffset + payloadBytes);
        }
    }

    private static void parseChunked(MemorySegment frame, FramePlan plan, int p, long startBytes, long endBytes)
            throws HapFormatException {
        long instructions = HapSectionReader.read(frame, startBytes, endBytes, "chunked texture");
        if (HapSectionReader.type(instructions) != TYPE_DECODE_INSTRUCTIONS) {
            throw new HapFormatException(
                    String.format(
                            "a chunked texture must start with decode instructions"
                                    + " (0x01), found section type 0x%02X",
                            HapSectionReader.type(instructions)),
                    startBytes);
        }
        plan.instructionsHeaderBytes[p] = HapSectionReader.headerBytes(instructions);
        long dataOffset = HapSectionReader.endOffset(startBytes, instructions);
        long compressorTable = -1;
        long sizeTable = -1;
        long offsetTable = -1;
        long count = -1;
        long pos = startBytes + plan.instructionsHeaderBytes[p];
        while (pos < dataOffset) {
            long table = HapSectionReader.read(frame, pos, dataOffset, "decode instructions");
            int headerBytes = HapSectionReader.headerBytes(table);
            long bodyOffset = pos + headerBytes;
            long bodyBytes = HapSectionReader.payloadBytes(table);
            long entries = -1;
            switch (HapSectionReader.type(table)) {
                case TYPE_COMPRESSOR_TABLE -> {
                    requireFirst(compressorTable, "compressor", pos);
                    compressorTable = bodyOffset;
                    plan.compressorTableHeaderBytes[p] = headerBytes;
                    entries = bodyBytes;
                }
                case TYPE_SIZE_TABLE -> {
                    requireFirst(sizeTable, "size", pos);
                    sizeTable = bodyOffset;
                    plan.sizeTableHeaderBytes[p] = headerBytes;
                    entries = fourByteEntries(bodyBytes, "size", pos);
                }
                case TYPE_OFFSET_TABLE -> {
                    requireFirst(offsetTable, "offset", pos);
                    offsetTable = bodyOffset;
                    plan.offsetTableHeaderBytes[p] = headerBytes;
                    entries = fourByteEntries(bodyBytes, "offset", pos);
                }
                default -> {
                    // unknown section inside the instructions: skipped, as the HAP spec asks
                }
            }
            if (entries >= 0) {
                if (count >= 0 && entries != count) {
                    throw new HapFormatException(
                            "chunk tables disagree: one has " + count + " entries, the table" + " here has " + entries,
                            pos);
                }
                count = entries;
            }
            pos = bodyOffset + bodyBytes;
        }
        if (compressorTable < 0 || sizeTable < 0) {
            throw new HapFormatException(
                    "decode instructions without a chunk "
                            + (compressorTable < 0 ? "compressor table (0x02)" : "size table (0x03)"),
                    startBytes);
        }
        if (count == 0) {
            throw new HapFormatException("the chunk tables are empty", startBytes);
        }
        if (count > MAX_CHUNKS - plan.totalChunks) {
            throw new HapFormatException(
                    "the chunk tables list " + count + " chunks, more than the " + MAX_CHUNKS + " a frame may have",
                    startBytes);
        }
        // count <= the compressor table's bytes present in the frame: the plan grows in proportion to the input
        plan.ensureRoomFor((int) count);
        addChunks(frame, plan, p, (int) count, compressorTable, sizeTable, offsetTable, dataOffset, endBytes);
    }

    private static void addChunks(
            MemorySegment frame,
            FramePlan plan,
            int p,
            int count,
            long compressorTable,
            long sizeTable,
            long offsetTable,
            long dataOffset,
            long dataEnd)
            throws HapFormatException {
        long dataBytes = dataEnd - dataOffset;
        long runningOffset = 0;
        for (int i = 0; i < count; i++) {
            long storedBytes = HapSectionReader.uint32(frame, sizeTable + 4L * i);
            long relative = offsetTable >= 0 ? HapSectionReader.uint32(frame, offsetTable + 4L * i) : runningOffset;
            if (relative > dataBytes || storedBytes > dataBytes - relative) {
                throw new HapFormatException(
                        "chunk " + i + ": " + storedBytes + " bytes at data offset " + relative
                                + " run past the end of the chunk data (" + dataBytes + " bytes)",
                        offsetTable >= 0 ? offsetTable + 4L * i : sizeTable + 4L * i);
            }
            runningOffset = relative + storedBytes;
            long chunkOffset = dataOffset + relative;
            int code = frame.get(ValueLayout.JAVA_BYTE, compressorTable + i) & 0xFF;
            long outputBytes;
            if (code == HapCompressor.NONE.code()) {
                outputBytes = storedBytes;
            } else if (code == HapCompressor.SNAPPY.code()) {
                outputBytes = snappyOutputBytes(frame, chunkOffset, storedBytes, "Snappy chunk");
            } else {
                throw new HapFormatException(
                        String.format("chunk %d: unknown compressor 0x%02X (not 0x0A or 0x0B)", i, code),
                        compressorTable + i);
            }
            plan.addChunk(p, code, chunkOffset, storedBytes, outputBytes);
        }
    }

    private static long snappyOutputBytes(MemorySegment frame, long offsetBytes, long storedBytes, String what)
            throws HapFormatException {
        long n = SnappyChunks.uncompressedBytes(frame, offsetBytes, storedBytes);
        if (n < 0) {
            throw new HapFormatException(
                    what + " of " + storedBytes + " bytes has no valid Snappy length preamble", offsetBytes);
        }
        return n;
    }

    private static void requireFirst(long previousOffset, String table, long offsetBytes) throws HapFormatException {
        if (previousOffset >= 0) {
            throw new HapFormatException("a second chunk " + table + " table", offsetBytes);
        }
    }

    private static long fourByteEntries(long bodyBytes, String table, long offsetBytes) throws HapFormatException {
        if (bodyBytes % 4 != 0) {
            throw new HapFormatException(
                    "the chunk " + table + " table is " + bodyBytes + " bytes, not a multiple of 4", offsetBytes);
        }
        return bodyBytes / 4;
    }
}
