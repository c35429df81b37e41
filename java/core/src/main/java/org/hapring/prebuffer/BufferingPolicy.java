package org.hapring.prebuffer;

import java.nio.file.Path;

/**
 * How far each layer reads ahead and how much memory it may take (in the spirit of ExoPlayer's
 * DefaultLoadControl): a layer gets {@code maxLookaheadFrames + reserve} slots when the global memory cap has
 * room, never fewer than {@code minLookaheadFrames + reserve}; the reserve is the frame on screen plus the
 * frames a sink may keep for an upload. The lookahead in use starts at the minimum
 * ({@code hapPreBufferFrames}) and grows, within the slots, to cover three times the recent read latency at
 * the tick rate: warm page-cache reads stay at the minimum, slow disks read further ahead.
 *
 * <p>Immutable; any thread (the I/O thread asks it).
 */
public final class BufferingPolicy {
    /** How many recent read latencies a lookahead must cover. */
    static final int LATENCY_SAFETY_FACTOR = 3;

    private final int minLookaheadFrames;
    private final int maxLookaheadFrames;
    private final int sinkHoldFrames;
    private final long memoryCapBytes;
    private final long maxReadBytesInFlight;

    /** The default read budget, no limit in practice (1 TiB): see {@link #maxReadBytesInFlight()}. */
    public static final long DEFAULT_MAX_READ_BYTES_IN_FLIGHT = 1L << 40;

    public BufferingPolicy(int minLookaheadFrames, int maxLookaheadFrames, int sinkHoldFrames, long memoryCapBytes) {
        this(minLookaheadFrames, maxLookaheadFrames, sinkHoldFrames, memoryCapBytes, DEFAULT_MAX_READ_BYTES_IN_FLIGHT);
    }

    public BufferingPolicy(
            int minLookaheadFrames,
            int maxLookaheadFrames,
            int sinkHoldFrames,
            long memoryCapBytes,
            long maxReadBytesInFlight) {
        if (maxReadBytesInFlight < 1) {
            throw new IllegalArgumentException("maxReadBytesInFlight=" + maxReadBytesInFlight + ": must be >= 1");
        }
        if (minLookaheadFrames < 1
                || maxLookaheadFrames < minLookaheadFrames
                || sinkHoldFrames < 0
                || maxLookaheadFrames + 1 + sinkHoldFrames > LayerRing.MAX_SLOTS
                || memoryCapBytes < 1) {
            throw new IllegalArgumentException("minLookaheadFrames=" + minLookaheadFrames + " maxLookaheadFrames="
                    + maxLookaheadFrames + " sinkHoldFrames=" + sinkHoldFrames + " memoryCapBytes=" + memoryCapBytes
                    + ": need 1 <= min <= max, holds >= 0, max + 1 + holds <= " + LayerRing.MAX_SLOTS + ", cap >= 1");
        }
        this.minLookaheadFrames = minLookaheadFrames;
        this.maxLookaheadFrames = maxLookaheadFrames;
        this.sinkHoldFrames = sinkHoldFrames;
        this.memoryCapBytes = memoryCapBytes;
        this.maxReadBytesInFlight = maxReadBytesInFlight;
    }

    /**
     * The most read-ahead bytes in flight at once over all layers. Each layer's frame due now is always read;
     * read-ahead waits while this many bytes are being read. Without it a deep queue of large frames (4K HAP Q,
     * 8 MB each, 5+ ahead per layer) puts 100+ MB in front of the next frame due, and the device, which
     * serves them in its own order, can finish that frame late: 3 layers of 4K HAP Q from O_DIRECT dropped
     * 15-23 of 2700 frames without a budget and none (twice) with 32 MiB. Too small a budget starves many
     * layers of small frames through the disk's slow spells (12 layers of 1080p HAP Q: 0-104 drops at 32 MiB,
     * none without), so the default is no limit and the setting is a tuning knob for large frames.
     */
    public long maxReadBytesInFlight() {
        return maxReadBytesInFlight;
    }

    public int minLookaheadFrames() {
        return minLookaheadFrames;
    }

    public int maxLookaheadFrames() {
        return maxLookaheadFrames;
    }

    public long memoryCapBytes() {
        return memoryCapBytes;
    }

    /** Slots beyond the lookahead: the frame on screen and the frames a sink may keep. */
    public int reserveSlots() {
        return 1 + sinkHoldFrames;
    }

    /**
     * The slot count for a new layer whose slots take {@code bytesPerSlot} each, when the open layers already
     * use {@code bytesInUse} of the cap.
     *
     * @throws PrebufferException when even the minimum does not fit under the cap
     */
    public int slotsForLayer(Path file, long bytesPerSlot, long bytesInUse) throws PrebufferException {
        int want = maxLookaheadFrames + reserveSlots();
        int need = minLookaheadFrames + reserveSlots();
        long room = Math.max(0, memoryCapBytes - bytesInUse);
        long fit = bytesPerSlot <= 0 ? want : room / bytesPerSlot;
        int slots = (int) Math.min(want, fit);
        if (slots < need) {
            throw new PrebufferException("memoryCapBytes=" + memoryCapBytes + " leaves " + room + " bytes (" + fit
                    + " slots of " + bytesPerSlot + " bytes) for " + file + ", which needs at least " + need
                    + " (prebufferFrames=" + minLookaheadFrames + " + " + reserveSlots()
                    + " on screen or held); raise the memory cap or lower prebufferFrames");
        }
        return slots;
    }

    /**
     * Frames to read ahead (besides the one due now) for a layer with {@code slots} slots, at a tick period of
     * {@code tickPeriodNanos}, given a recent read latency of {@code recentReadNanos}.
     */
    public int lookaheadFrames(int slots, long tickPeriodNanos, long recentReadNanos) {
        long cover = recentReadNanos <= 0
                ? 0
                : (recentReadNanos * LATENCY_SAFETY_FACTOR + tickPeriodNanos - 1) / Math.max(1, tickPeriodNanos);
        long k = Math.max(minLookaheadFrames, cover + 1);
        return (int) Math.min(k, Math.min(maxLookaheadFrames, slots - reserveSlots()));
    }
}
