package org.hapring.mov;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only QuickTime box writer: {@code Boxes.box("moov", Boxes.leaf("mvhd", payload), ...)}. A box
 * may use a 64-bit size header ({@link Node#large()}) or declare a size of its own
 * ({@link Node#declaredSize(long)}) to build broken files.
 *
 * <p>Not thread-safe; each test builds its own.
 */
final class Boxes {
    private Boxes() {}

    static Node box(String type, Node... children) {
        return new Node(type, null, new ArrayList<>(Arrays.asList(children)));
    }

    static Node box(String type, List<Node> children) {
        return new Node(type, null, new ArrayList<>(children));
    }

    static Node leaf(String type, byte[] payload) {
        return new Node(type, payload, null);
    }

    static Be be() {
        return new Be();
    }

    /** One box: either a payload or children. */
    static final class Node {
        final String type;
        final byte[] payload;
        final List<Node> children;
        private boolean large;
        private long declaredSize = -1;

        private Node(String type, byte[] payload, List<Node> children) {
            if (type.length() != 4) {
                throw new IllegalArgumentException(type);
            }
            this.type = type;
            this.payload = payload;
            this.children = children;
        }

        /** Writes a 64-bit size (size field 1, then the BE64 size). */
        Node large() {
            this.large = true;
            return this;
        }

        /** Writes {@code size} in the 32-bit size field instead of the real size (for broken files). */
        Node declaredSize(long size) {
            this.declaredSize = size;
            return this;
        }

        int headerBytes() {
            return large ? 16 : 8;
        }

        long size() {
            long n = headerBytes();
            if (payload != null) {
                n += payload.length;
            } else {
                for (Node c : children) {
                    n += c.size();
                }
            }
            return n;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out);
            return out.toByteArray();
        }

        private void write(ByteArrayOutputStream out) {
            Be h = new Be();
            long size = declaredSize >= 0 ? declaredSize : size();
            if (large) {
                h.u32(1).fourcc(type).u64(size);
            } else {
                h.u32(size).fourcc(type);
            }
            out.writeBytes(h.bytes());
            if (payload != null) {
                out.writeBytes(payload);
            } else {
                for (Node c : children) {
                    c.write(out);
                }
            }
        }

        /**
         * The offset, relative to this box's first byte, of the first box along {@code path} (fourccs joined by
         * {@code /}, this box's own type excluded), or -1.
         */
        long offsetOf(String path) {
            String[] parts = path.split("/", 2);
            if (children == null) {
                return -1;
            }
            long at = headerBytes();
            for (Node c : children) {
                if (c.type.equals(parts[0])) {
                    if (parts.length == 1) {
                        return at;
                    }
                    long inner = c.offsetOf(parts[1]);
                    if (inner >= 0) {
                        return at + inner;
                    }
                }
                at += c.size();
            }
            return -1;
        }

        /** The first box along {@code path}, as {@link #offsetOf(String)}. */
        Node find(String path) {
            String[] parts = path.split("/", 2);
            for (Node c : children == null ? List.<Node>of() : children) {
                if (c.type.equals(parts[0])) {
                    Node n = parts.length == 1 ? c : c.find(parts[1]);
                    if (n != null) {
                        return n;
                    }
                }
            }
            return null;
        }
    }

    /** A big-endian byte writer. */
    static final class Be {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Be u8(int v) {
            out.write(v);
            return this;
        }

        Be u16(int v) {
            return u8(v >>> 8).u8(v);
        }

        Be u32(long v) {
            return u16((int) (v >>> 16)).u16((int) v);
        }

        Be u64(long v) {
            return u32(v >>> 32).u32(v);
        }

        Be fourcc(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Be zeros(int n) {
            out.writeBytes(new byte[n]);
            return this;
        }

        Be bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        /** Version byte and 24-bit flags of a full box. */
        Be fullBox(int version, int flags) {
            return u8(version).u8(flags >>> 16).u16(flags);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
