package org.hapring.prebuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import org.hapring.decode.HapVariant;
import org.hapring.io.FileHandle;
import org.hapring.mov.SampleTable;

/**
 * One layer as the pre-buffer sees it: the file, its sample table, its {@link LayerRing}, the schedule it
 * reads ahead from, and the mailbox fields other threads use to steer it (new schedule, seek hint, "plan
 * now"). Its first error (a failed read, a bad frame) is kept and stops its reads; the layer then holds its
 * last good frame while the others play on.
 *
 * <p>Threads: the I/O thread owns the I/O-side fields; the tick thread calls {@link #acquire},
 * {@link #setSchedule} and {@link #planNow}; any thread may call {@link #hintSeek} and read the rest.
 */
public final class PrefetchLayer {
    static final long NO_HINT = -1L;
    private static final VarHandle HINT;

    static {
        try {
            HINT = MethodHandles.lookup().findVarHandle(PrefetchLayer.class, "hint", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final int id;
    final SampleTable table;
    final HapVariant variant;
    final LayerRing ring;
    final CompletableFuture<Void> closed = new CompletableFuture<>();

    volatile FrameSchedule schedule;

    @SuppressWarnings("unused") // accessed through HINT
    private volatile long hint = NO_HINT;

    volatile boolean replan = true;
    private volatile PrebufferException error;
    volatile int lookaheadFrames;
    volatile boolean closing;

    // ---- I/O thread only
    FileHandle file;
    int inFlight;
    long latencyEstimateNanos;
    final int[] wanted;
    int wantedCount;

    PrefetchLayer(int id, SampleTable table, HapVariant variant, LayerRing ring, FrameSchedule schedule) {
        this.id = id;
        this.table = table;
        this.variant = variant;
        this.ring = ring;
        this.schedule = schedule;
        this.wanted = new int[2 * LayerRing.MAX_SLOTS];
    }

    public int id() {
        return id;
    }

    public SampleTable sampleTable() {
        return table;
    }

    public HapVariant variant() {
        return variant;
    }

    public LayerRing ring() {
        return ring;
    }

    public LayerIoStats stats() {
        return ring.stats;
    }

    /** The lookahead (frames beyond the current one) the policy chose at the last plan. */
    public int lookaheadFrames() {
        return lookaheadFrames;
    }

    /** The layer's error (reads stopped, last good frame held), or null. */
    public PrebufferException error() {
        return error;
    }

    /** Completes when the layer's memory has been freed after a close. */
    public CompletableFuture<Void> closedFuture() {
        return closed;
    }

    // ---- tick thread

    /** A hold on {@code frame} if it is ready, else null (see {@link LayerRing#acquire}). Allocation-free. */
    public FrameSlot acquire(int frame) {
        return ring.acquire(frame);
    }

    /** Publishes a new schedule (play, speed, loop, seek); the I/O thread plans from it at once. */
    public void setSchedule(FrameSchedule s) {
        schedule = s;
        replan = true;
    }

    /** Asks the I/O thread to plan this layer now rather than at the next tick (a miss waiting for its frame). */
    public void planNow() {
        replan = true;
    }

    // ---- any thread

    /**
     * Says that a seek to {@code frame} is coming (it takes effect at the next tick): the I/O thread reads the
     * target and its neighbours at once, so the seek is usually served from the buffer. Dropped when the
     * schedule's generation moves past {@code currentGeneration}.
     */
    public void hintSeek(int frame, long currentGeneration) {
        HINT.setRelease(this, ((long) frame << 32) | (currentGeneration & 0xFFFF_FFFFL));
        replan = true;
    }

    long hint() {
        return (long) HINT.getAcquire(this);
    }

    void clearHint(long seen) {
        HINT.compareAndSet(this, seen, NO_HINT);
    }

    // ---- I/O thread

    void fail(PrebufferException e) {
        if (error == null) {
            error = e;
        }
    }

    boolean wants(int frame) {
        for (int i = 0; i < wantedCount; i++) {
            if (wanted[i] == frame) {
                return true;
            }
        }
        return false;
    }

    /** Folds a read latency into a decaying maximum (falls by 1/64 per sample). */
    void observeLatency(long nanos) {
        latencyEstimateNanos = Math.max(nanos, latencyEstimateNanos - (latencyEstimateNanos >> 6));
    }
}
