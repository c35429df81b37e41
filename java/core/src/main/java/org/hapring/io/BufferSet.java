package org.hapring.io;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * Read buffers that one owner (for example a layer's pre-buffer ring) registers with an engine: its
 * buffers get the consecutive engine indices {@code firstIndex() .. firstIndex() + count() - 1}, which
 * {@link ReadEngine#queue} takes as the destination (fio's model: request slot = registered buffer). The
 * memory belongs to the caller's arena and must outlive the registration; io_uring pins it (READ_FIXED).
 *
 * <p>Owned by the engine's owner thread once registered.
 */
public final class BufferSet {
    /** The largest buffer the kernel registers (1 GiB). */
    public static final long MAX_BUFFER_BYTES = 1L << 30;

    private final MemorySegment[] buffers;
    private ReadEngine engine;
    private int firstIndex = -1;

    private BufferSet(MemorySegment[] buffers) {
        this.buffers = buffers;
    }

    /** Wraps caller-owned native buffers (each 1 byte .. 1 GiB). */
    public static BufferSet of(MemorySegment... buffers) {
        if (buffers.length == 0) {
            throw new IllegalArgumentException("a BufferSet needs at least one buffer");
        }
        MemorySegment[] copy = buffers.clone();
        for (int i = 0; i < copy.length; i++) {
            MemorySegment b = Objects.requireNonNull(copy[i], "buffer " + i);
            if (!b.isNative()) {
                throw new IllegalArgumentException(
                        "buffer " + i + " is not native memory (heap segments cannot be read into by the kernel)");
            }
            if (b.byteSize() < 1 || b.byteSize() > MAX_BUFFER_BYTES) {
                throw new IllegalArgumentException(
                        "buffer " + i + " byteSize=" + b.byteSize() + ": must be 1.." + MAX_BUFFER_BYTES);
            }
        }
        return new BufferSet(copy);
    }

    /**
     * Allocates {@code count} buffers of {@code bytesEach} from {@code arena}, each aligned to {@code alignmentBytes},
     * side by side in one {@link IoMemory} region (huge pages where the kernel gives them, so a frame read into a
     * buffer is a few physically contiguous DMA segments rather than one per 4 KiB page).
     */
    public static BufferSet allocate(Arena arena, int count, long bytesEach, int alignmentBytes) {
        if (count < 1) {
            throw new IllegalArgumentException("count=" + count + ": must be >= 1");
        }
        if (bytesEach < 1 || bytesEach > MAX_BUFFER_BYTES) {
            throw new IllegalArgumentException("bytesEach=" + bytesEach + ": must be 1.." + MAX_BUFFER_BYTES);
        }
        long strideBytes = (bytesEach + alignmentBytes - 1) / alignmentBytes * alignmentBytes;
        MemorySegment region = IoMemory.allocate(arena, strideBytes * count, alignmentBytes);
        MemorySegment[] b = new MemorySegment[count];
        for (int i = 0; i < count; i++) {
            b[i] = region.asSlice(i * strideBytes, bytesEach);
        }
        return of(b);
    }

    /**
     * The buffer capacity that holds any read of up to {@code maxReadBytes}, including the aligned range
     * that covers it when the file is read with O_DIRECT.
     */
    public static long requiredBytes(long maxReadBytes, int alignmentBytes) {
        long a = alignmentBytes;
        return ((maxReadBytes + a - 1 + a - 1) / a) * a;
    }

    public int count() {
        return buffers.length;
    }

    public MemorySegment buffer(int i) {
        return buffers[i];
    }

    /** The engine index of buffer 0, or -1 while not registered. */
    public int firstIndex() {
        return firstIndex;
    }

    /** The engine index of buffer {@code i} (for {@link ReadEngine#queue}). */
    public int index(int i) {
        Objects.checkIndex(i, buffers.length);
        if (firstIndex < 0) {
            throw new IllegalStateException("BufferSet is not registered with an engine");
        }
        return firstIndex + i;
    }

    public boolean isRegistered() {
        return engine != null;
    }

    ReadEngine engine() {
        return engine;
    }

    void bind(ReadEngine e, int first) {
        engine = e;
        firstIndex = first;
    }

    void unbind() {
        engine = null;
        firstIndex = -1;
    }
}
