package org.hapring.decode;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * What a HAP frame holds, as read by {@link HapFrameParser#parse(MemorySegment)} without
 * decompressing anything: the top-level section, then per texture plane its format, compressor,
 * the header size (4 or 8 bytes) used at every level, and its chunks. For {@code info} and tests.
 *
 * <p>Planes are in decode order: for a multiple-image frame (HapM) the colour texture is plane 0 and
 * the BC4 alpha texture plane 1, whatever order the frame stores them in ({@link Plane#sectionOffsetBytes}
 * tells the stored order).
 *
 * <p>Immutable; any thread.
 *
 * @param frameBytes size of the frame (the sample), bytes
 * @param topLevelType type byte of the top-level section (0x0D for multiple images)
 * @param topLevelHeaderBytes 4 or 8
 * @param trailingBytes bytes after the top-level section (tolerated, as Vidvox's and FFmpeg's decoders do)
 * @param planes one or two texture planes
 */
public record HapFrameLayout(
        long frameBytes, int topLevelType, int topLevelHeaderBytes, long trailingBytes, List<Plane> planes) {

    public HapFrameLayout {
        planes = List.copyOf(planes);
    }

    /** True when the top-level section is a multiple-image section (0x0D). */
    public boolean multipleImages() {
        return topLevelType == HapFrameParser.TYPE_MULTIPLE_IMAGES;
    }

    /** Bytes of texture data as stored (chunk bytes, compressed or not) over all planes. */
    public long compressedBytes() {
        long total = 0;
        for (Plane p : planes) {
            total += p.compressedBytes();
        }
        return total;
    }

    /** Texture bytes the frame decompresses to, over all planes. */
    public long textureBytes() {
        long total = 0;
        for (Plane p : planes) {
            total += p.textureBytes();
        }
        return total;
    }

    /**
     * One texture plane.
     *
     * @param format texture format (low nibble of the section type)
     * @param compressor NONE, SNAPPY, or CHUNKED (high nibble of the section type)
     * @param sectionType the texture section's type byte, e.g. 0xCF
     * @param sectionOffsetBytes where the texture section's header starts in the frame
     * @param sectionHeaderBytes 4 or 8
     * @param instructionsHeaderBytes header of the decode instructions container (0x01); 0 unless CHUNKED
     * @param compressorTableHeaderBytes header of the chunk compressor table (0x02); 0 unless CHUNKED
     * @param sizeTableHeaderBytes header of the chunk size table (0x03); 0 unless CHUNKED
     * @param offsetTableHeaderBytes header of the chunk offset table (0x04); 0 when it is absent
     * @param chunks the chunks in table order (one chunk for NONE and SNAPPY sections)
     */
    public record Plane(
            TextureFormat format,
            HapCompressor compressor,
            int sectionType,
            long sectionOffsetBytes,
            int sectionHeaderBytes,
            int instructionsHeaderBytes,
            int compressorTableHeaderBytes,
            int sizeTableHeaderBytes,
            int offsetTableHeaderBytes,
            List<Chunk> chunks) {

        public Plane {
            chunks = List.copyOf(chunks);
        }

        public int chunkCount() {
            return chunks.size();
        }

        /** True when a chunk offset table (0x04) is present. */
        public boolean hasOffsetTable() {
            return offsetTableHeaderBytes != 0;
        }

        /** Stored bytes of all chunks. */
        public long compressedBytes() {
            long total = 0;
            for (Chunk c : chunks) {
                total += c.storedBytes();
            }
            return total;
        }

        /** Bytes the plane decompresses to (sum of the chunks' uncompressed sizes). */
        public long textureBytes() {
            long total = 0;
            for (Chunk c : chunks) {
                total += c.uncompressedBytes();
            }
            return total;
        }
    }

    /**
     * One chunk of a plane.
     *
     * @param compressor NONE (stored) or SNAPPY
     * @param offsetBytes where the chunk's stored bytes start in the frame
     * @param storedBytes bytes stored in the frame
     * @param uncompressedBytes bytes it decompresses to (Snappy's preamble, or the stored size)
     */
    public record Chunk(HapCompressor compressor, long offsetBytes, long storedBytes, long uncompressedBytes) {}
}
