package org.hapring.render.texture;

import java.util.Locale;
import org.hapring.render.gl.GlDriver;

/**
 * How texture bytes reach the GPU. Both are kept and selectable ({@code --upload direct|pbo|auto}).
 *
 * <p>Immutable; any thread.
 */
public enum UploadPath {
    /**
     * glCompressedTexSubImage2D straight from the frame's native memory (its address, no copy on our side):
     * the driver copies the bytes before the call returns, so the frame can go back to its layer at once.
     * Best where the "GPU" shares the CPU's memory (Mesa llvmpipe: a PBO only adds a copy there).
     */
    DIRECT("direct"),
    /**
     * A persistent, coherently mapped pixel-unpack buffer ring (ARB_buffer_storage): the frame is copied into
     * the ring (after which it goes back to its layer), the upload reads from the ring, and a fence per region
     * keeps the region from being overwritten before the GPU has read it. The CPU never waits on a fence:
     * when the next region is still in use the upload falls back to {@link #DIRECT} (counted).
     */
    PBO("pbo");

    private final String cliName;

    UploadPath(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The default for a driver: direct on software rasterisers or without buffer storage, else PBO. */
    public static UploadPath defaultFor(GlDriver driver) {
        return driver.software() || !driver.bufferStorage() ? DIRECT : PBO;
    }

    /** {@code direct}, {@code pbo}, or {@code auto} (returns null: choose per driver). */
    public static UploadPath parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("auto")) {
            return null;
        }
        for (UploadPath p : values()) {
            if (p.cliName.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("upload=" + name + ": expected auto, direct or pbo");
    }
}
