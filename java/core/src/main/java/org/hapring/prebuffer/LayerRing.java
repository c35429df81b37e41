package org.hapring.prebuffer;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.io.BufferSet;
import org.hapring.mov.SampleTable;

/**
 * The slots of one layer, allocated once from the layer's own arena: a raw read buffer per slot (sized from
 * the track's largest frame, aligned for O_DIRECT; none on zero-copy engines) and, when the layer's frames
 * need decoding, texture planes per slot. Slots are found by frame number; a ring holds at most
 * {@link #MAX_SLOTS} of them, so a scan is a few dozen loads.
 *
 * <p>Threads: built and closed by the I/O thread; {@link #acquire} is the tick thread's, the I/O-side helpers
 * the I/O thread's; the arena is shared because decode workers and sinks read the memory too.
 */
public final class LayerRing implements AutoCloseable {
    public static final int MAX_SLOTS = 64;

    final Path file;
    final SampleTable table;
    final LayerIoStats stats = new LayerIoStats();
    final HapVariant variant;
    final int widthPixels;
    final int heightPixels;
    final FrameSlot[] slots;
    private final Arena arena = Arena.ofShared();
    private final BufferSet buffers;
    private volatile long offHeapBytes;
    private boolean hasTextures;

    /**
     * @param rawBytesEach read-buffer bytes per slot (0: zero-copy engine, no buffers)
     * @param withTextures whether to allocate decoded texture planes now (else on first need)
     */
    LayerRing(
            SampleTable table,
            HapVariant variant,
            int widthPixels,
            int heightPixels,
            int slotCount,
            long rawBytesEach,
            int alignmentBytes,
            boolean withTextures) {
        if (slotCount < 1 || slotCount > MAX_SLOTS) {
            throw new IllegalArgumentException("slotCount=" + slotCount + ": must be 1.." + MAX_SLOTS);
        }
        this.table = table;
        this.file = table.file();
        this.variant = variant;
        this.widthPixels = widthPixels;
        this.heightPixels = heightPixels;
        this.slots = new FrameSlot[slotCount];
        try {
            // one region for all read buffers, on huge pages where the kernel gives them (IoMemory)
            buffers = rawBytesEach > 0 ? BufferSet.allocate(arena, slotCount, rawBytesEach, alignmentBytes) : null;
            for (int i = 0; i < slotCount; i++) {
                MemorySegment raw = null;
                if (buffers != null) {
                    raw = buffers.buffer(i);
                    offHeapBytes += rawBytesEach;
                }
                slots[i] = new FrameSlot(this, i, raw, null);
            }
            if (withTextures) {
                allocateTextures();
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    /** Texture bytes of one slot's decoded planes. */
    static long textureBytesPerSlot(HapVariant variant, int widthPixels, int heightPixels) {
        long bytes = variant.textureBytes(widthPixels, heightPixels);
        if (variant == HapVariant.HAP_HDR) {
            bytes = Math.max(bytes, TextureFormat.BC6H_SIGNED.textureBytes(widthPixels, heightPixels));
        }
        return bytes;
    }

    /** Allocates the decoded planes of every slot, once (I/O thread). */
    void allocateTextures() {
        if (hasTextures) {
            return;
        }
        for (FrameSlot s : slots) {
            s.decoded = TextureFrame.allocate(arena, variant, widthPixels, heightPixels);
            offHeapBytes += textureBytesPerSlot(variant, widthPixels, heightPixels);
        }
        hasTextures = true;
    }

    boolean hasTextures() {
        return hasTextures;
    }

    /** The read buffers to register with the engine, or null on zero-copy engines. */
    BufferSet buffers() {
        return buffers;
    }

    public int slotCount() {
        return slots.length;
    }

    /** Bytes of native memory this ring allocated. */
    public long offHeapBytes() {
        return offHeapBytes;
    }

    public Path file() {
        return file;
    }

    public LayerIoStats stats() {
        return stats;
    }

    // ---- tick thread

    /** A hold on the READY slot of {@code frame}, or null when that frame is not ready. Allocation-free. */
    public FrameSlot acquire(int frame) {
        for (FrameSlot s : slots) {
            if (s.tryHold(frame)) {
                return s;
            }
        }
        return null;
    }

    /** Whether {@code frame} is READY in some slot (any thread; a snapshot, for pre-roll waits). */
    public boolean readyNow(int frame) {
        for (FrameSlot s : slots) {
            if (s.state() >= 0 && s.frameIndex() == frame) {
                return true;
            }
        }
        return false;
    }

    // ---- I/O thread

    /** The slot holding or reading {@code frame} (READING, DECODING or READY), or null. */
    FrameSlot find(int frame) {
        for (FrameSlot s : slots) {
            int st = s.state();
            if (st != FrameSlot.FREE && st != FrameSlot.FAILED && s.frameIndex() == frame) {
                return s;
            }
        }
        return null;
    }

    FrameSlot firstFree() {
        for (FrameSlot s : slots) {
            if (s.state() == FrameSlot.FREE) {
                return s;
            }
        }
        return null;
    }

    /** Whether any slot is held, reading or decoding (the ring cannot be freed yet). */
    boolean busy() {
        for (FrameSlot s : slots) {
            int st = s.state();
            if (st > 0 || st == FrameSlot.READING || st == FrameSlot.DECODING) {
                return true;
            }
        }
        return false;
    }

    /** Frees the native memory; nothing may use the slots any more (see {@link #busy()}). */
    @Override
    public void close() {
        arena.close();
    }
}
