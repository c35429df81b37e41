package org.hapring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal QuickTime box walker for tests (independent of the project's parser): lists boxes with
 * their offsets and sizes, descends into the container boxes on a path, and reads box bodies.
 *
 * <p>Stateless; any thread.
 */
public final class TestBoxes {
    /** A box: type, absolute offset, total size (header included), header size (8 or 16). */
    public record Box(String type, long offset, long size, int headerBytes) {
        public long bodyOffset() {
            return offset + headerBytes;
        }

        public long bodyBytes() {
            return size - headerBytes;
        }
    }

    private TestBoxes() {}

    /** The boxes between {@code start} and {@code end} of the file. */
    public static List<Box> list(Path file, long start, long end) {
        List<Box> boxes = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long limit = Math.min(end, ch.size());
            long pos = start;
            while (pos + 8 <= limit) {
                ByteBuffer h = read(ch, pos, 16 <= limit - pos ? 16 : 8);
                long size = Integer.toUnsignedLong(h.getInt(0));
                String type =
                        new String(new byte[] {h.get(4), h.get(5), h.get(6), h.get(7)}, StandardCharsets.ISO_8859_1);
                int header = 8;
                if (size == 1) {
                    size = h.getLong(8);
                    header = 16;
                } else if (size == 0) {
                    size = limit - pos;
                }
                if (size < header || pos + size > limit) {
                    throw new IllegalStateException(
                            "box " + type + " at " + pos + " of size " + size + " overruns " + limit);
                }
                boxes.add(new Box(type, pos, size, header));
                pos += size;
            }
            if (pos != limit) {
                throw new IllegalStateException((limit - pos) + " stray bytes at " + pos);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return boxes;
    }

    /** The top-level boxes of a file. */
    public static List<Box> top(Path file) {
        return list(file, 0, Long.MAX_VALUE);
    }

    /** The box at a path like "moov/trak/mdia/minf/stbl/stsz" (first match at each level). */
    public static Box find(Path file, String path) {
        List<Box> level = top(file);
        String[] names = path.split("/");
        Box found = null;
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            found = level.stream()
                    .filter(b -> b.type().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name + " on the path " + path));
            if (i + 1 < names.length) {
                level = list(file, found.bodyOffset(), found.offset() + found.size());
            }
        }
        return found;
    }

    /** Whether the path exists. */
    public static boolean exists(Path file, String path) {
        try {
            find(file, path);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** A box's body, big-endian. */
    public static ByteBuffer body(Path file, Box box) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, box.bodyOffset(), (int) box.bodyBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer read(FileChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("end of file at " + (pos + b.position()));
            }
        }
        return b.flip();
    }
}
