package org.hapring.decode;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A reusable off-heap copy of frames that arrive on the heap (a {@code byte[]} wrapped by
 * {@link MemorySegment#ofArray}), because native Snappy needs addresses. It grows to the largest
 * heap frame seen and is freed by {@link #close}. The hot path never comes here: the pre-buffer
 * reads frames into native memory.
 *
 * <p>Not thread-safe: owned by one decoder.
 */
final class NativeScratch implements AutoCloseable {
    private static final long ALIGNMENT_BYTES = 64;

    private Arena arena;
    private MemorySegment segment = MemorySegment.NULL;

    /** A native copy of {@code frame}, valid until the next call or {@link #close}. */
    MemorySegment copyOf(MemorySegment frame) {
        long frameBytes = frame.byteSize();
        if (segment.byteSize() < frameBytes) {
            long capacityBytes = Math.max(frameBytes, Math.min(2 * segment.byteSize(), Long.MAX_VALUE / 4));
            Arena next = Arena.ofShared();
            MemorySegment grown;
            try {
                grown = next.allocate(capacityBytes, ALIGNMENT_BYTES);
            } catch (RuntimeException | OutOfMemoryError e) {
                next.close();
                throw e;
            }
            close();
            arena = next;
            segment = grown;
        }
        MemorySegment copy = segment.asSlice(0, frameBytes);
        MemorySegment.copy(frame, 0, copy, 0, frameBytes);
        return copy;
    }

    @Override
    public void close() {
        if (arena != null) {
            arena.close();
            arena = null;
            segment = MemorySegment.NULL;
        }
    }
}
