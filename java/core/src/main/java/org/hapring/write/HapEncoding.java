package org.hapring.write;

/**
 * How texture planes become a HAP frame: the second-stage compressor, the chunk count, the section
 * header size and whether chunked frames carry the optional offset table. Validated on creation.
 *
 * <pre>
 *   compressor NONE,   chunks 1   0xA? section: the texture as it is
 *   compressor SNAPPY, chunks 1   0xB? section: one Snappy block (0xA? when Snappy does not shrink it)
 *   any compressor,    chunks N>1 0xC? section: decode instructions (compressor table, size table,
 *                                 optional offset table) then N chunks, each Snappy (0x0B) or stored (0x0A)
 * </pre>
 *
 * <p>Immutable; any thread.
 */
public record HapEncoding(Compressor compressor, int chunks, HeaderSize header, boolean offsetTable) {
    /** Largest chunk count accepted. */
    public static final int MAX_CHUNKS = 256;

    /** Second-stage compressors. */
    public enum Compressor {
        NONE,
        SNAPPY
    }

    /** Section header sizes: 4 bytes (24-bit size), 8 bytes (32-bit size), or 4 where the section always fits. */
    public enum HeaderSize {
        AUTO,
        FOUR,
        EIGHT
    }

    public HapEncoding {
        if (compressor == null || header == null) {
            throw new IllegalArgumentException("compressor and header must be given");
        }
        if (chunks < 1 || chunks > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunks=" + chunks + " is outside 1.." + MAX_CHUNKS);
        }
    }

    /** Snappy, one chunk, automatic headers: what most HAP encoders write for HD. */
    public static HapEncoding defaults() {
        return new HapEncoding(Compressor.SNAPPY, 1, HeaderSize.AUTO, false);
    }

    public HapEncoding withCompressor(Compressor c) {
        return new HapEncoding(c, chunks, header, offsetTable);
    }

    public HapEncoding withChunks(int n) {
        return new HapEncoding(compressor, n, header, offsetTable);
    }

    public HapEncoding withHeader(HeaderSize h) {
        return new HapEncoding(compressor, chunks, h, offsetTable);
    }

    public HapEncoding withOffsetTable(boolean t) {
        return new HapEncoding(compressor, chunks, header, t);
    }
}
