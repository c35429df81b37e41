package org.hapring.mov;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The bytes of one {@code moov} box (header included) read into the heap in one go, with the file
 * offset of its first byte: bounds-checked child-box iteration, big-endian field reads and
 * {@link MovFormatException}s that name the file, the box path and the absolute offset.
 *
 * <p>Used by the one thread that parses the file; not thread-safe.
 */
final class MoovBuffer {
    private static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BE_SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private final Path file;
    private final byte[] bytes;
    private final long fileOffset;

    /**
     * @param bytes the whole moov box, header included
     * @param fileOffset where {@code bytes[0]} sits in the file
     */
    MoovBuffer(Path file, byte[] bytes, long fileOffset) {
        this.file = file;
        this.bytes = bytes;
        this.fileOffset = fileOffset;
    }

    Path file() {
        return file;
    }

    /** The absolute file offset of {@code bytes[index]}. */
    long fileOffset(int index) {
        return fileOffset + index;
    }

    /** The moov box itself, its header being {@code headerBytes} (8, or 16 for a 64-bit size) long. */
    Box root(int headerBytes) {
        return new Box(Fourcc.MOOV, "moov", 0, headerBytes, bytes.length);
    }

    MovFormatException error(Box box, int index, String reason) {
        return new MovFormatException(file, box.path(), fileOffset(index), reason);
    }

    // Unchecked big-endian reads: callers have called need() for the bytes they read.

    int u8(int index) {
        return bytes[index] & 0xFF;
    }

    int u16(int index) {
        return ((short) BE_SHORT.get(bytes, index)) & 0xFFFF;
    }

    int s32(int index) {
        return (int) BE_INT.get(bytes, index);
    }

    long u32(int index) {
        return ((int) BE_INT.get(bytes, index)) & 0xFFFF_FFFFL;
    }

    long s64(int index) {
        return (long) BE_LONG.get(bytes, index);
    }

    /** Fails unless {@code box}'s payload holds {@code count} bytes from {@code payloadOffset} on. */
    void need(Box box, int payloadOffset, long count, String what) throws MovFormatException {
        if (payloadOffset < 0 || count < 0 || payloadOffset + count > box.payloadBytes()) {
            throw error(
                    box,
                    box.start(),
                    "'" + box.name() + "' payload is " + box.payloadBytes() + " bytes, too short for " + what + " ("
                            + count + " bytes at payload offset " + payloadOffset + ")");
        }
    }

    /**
     * Fails unless {@code count} entries of {@code entryBytes} fit in the box's payload after its
     * {@code headerBytes}-byte table header, whose last 4 bytes are the count (the offset the error names).
     * Call before allocating anything sized by {@code count}.
     */
    void checkTable(Box box, int headerBytes, long count, int entryBytes, String what) throws MovFormatException {
        need(box, 0, headerBytes, "its header");
        long available = box.payloadBytes() - headerBytes;
        if (count > available / entryBytes) {
            throw error(
                    box,
                    box.payloadStart() + headerBytes - 4,
                    "entry count " + count + " needs " + count + " x " + entryBytes + " bytes of " + what
                            + " but the box holds only " + available);
        }
    }

    /** The version byte of a full box (its payload's first byte), after checking the payload is long enough. */
    int version(Box box, int minPayloadBytes) throws MovFormatException {
        need(box, 0, Math.max(4, minPayloadBytes), "its fields");
        return u8(box.payloadStart());
    }

    /** The child boxes of {@code parent}, from its payload's start. */
    Cursor children(Box parent) {
        return new Cursor(parent, parent.payloadStart());
    }

    /** The child boxes of {@code parent}, from {@code index} on (e.g. the entries after an entry count). */
    Cursor children(Box parent, int index) {
        return new Cursor(parent, index);
    }

    /**
     * Walks the boxes directly inside a parent. Each call to {@link #next()} moves forward by at least
     * 8 bytes, so a walk always ends. Trailing bytes too few for a header (QuickTime allows a 4-byte
     * zero terminator) end the walk silently.
     */
    final class Cursor {
        private final Box parent;
        private int position;
        private int type;
        private int start;
        private int payloadStart;
        private int end;

        private Cursor(Box parent, int index) {
            this.parent = parent;
            this.position = index;
        }

        /** Advances to the next child box; false at the end of the parent. */
        boolean next() throws MovFormatException {
            int limit = parent.end();
            if (limit - position < 8) {
                return false;
            }
            long size = u32(position);
            int header = 8;
            int childType = s32(position + 4);
            String name = "'" + Fourcc.text(childType) + "'";
            if (size == 1) {
                if (limit - position < 16) {
                    throw childError(
                            childType,
                            "box " + name + " has a 64-bit size but its parent ends " + (limit - position)
                                    + " bytes after its header starts");
                }
                size = s64(position + 8);
                header = 16;
                if (size < 16) {
                    throw childError(
                            childType,
                            "box " + name + " has 64-bit size " + Long.toUnsignedString(size)
                                    + (size < 0 ? " (overflows)" : ", smaller than its 16-byte header"));
                }
            } else if (size == 0) {
                throw childError(
                        childType,
                        "box " + name + " has size 0 (\"to the end of the file\"),"
                                + " which is only allowed for the last top-level box, not inside '" + parent.name()
                                + "'");
            } else if (size < 8) {
                throw childError(childType, "box " + name + " has size " + size + ", smaller than its 8-byte header");
            }
            if (size > limit - position) {
                throw childError(
                        childType,
                        "box " + name + " of " + size + " bytes runs past the end of its parent '"
                                + parent.name() + "' (" + (limit - position) + " bytes left, parent ends at offset "
                                + fileOffset(limit) + ")");
            }
            type = childType;
            start = position;
            payloadStart = position + header;
            end = position + (int) size;
            position = end;
            return true;
        }

        private MovFormatException childError(int childType, String reason) {
            return new MovFormatException(
                    file, parent.path() + "/" + Fourcc.text(childType), fileOffset(position), reason);
        }

        int type() {
            return type;
        }

        /** The current child, its path being the parent's plus {@code /name}. */
        Box box(String name) {
            return new Box(type, parent.path() + "/" + name, start, payloadStart, end);
        }

        /** The current child, named by its fourcc. */
        Box box() {
            return box(Fourcc.text(type));
        }
    }
}
