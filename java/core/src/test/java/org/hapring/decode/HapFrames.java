package org.hapring.decode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.xerial.snappy.Snappy;

/**
 * Test-only HAP frame builder: every header form (4 or 8 bytes at each level), compressor, chunk
 * table order, offset table or not, stored and Snappy chunks, multiple images. Built from the HAP
 * spec's layout, independently of the parser, so tests can compare a decode with the texture the
 * frame was built from.
 *
 * <p>Any thread (no shared state).
 */
final class HapFrames {
    static final int STORED = 0x0A;
    static final int SNAPPY = 0x0B;

    private HapFrames() {}

    /** A section: 4-byte header (payload 1..0xFFFFFF bytes) or 8-byte header. */
    static byte[] section(int type, byte[] payload, boolean longHeader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (longHeader) {
            out.writeBytes(new byte[] {0, 0, 0, (byte) type});
            out.writeBytes(le32(payload.length));
        } else {
            if (payload.length == 0 || payload.length > 0xFFFFFF) {
                throw new IllegalArgumentException("a 4-byte header cannot say " + payload.length + " bytes");
            }
            out.writeBytes(new byte[] {
                (byte) payload.length, (byte) (payload.length >> 8), (byte) (payload.length >> 16), (byte) type
            });
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    static byte[] le32(long value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] snappy(byte[] data) {
        try {
            return Snappy.compress(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Top-level type byte for a compressor code (0xA/0xB/0xC) and a format. */
    static int type(int compressorNibble, TextureFormat format) {
        return compressorNibble << 4 | format.hapCode();
    }

    /** A 0xAf section holding {@code texture} as it is. */
    static byte[] stored(TextureFormat format, byte[] texture, boolean longHeader) {
        return section(type(0xA, format), texture, longHeader);
    }

    /** A 0xBf section holding {@code texture} as one Snappy block. */
    static byte[] snappyTexture(TextureFormat format, byte[] texture, boolean longHeader) {
        return section(type(0xB, format), snappy(texture), longHeader);
    }

    static byte[] multipleImages(boolean longHeader, byte[]... sections) {
        return section(0x0D, concat(sections), longHeader);
    }

    static Chunked chunked(TextureFormat format, byte[] texture) {
        return new Chunked(format, texture);
    }

    /** Random texture bytes (incompressible) for a picture of this size. */
    static byte[] noiseTexture(TextureFormat format, int widthPixels, int heightPixels, long seed) {
        byte[] t = new byte[(int) format.textureBytes(widthPixels, heightPixels)];
        new SplittableRandom(seed).nextBytes(t);
        return t;
    }

    /** Texture bytes Snappy compresses well: blocks that repeat with slow variation. */
    static byte[] patternTexture(TextureFormat format, int widthPixels, int heightPixels, long seed) {
        byte[] t = new byte[(int) format.textureBytes(widthPixels, heightPixels)];
        SplittableRandom r = new SplittableRandom(seed);
        byte[] block = new byte[format.blockBytes()];
        r.nextBytes(block);
        for (int i = 0; i < t.length; i += block.length) {
            if (r.nextInt(8) == 0) {
                block[r.nextInt(block.length)] = (byte) r.nextInt();
            }
            System.arraycopy(block, 0, t, i, block.length);
        }
        return t;
    }

    /** A native copy of {@code frame} from {@code arena}, exactly as long as the frame. */
    static MemorySegment nativeFrame(Arena arena, byte[] frame) {
        MemorySegment s = arena.allocate(Math.max(1, frame.length), 16).asSlice(0, frame.length);
        MemorySegment.copy(MemorySegment.ofArray(frame), 0, s, 0, frame.length);
        return s;
    }

    static byte[] bytes(MemorySegment s) {
        return s.toArray(ValueLayout.JAVA_BYTE);
    }

    /** Builds a chunked (0xCf) texture section. */
    static final class Chunked {
        private final TextureFormat format;
        private final byte[] texture;
        private int[] chunkBytes;
        private int[] compressors;
        private boolean offsetTable;
        private boolean reverseData;
        private int[] tableOrder;
        private boolean longTop;
        private boolean longInstructions;
        private boolean longTables;
        private boolean unknownSection;

        private Chunked(TextureFormat format, byte[] texture) {
            this.format = format;
            this.texture = texture;
            this.chunkBytes = new int[] {texture.length};
        }

        /** {@code n} chunks of (nearly) equal size, not aligned to blocks. */
        Chunked split(int n) {
            chunkBytes = new int[n];
            for (int i = 0; i < n; i++) {
                chunkBytes[i] = texture.length / n + (i < texture.length % n ? 1 : 0);
            }
            return this;
        }

        /** Each chunk's compressor (0x0A or 0x0B); cycled when shorter than the chunk count. */
        Chunked compressors(int... codes) {
            compressors = codes.clone();
            return this;
        }

        Chunked offsetTable(boolean present) {
            offsetTable = present;
            return this;
        }

        /** Stores the chunk data in reverse order (needs the offset table). */
        Chunked reverseData() {
            reverseData = true;
            offsetTable = true;
            return this;
        }

        /** The order of the table sections (0x02, 0x03, 0x04) inside the decode instructions. */
        Chunked tableOrder(int... types) {
            tableOrder = types.clone();
            return this;
        }

        Chunked longHeaders(boolean top, boolean instructions, boolean tables) {
            longTop = top;
            longInstructions = instructions;
            longTables = tables;
            return this;
        }

        /** Adds a section of an unknown type inside the decode instructions. */
        Chunked unknownSection() {
            unknownSection = true;
            return this;
        }

        byte[] build() {
            int n = chunkBytes.length;
            List<byte[]> stored = new ArrayList<>();
            byte[] compressorTable = new byte[n];
            int pos = 0;
            for (int i = 0; i < n; i++) {
                byte[] raw = Arrays.copyOfRange(texture, pos, pos + chunkBytes[i]);
                pos += chunkBytes[i];
                int code = compressors == null ? SNAPPY : compressors[i % compressors.length];
                compressorTable[i] = (byte) code;
                stored.add(code == SNAPPY ? snappy(raw) : raw);
            }
            ByteArrayOutputStream sizes = new ByteArrayOutputStream();
            ByteArrayOutputStream offsets = new ByteArrayOutputStream();
            long[] offset = new long[n];
            long dataPos = 0;
            for (int k = 0; k < n; k++) {
                int i = reverseData ? n - 1 - k : k;
                offset[i] = dataPos;
                dataPos += stored.get(i).length;
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            for (int k = 0; k < n; k++) {
                data.writeBytes(stored.get(reverseData ? n - 1 - k : k));
            }
            for (int i = 0; i < n; i++) {
                sizes.writeBytes(le32(stored.get(i).length));
                offsets.writeBytes(le32(offset[i]));
            }
            int[] order = tableOrder != null ? tableOrder : offsetTable ? new int[] {2, 3, 4} : new int[] {2, 3};
            ByteArrayOutputStream instructions = new ByteArrayOutputStream();
            if (unknownSection) {
                instructions.writeBytes(section(0x7E, new byte[] {1, 2, 3}, longTables));
            }
            for (int t : order) {
                byte[] body = switch (t) {
                    case 2 -> compressorTable;
                    case 3 -> sizes.toByteArray();
                    case 4 -> offsets.toByteArray();
                    default -> throw new IllegalArgumentException("table type " + t);
                };
                instructions.writeBytes(section(t, body, longTables));
            }
            byte[] instructionsSection = section(0x01, instructions.toByteArray(), longInstructions);
            return section(type(0xC, format), concat(instructionsSection, data.toByteArray()), longTop);
        }
    }
}
