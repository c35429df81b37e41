package org.hapring.write.bc;

/**
 * A picture as a function of pixel position, for {@link PlaneEncoder}. Must be safe to call from
 * several threads at once (pure functions of x and y are).
 */
@FunctionalInterface
public interface PixelSource {
    /** The pixel at ({@code x}, {@code y}) as 0xRRGGBBAA. */
    int rgba(int x, int y);
}
