package org.hapring.render.texture;

import java.lang.foreign.MemorySegment;
import org.hapring.render.gl.GlException;
import org.lwjgl.opengl.GL15C;
import org.lwjgl.opengl.GL21C;
import org.lwjgl.opengl.GL30C;
import org.lwjgl.opengl.GL32C;
import org.lwjgl.opengl.GL44C;

/**
 * A pixel-unpack buffer mapped once, persistently and coherently (ARB_buffer_storage), used as a ring of
 * upload regions. A frame's texture bytes are copied into a region, the texture upload reads the region,
 * and a fence placed after the upload guards it: the region is handed out again only once its fence has
 * signalled. The CPU never blocks on a fence: {@link #reserve} polls with a zero timeout and answers
 * {@link #BUSY} when the GPU is still reading the region (the caller uploads directly instead).
 *
 * <pre>
 *   0                                   head                              capacity
 *   | region (fence) | region (fence) | ... free / retired ...  | skipped at wrap |
 *   regions are handed out in order from head; a region that would cross the end starts at 0
 * </pre>
 *
 * <p>Render thread only (the GL context's thread).
 */
final class PboRing {
    /** {@link #reserve}: the region needed is still being read by the GPU. */
    static final long BUSY = -1;
    /** Upload regions start on this boundary (bytes). */
    static final long ALIGN_BYTES = 256;
    private static final int MAX_IN_FLIGHT = 256;

    private final int buffer;
    private final long capacityBytes;
    private final MemorySegment mapped;
    private final long[] startBytes = new long[MAX_IN_FLIGHT];
    private final long[] endBytes = new long[MAX_IN_FLIGHT];
    private final long[] fences = new long[MAX_IN_FLIGHT];
    private int oldest;
    private int inFlight;
    private long headBytes;
    private long pendingStart = -1;
    private long pendingEnd;

    private PboRing(int buffer, long capacityBytes, MemorySegment mapped) {
        this.buffer = buffer;
        this.capacityBytes = capacityBytes;
        this.mapped = mapped;
    }

    /** Creates and maps a ring of {@code capacityBytes}. */
    static PboRing create(long capacityBytes) {
        int buffer = GL15C.glGenBuffers();
        GL15C.glBindBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER, buffer);
        int flags = GL30C.GL_MAP_WRITE_BIT | GL44C.GL_MAP_PERSISTENT_BIT | GL44C.GL_MAP_COHERENT_BIT;
        GL44C.glBufferStorage(GL21C.GL_PIXEL_UNPACK_BUFFER, capacityBytes, flags);
        long address = GL30C.nglMapBufferRange(GL21C.GL_PIXEL_UNPACK_BUFFER, 0, capacityBytes, flags);
        GL15C.glBindBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER, 0);
        if (address == 0L) {
            GL15C.glDeleteBuffers(buffer);
            GlException.check("glMapBufferRange", "mapping a " + capacityBytes + "-byte upload ring");
            throw new GlException("glMapBufferRange returned no mapping for a " + capacityBytes + "-byte upload ring");
        }
        GlException.check("glBufferStorage", "creating a " + capacityBytes + "-byte upload ring");
        return new PboRing(buffer, capacityBytes, MemorySegment.ofAddress(address).reinterpret(capacityBytes));
    }

    long capacityBytes() {
        return capacityBytes;
    }

    int buffer() {
        return buffer;
    }

    /** The whole mapped ring (writes land in the buffer; coherent: no flush needed). */
    MemorySegment mapped() {
        return mapped;
    }

    /**
     * Hands out a region of {@code bytes} (at most a third of the ring) and returns its offset, or {@link #BUSY}
     * when the GPU may still be reading it. Follow with {@link #fence()} after the upload that reads it.
     */
    long reserve(long bytes) {
        long size = (bytes + ALIGN_BYTES - 1) & -ALIGN_BYTES;
        if (size > capacityBytes / 3) {
            throw new IllegalArgumentException("a region of " + bytes + " bytes exceeds a third of the " + capacityBytes
                    + "-byte upload ring");
        }
        long start = headBytes + size <= capacityBytes ? headBytes : 0;
        long end = start + size;
        if (inFlight == MAX_IN_FLIGHT && !retireOldest()) {
            return BUSY;
        }
        while (overlapsInFlight(start, end)) {
            // fences signal in submission order: retire from the oldest until nothing overlaps
            if (!retireOldest()) {
                return BUSY;
            }
        }
        headBytes = end;
        pendingStart = start;
        pendingEnd = end;
        return start;
    }

    /** Places the fence that guards the region last reserved (after the upload command that reads it). */
    void fence() {
        if (pendingStart < 0) {
            throw new IllegalStateException("fence() without a reserved region");
        }
        int slot = (oldest + inFlight) % MAX_IN_FLIGHT;
        startBytes[slot] = pendingStart;
        endBytes[slot] = pendingEnd;
        fences[slot] = GL32C.glFenceSync(GL32C.GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
        inFlight++;
        pendingStart = -1;
    }

    /** Regions whose fences have not signalled yet (as last polled). */
    int inFlight() {
        return inFlight;
    }

    private boolean overlapsInFlight(long start, long end) {
        for (int i = 0; i < inFlight; i++) {
            int slot = (oldest + i) % MAX_IN_FLIGHT;
            if (startBytes[slot] < end && start < endBytes[slot]) {
                return true;
            }
        }
        return false;
    }

    /** Polls the oldest fence without waiting; retires it when signalled. */
    private boolean retireOldest() {
        if (inFlight == 0) {
            return true;
        }
        int status = GL32C.glClientWaitSync(fences[oldest], 0, 0L);
        if (status == GL32C.GL_TIMEOUT_EXPIRED) {
            return false;
        }
        if (status == GL32C.GL_WAIT_FAILED) {
            GlException.check("glClientWaitSync", "polling an upload fence");
            throw new GlException("glClientWaitSync failed polling an upload fence");
        }
        GL32C.glDeleteSync(fences[oldest]);
        fences[oldest] = 0L;
        oldest = (oldest + 1) % MAX_IN_FLIGHT;
        inFlight--;
        return true;
    }

    /** Waits for every region (close, resize); not for the frame path. */
    void drain() {
        while (inFlight > 0) {
            GL32C.glClientWaitSync(fences[oldest], GL32C.GL_SYNC_FLUSH_COMMANDS_BIT, 1_000_000_000L);
            GL32C.glDeleteSync(fences[oldest]);
            oldest = (oldest + 1) % MAX_IN_FLIGHT;
            inFlight--;
        }
    }

    void delete() {
        drain();
        GL15C.glBindBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER, buffer);
        GL15C.glUnmapBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER);
        GL15C.glBindBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER, 0);
        GL15C.glDeleteBuffers(buffer);
    }
}
