package org.hapring.render.texture;

/**
 * The bookkeeping of an upload ring: hands out regions of a {@code capacityBytes} buffer in order (wrapping to
 * 0 when a region would cross the end), and remembers a fence per region in flight. A region is handed out
 * again only after the fences of every region it overlaps have signalled; fences are polled, never waited
 * for: {@link #reserve} answers {@link #BUSY} instead. Fences signal in submission order, so the oldest is
 * retired first.
 *
 * <pre>
 *   0                                   head                              capacity
 *   | region (fence) | region (fence) | ... free / retired ...  | skipped at wrap |
 * </pre>
 *
 * <p>Single-threaded: the render thread (GL fences belong to its context).
 */
final class RingRegions {
    /** {@link #reserve}: the region needed is still being read by the GPU. */
    static final long BUSY = -1;
    /** Regions start on this boundary (bytes). */
    static final long ALIGN_BYTES = 256;

    static final int MAX_IN_FLIGHT = 256;

    /** The fence operations (GL sync objects; a fake in tests). */
    interface Fences {
        /** Places a fence after the commands issued so far; returns its handle. */
        long place();

        /** Whether the fence has signalled (never waits). */
        boolean signalled(long fence);

        /** Waits for the fence, at most {@code timeoutNanos}; whether it signalled. */
        boolean await(long fence, long timeoutNanos);

        void delete(long fence);
    }

    private final long capacityBytes;
    private final Fences fences;
    private final long[] startBytes = new long[MAX_IN_FLIGHT];
    private final long[] endBytes = new long[MAX_IN_FLIGHT];
    private final long[] handles = new long[MAX_IN_FLIGHT];
    private int oldest;
    private int inFlight;
    private long headBytes;
    private long pendingStart = -1;
    private long pendingEnd;

    RingRegions(long capacityBytes, Fences fences) {
        if (capacityBytes < 3 * ALIGN_BYTES) {
            throw new IllegalArgumentException(
                    "ring capacityBytes=" + capacityBytes + ": must be >= " + 3 * ALIGN_BYTES);
        }
        this.capacityBytes = capacityBytes;
        this.fences = fences;
    }

    long capacityBytes() {
        return capacityBytes;
    }

    /** The largest region one reservation may take: a third of the ring, so that three frames fit in flight. */
    long maxRegionBytes() {
        return capacityBytes / 3 & -ALIGN_BYTES;
    }

    /**
     * Hands out a region of {@code bytes} and returns its offset, or {@link #BUSY} when a region it needs may
     * still be read. Follow with {@link #fence()} once the commands reading it are issued.
     */
    long reserve(long bytes) {
        long size = (bytes + ALIGN_BYTES - 1) & -ALIGN_BYTES;
        if (bytes < 1 || size > maxRegionBytes()) {
            throw new IllegalArgumentException("a region of " + bytes + " bytes does not fit a third of the "
                    + capacityBytes + "-byte upload ring");
        }
        if (pendingStart >= 0) {
            throw new IllegalStateException("reserve() twice without fence()");
        }
        long start = headBytes + size <= capacityBytes ? headBytes : 0;
        long end = start + size;
        if (inFlight == MAX_IN_FLIGHT && !retireOldest()) {
            return BUSY;
        }
        while (overlapsInFlight(start, end)) {
            if (!retireOldest()) {
                return BUSY;
            }
        }
        headBytes = end;
        pendingStart = start;
        pendingEnd = end;
        return start;
    }

    /** Places the fence guarding the region last reserved. */
    void fence() {
        if (pendingStart < 0) {
            throw new IllegalStateException("fence() without a reserved region");
        }
        int slot = (oldest + inFlight) % MAX_IN_FLIGHT;
        startBytes[slot] = pendingStart;
        endBytes[slot] = pendingEnd;
        handles[slot] = fences.place();
        inFlight++;
        pendingStart = -1;
    }

    /** Regions whose fences had not signalled when last polled. */
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

    private boolean retireOldest() {
        if (!fences.signalled(handles[oldest])) {
            return false;
        }
        fences.delete(handles[oldest]);
        handles[oldest] = 0L;
        oldest = (oldest + 1) % MAX_IN_FLIGHT;
        inFlight--;
        return true;
    }

    /** Waits for every region in flight (closing, resizing; never on the frame path). */
    void drain(long timeoutNanosPerFence) {
        while (inFlight > 0) {
            if (!fences.await(handles[oldest], timeoutNanosPerFence)) {
                throw new IllegalStateException("an upload fence did not signal within "
                        + timeoutNanosPerFence / 1_000_000 + " ms: the GL context is lost or hung");
            }
            fences.delete(handles[oldest]);
            handles[oldest] = 0L;
            oldest = (oldest + 1) % MAX_IN_FLIGHT;
            inFlight--;
        }
    }
}
