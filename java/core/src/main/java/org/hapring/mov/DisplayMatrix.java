package org.hapring.mov;

/**
 * A track's display matrix as stored in {@code tkhd}: {@code [a b u; c d v; x y w]}, where a, b, c, d,
 * x, y are 16.16 fixed point and u, v, w are 2.30. Players apply it to present the picture (rotation,
 * mirroring, translation); decoding ignores it.
 *
 * <p>Immutable; any thread.
 */
public record DisplayMatrix(int a, int b, int u, int c, int d, int v, int x, int y, int w) {
    public static final DisplayMatrix IDENTITY = new DisplayMatrix(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);

    /** The nine values in file order. */
    public int[] toArray() {
        return new int[] {a, b, u, c, d, v, x, y, w};
    }

    public boolean isIdentity() {
        return equals(IDENTITY);
    }
}
