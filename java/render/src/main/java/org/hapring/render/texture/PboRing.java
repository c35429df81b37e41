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
 * upload regions ({@link RingRegions}) guarded by GL fence syncs. A frame's texture bytes are copied into a
 * region, the texture upload reads the region, and the fence placed after the upload keeps the region from
 * being overwritten until the GPU has read it. The CPU never blocks on a fence on the frame path.
 *
 * <p>Render thread only (the GL context's thread).
 */
final class PboRing {
    /** GL sync objects as ring fences. */
    private static final RingRegions.Fences GL_FENCES = new RingRegions.Fences() {
        @Override
        public long place() {
            return GL32C.glFenceSync(GL32C.GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
        }

        @Override
        public boolean signalled(long fence) {
            int status = GL32C.glClientWaitSync(fence, 0, 0L);
            if (status == GL32C.GL_WAIT_FAILED) {
                throw new GlException("glClientWaitSync failed polling an upload fence", GL32C.GL_WAIT_FAILED);
            }
            return status != GL32C.GL_TIMEOUT_EXPIRED;
        }

        @Override
        public boolean await(long fence, long timeoutNanos) {
            int status = GL32C.glClientWaitSync(fence, GL32C.GL_SYNC_FLUSH_COMMANDS_BIT, timeoutNanos);
            return status == GL32C.GL_ALREADY_SIGNALED || status == GL32C.GL_CONDITION_SATISFIED;
        }

        @Override
        public void delete(long fence) {
            GL32C.glDeleteSync(fence);
        }
    };

    private final int buffer;
    private final MemorySegment mapped;
    private final RingRegions regions;

    private PboRing(int buffer, long capacityBytes, MemorySegment mapped) {
        this.buffer = buffer;
        this.mapped = mapped;
        this.regions = new RingRegions(capacityBytes, GL_FENCES);
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
        return new PboRing(
                buffer, capacityBytes, MemorySegment.ofAddress(address).reinterpret(capacityBytes));
    }

    long capacityBytes() {
        return regions.capacityBytes();
    }

    long maxRegionBytes() {
        return regions.maxRegionBytes();
    }

    /**
     * Uploads {@code bytes} texture bytes of {@code source} into {@code texture} through the ring: copy into a
     * free region, upload from it, fence it. False when the ring's next region is still in use (nothing done).
     */
    boolean upload(PlaneTexture texture, MemorySegment source, long bytes) {
        long offset = regions.reserve(bytes);
        if (offset == RingRegions.BUSY) {
            return false;
        }
        MemorySegment.copy(source, 0, mapped, offset, bytes);
        GL15C.glBindBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER, buffer);
        texture.replace(offset, bytes);
        GL15C.glBindBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER, 0);
        regions.fence();
        return true;
    }

    /** Regions whose fences had not signalled when last polled. */
    int inFlight() {
        return regions.inFlight();
    }

    /** Waits for the GPU to finish with every region, unmaps and deletes the buffer. */
    void delete() {
        try {
            regions.drain(10_000_000_000L);
        } finally {
            GL15C.glBindBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER, buffer);
            GL15C.glUnmapBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER);
            GL15C.glBindBuffer(GL21C.GL_PIXEL_UNPACK_BUFFER, 0);
            GL15C.glDeleteBuffers(buffer);
        }
    }
}
