package org.hapring.prebuffer;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;

/**
 * One slot of a layer's pre-buffer ring: the raw read buffer, the decoded texture planes and one state word
 * that carries the whole protocol.
 *
 * <pre>
 *   state:   FREE (-1) --I/O: claim--> READING (-2) --I/O: stored frame, view the raw bytes------------+
 *              ^                           |                                                          v
 *              |                           +--I/O: compressed--> DECODING (-3) --worker: decoded--> n >= 0
 *              |                           |                         |                      (READY, n holds)
 *              +---I/O: stale / error------+---worker: bad frame--> FAILED (-4) --I/O: reported--+     |
 *              +-----------------------------I/O: CAS 0 -> FREE (recycle only when nobody holds)---------+
 *   holds:   tick thread CAS n -> n+1 (n >= 0) then re-checks the frame number (ABA-safe);
 *            release: CAS n -> n-1 (n >= 1), from any thread.
 * </pre>
 *
 * The writer fills {@code frameIndex}, the texture and {@code readyNanos} with plain stores and then publishes
 * with a release store of 0; readers take a hold with a CAS (acquire) before they trust those fields. The I/O
 * thread reuses a slot only through the CAS 0 -> FREE, which fails while anybody holds it, so a held frame is
 * never overwritten and a half-written one is never seen.
 *
 * <p>Threads: the I/O thread owns FREE/READING and the claim; a decode worker owns a DECODING slot; the tick
 * thread (and sinks) hold READY slots.
 */
public final class FrameSlot implements ReadyFrame {
    public static final int FREE = -1;
    public static final int READING = -2;
    public static final int DECODING = -3;
    public static final int FAILED = -4;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FrameSlot.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final LayerRing ring;
    final int index;
    /** The read buffer (null on zero-copy engines, whose data is a slice of a file mapping). */
    final MemorySegment rawBuffer;
    /** A frame whose planes point into the read buffer (stored frames, no copy). */
    final TextureFrame view;
    /** The slot's own texture memory, for frames that are decompressed or copied (null until needed). */
    TextureFrame decoded;

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = FREE;

    private int frameIndex = -1;
    private TextureFrame published;
    private long readyNanos;
    long generation;
    long submitNanos;
    /** Bytes of the read in flight into this slot, counted against the read budget (I/O thread). */
    int readBytesInFlight;

    long decodeStartNanos;
    /** The frame's bytes while DECODING. */
    MemorySegment source;
    /** Why a FAILED slot failed. */
    Exception error;

    FrameSlot(LayerRing ring, int index, MemorySegment rawBuffer, TextureFrame decoded) {
        this.ring = ring;
        this.index = index;
        this.rawBuffer = rawBuffer;
        this.decoded = decoded;
        MemorySegment anchor = rawBuffer != null ? rawBuffer : MemorySegment.NULL;
        this.view = TextureFrame.wrap(anchor, anchor);
    }

    // ---- any thread

    public int state() {
        return (int) STATE.getAcquire(this);
    }

    /** The frame number; meaningful to the I/O thread, or to a holder. */
    @Override
    public int frameIndex() {
        return frameIndex;
    }

    @Override
    public TextureFrame texture() {
        return published;
    }

    @Override
    public long readyNanos() {
        return readyNanos;
    }

    // ---- tick thread / holders

    /**
     * Takes a hold if this slot is READY with {@code frame}: returns true with the hold taken. Never blocks:
     * a CAS that loses to a concurrent hold or release is retried (each retry follows someone else's
     * progress), one that finds the slot not READY gives up.
     */
    boolean tryHold(int frame) {
        if (frameIndex != frame) {
            return false;
        }
        int s = (int) STATE.getAcquire(this);
        while (s >= 0) {
            if (STATE.compareAndSet(this, s, s + 1)) {
                if (frameIndex == frame) {
                    return true;
                }
                release(); // recycled and republished in between (ABA): not ours
                return false;
            }
            s = (int) STATE.getAcquire(this);
        }
        return false;
    }

    @Override
    public void retain() {
        int s;
        do {
            s = (int) STATE.getVolatile(this);
            if (s < 1) {
                throw new IllegalStateException(
                        "retain of a frame that is not held (slot " + index + " state=" + s + ")");
            }
        } while (!STATE.compareAndSet(this, s, s + 1));
    }

    @Override
    public void release() {
        int s;
        do {
            s = (int) STATE.getVolatile(this);
            if (s < 1) {
                throw new IllegalStateException(
                        "release of a frame that is not held (slot " + index + " state=" + s + ")");
            }
        } while (!STATE.compareAndSet(this, s, s - 1));
    }

    // ---- I/O thread

    /** Recycles a READY slot nobody holds; false when it is held (or not READY). */
    boolean tryFree() {
        return STATE.compareAndSet(this, 0, FREE);
    }

    /** FREE -> READING for {@code frame} (I/O thread; nobody else touches a FREE slot). */
    void claim(int frame, long generation, long nowNanos) {
        this.frameIndex = frame;
        this.generation = generation;
        this.submitNanos = nowNanos;
        this.published = null;
        STATE.setRelease(this, READING);
    }

    /** READING/FAILED -> FREE (stale, failed, closing). */
    void free() {
        source = null;
        error = null;
        STATE.setRelease(this, FREE);
    }

    /** READING -> READY with the texture viewed in place (a stored frame). */
    void publishView(TextureFormat format, MemorySegment texture, long nowNanos) {
        view.reset(ring.widthPixels, ring.heightPixels);
        view.viewPlane(0, format, texture);
        published = view;
        readyNanos = nowNanos;
        STATE.setRelease(this, 0);
    }

    /** READING -> DECODING: hands {@code data} to a decode worker (through the queue's happens-before edge). */
    void startDecode(MemorySegment data, long nowNanos) {
        source = data;
        decodeStartNanos = nowNanos;
        STATE.setRelease(this, DECODING);
    }

    // ---- decode worker

    /** DECODING -> READY with the decoded planes. */
    void publishDecoded(long nowNanos) {
        source = null;
        published = decoded;
        readyNanos = nowNanos;
        STATE.setRelease(this, 0);
    }

    /** DECODING -> FAILED; the I/O thread reports {@code e} as the layer's error. */
    void fail(Exception e) {
        source = null;
        error = e;
        STATE.setRelease(this, FAILED);
    }

    @Override
    public String toString() {
        return "FrameSlot[" + index + " frame=" + frameIndex + " state=" + state() + "]";
    }
}
