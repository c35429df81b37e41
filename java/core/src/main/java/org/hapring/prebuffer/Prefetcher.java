package org.hapring.prebuffer;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hapring.agent.Agent;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.io.BufferSet;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineStats;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.ReadEngine;
import org.hapring.mov.SampleTable;

/**
 * The I/O thread's agent: owns the read engine and the write side of every layer's ring. Each tick it plans
 * every layer (the frames its schedule needs next; frames no longer needed are recycled unless held), queues
 * one read per missing frame, nearest first across all layers, and submits them all at once (one
 * io_uring_enter for all layers),
 * then peeks completions without waiting (timeout 0: reads land by the next tick). A completed stored frame
 * is published in place; a compressed one goes to a decode worker. Reads carry (layer, slot, generation) in
 * their user data; a completion for an older generation that the layer no longer wants is dropped undecoded.
 *
 * <pre>
 *   doWork: commands (open, close) -> reap(peek) -> plan layers (new tick, or asked: seek, miss) -> submit once -> reap(peek)
 *   user data: | layer id (16) | slot (16) | schedule generation (low 32) |
 * </pre>
 *
 * <p>Threads: {@link #doWork()} and the completion callbacks run on the I/O thread; {@link #openLayer},
 * {@link #closeLayer} and {@link #onTick} may be called from any thread (commands and volatile mailboxes).
 */
public final class Prefetcher implements Agent, CompletionHandler, AutoCloseable {
    private static final int REAP_BATCH = 256;
    private static final int STATS_EVERY_TICKS = 30;
    static final long GENERATION_MASK = 0xFFFF_FFFFL;
    /** Wanted frames read in the urgent submission of a plan between ticks: the one due now and a seek target. */
    private static final int URGENT_FRAMES = 2;

    private final ReadEngine engine;
    private final BufferingPolicy policy;
    private final DecodeWorkers decoders;
    private final OpenOptions openOptions;
    private final PrefetchLayer[] layers;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final ReadPlanner planner;
    private volatile long currentTick;
    private volatile Runnable waker = () -> {};
    private volatile EngineStats engineStats;
    private volatile boolean statsRequested;
    private volatile long offHeapBytes;
    private long plannedTick = Long.MIN_VALUE;
    private long ticksPlanned;

    /**
     * @param tickPeriodNanos the clock's tick period (for the lookahead in time)
     * @param maxTicksAhead how far ahead a slow layer looks for its next frames
     * @param hintFrames frames read at a seek hint (the target and its neighbours)
     * @param maxLayers size of the layer table (ids 0..maxLayers-1)
     */
    public Prefetcher(
            ReadEngine engine,
            BufferingPolicy policy,
            DecodeWorkers decoders,
            OpenOptions openOptions,
            long tickPeriodNanos,
            int maxTicksAhead,
            int hintFrames,
            int maxLayers) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.decoders = Objects.requireNonNull(decoders, "decoders");
        this.openOptions = openOptions;
        this.layers = new PrefetchLayer[maxLayers];
        this.planner = new ReadPlanner(engine, policy, tickPeriodNanos, maxTicksAhead, hintFrames, maxLayers);
        this.engineStats = engine.stats();
    }

    @Override
    public String roleName() {
        return "io";
    }

    /** How to wake the I/O thread when it idles (the runner's unpark); set before the thread starts. */
    public void setWaker(Runnable r) {
        waker = Objects.requireNonNull(r);
    }

    public ReadEngine engine() {
        return engine;
    }

    /** The engine's counters, as of the I/O thread's last publication (every few ticks, and at close). */
    public EngineStats engineStats() {
        return engineStats;
    }

    /** Asks the I/O thread to publish fresh engine counters at its next loop (any thread). */
    public void requestStats() {
        statsRequested = true;
        waker.run();
    }

    /** Bytes of native memory held by the open layers' rings. */
    public long offHeapBytes() {
        return offHeapBytes;
    }

    public BufferingPolicy policy() {
        return policy;
    }

    // ---- any thread

    /** The tick thread starts tick {@code tick}: plan from it (allocation-free). */
    public void onTick(long tick) {
        currentTick = tick;
        waker.run();
    }

    public void wake() {
        waker.run();
    }

    /**
     * Opens a layer on the I/O thread: slots sized by the policy under the memory cap, file opened in the
     * engine, buffers registered; reading starts from {@code schedule}. The future fails with a
     * {@link PrebufferException} or the engine's {@link IoEngineException}.
     */
    public CompletableFuture<PrefetchLayer> openLayer(SampleTable table, FrameSchedule schedule) {
        CompletableFuture<PrefetchLayer> f = new CompletableFuture<>();
        HapVariant variant;
        boolean stored;
        try {
            variant = HapVariant.fromFourcc(table.fourcc())
                    .orElseThrow(() -> new PrebufferException(
                            table.file() + ": fourcc " + table.fourcc() + " is not a HAP variant this player shows"));
            stored = !engine.capabilities().zeroCopy() && firstFrameStored(table, variant);
        } catch (IOException e) {
            f.completeExceptionally(e);
            return f;
        }
        commands.add(() -> {
            try {
                f.complete(doOpen(table, variant, stored, schedule));
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        waker.run();
        return f;
    }

    /** Stops a layer's reads and frees its memory once nothing reads, decodes or holds its slots. */
    public CompletableFuture<Void> closeLayer(PrefetchLayer layer) {
        layer.closing = true;
        waker.run();
        return layer.closed;
    }

    /** Whether the layer's first frame is stored uncompressed (then its slots get no decode memory up front). */
    private static boolean firstFrameStored(SampleTable table, HapVariant variant) throws IOException {
        int first = table.firstPresentedFrame();
        ByteBuffer head = ByteBuffer.allocate(Math.min(8, table.size(first)));
        try (FileChannel ch = FileChannel.open(table.file(), StandardOpenOption.READ)) {
            while (head.hasRemaining() && ch.read(head, table.offset(first) + head.position()) > 0) {
                // read until full or end of file
            }
        }
        if (head.hasRemaining()) {
            return false;
        }
        return StoredFrames.storedHeaderBytes(
                        MemorySegment.ofArray(head.array()), table.size(first), variant, table.width(), table.height())
                > 0;
    }

    // ---- I/O thread

    private PrefetchLayer doOpen(SampleTable table, HapVariant variant, boolean stored, FrameSchedule schedule)
            throws IOException {
        int id = 0;
        while (id < layers.length && layers[id] != null) {
            id++;
        }
        if (id == layers.length) {
            throw new PrebufferException("cannot open " + table.file() + ": " + layers.length
                    + " layers are open (maxLayers=" + layers.length + ")");
        }
        if (table.width() <= 0 || table.height() <= 0 || table.maxSampleBytes() <= 0) {
            throw new PrebufferException(table.file() + ": picture " + table.width() + "x" + table.height()
                    + " with largest frame " + table.maxSampleBytes() + " bytes cannot be shown");
        }
        boolean zeroCopyEngine = engine.capabilities().zeroCopy();
        int align = 4096;
        long rawBytes = zeroCopyEngine ? 0 : BufferSet.requiredBytes(table.maxSampleBytes(), align);
        long textureBytes = LayerRing.textureBytesPerSlot(variant, table.width(), table.height());
        long perSlot = rawBytes + (stored ? 0 : textureBytes);
        int slots = policy.slotsForLayer(table.file(), perSlot, offHeapBytes);
        LayerRing ring = new LayerRing(table, variant, table.width(), table.height(), slots, rawBytes, align, !stored);
        PrefetchLayer layer = new PrefetchLayer(id, table, variant, ring, schedule);
        try {
            if (ring.buffers() != null) {
                engine.registerBuffers(ring.buffers());
            }
            layer.file = engine.open(table.file(), openOptions);
        } catch (IOException | RuntimeException e) {
            if (ring.buffers() != null && ring.buffers().isRegistered()) {
                engine.unregisterBuffers(ring.buffers());
            }
            ring.close();
            throw e;
        }
        layer.lookaheadFrames = policy.minLookaheadFrames();
        layers[id] = layer;
        offHeapBytes += ring.offHeapBytes();
        return layer;
    }

    @Override
    public int doWork() throws IoEngineException {
        int work = 0;
        for (Runnable c; (c = commands.poll()) != null; ) {
            c.run();
            work++;
        }
        work += engine.reap(0, REAP_BATCH, 0, this);
        long tick = currentTick;
        boolean newTick = tick != plannedTick;
        int planned = 0;
        for (PrefetchLayer layer : layers) {
            if (layer == null) {
                continue;
            }
            if (layer.closing) {
                work += finishClose(layer);
            } else if (newTick || layer.replan) {
                layer.replan = false;
                if (planner.plan(layer, tick)) {
                    planner.add(planned++, layer);
                }
            }
        }
        boolean queued;
        if (!newTick && planned > 0) {
            // Asked between ticks (a seek hint, a miss waiting): the frames due now and the seek targets go in a
            // submission of their own, because buffered reads complete inside io_uring_enter and the
            // read-ahead behind them would delay their completion by its whole copy.
            if (planner.queuePlanned(planned, URGENT_FRAMES, false)) {
                engine.submit();
                work += 1 + engine.reap(0, REAP_BATCH, 0, this);
            }
            queued = planner.queuePlanned(planned, Integer.MAX_VALUE, true);
        } else {
            queued = planner.queuePlanned(planned, Integer.MAX_VALUE, true);
        }
        if (newTick) {
            plannedTick = tick;
            if (++ticksPlanned % STATS_EVERY_TICKS == 0) {
                engineStats = engine.stats();
            }
        }
        if (statsRequested) {
            statsRequested = false;
            engineStats = engine.stats();
        }
        if (queued) {
            engine.submit();
            work += 1 + engine.reap(0, REAP_BATCH, 0, this);
        }
        return work;
    }

    @Override
    public void onComplete(long userData, MemorySegment data) {
        PrefetchLayer layer = layers[(int) (userData >>> 48)];
        FrameSlot slot = layer.ring.slots[(int) (userData >>> 32) & 0xFFFF];
        long now = System.nanoTime();
        layer.inFlight--;
        planner.readDone(slot);
        long latency = now - slot.submitNanos;
        layer.ring.stats.recordRead(latency);
        layer.ring.stats.add(LayerIoStats.BYTES_READ, data.byteSize());
        layer.observeLatency(latency);
        if (layer.closing || layer.error() != null) {
            slot.free();
            return;
        }
        long generation = userData & GENERATION_MASK;
        if (generation != (layer.schedule.generation() & GENERATION_MASK) && !layer.wants(slot.frameIndex())) {
            slot.free();
            layer.ring.stats.add(LayerIoStats.STALE_DROPPED, 1);
            return;
        }
        LayerRing ring = layer.ring;
        if (!engine.capabilities().zeroCopy()) {
            int header = StoredFrames.storedHeaderBytes(data, ring.variant, ring.widthPixels, ring.heightPixels);
            if (header > 0) {
                TextureFormat format = StoredFrames.format(data);
                slot.publishView(
                        format, data.asSlice(header, format.textureBytes(ring.widthPixels, ring.heightPixels)), now);
                ring.stats.add(LayerIoStats.ZERO_COPY_FRAMES, 1);
                return;
            }
        }
        if (!ring.hasTextures()) {
            long more = (long) ring.slotCount()
                    * LayerRing.textureBytesPerSlot(ring.variant, ring.widthPixels, ring.heightPixels);
            if (offHeapBytes + more > policy.memoryCapBytes()) {
                slot.free();
                layer.fail(new PrebufferException(ring.file + ": frame " + slot.frameIndex() + " is compressed and"
                        + " decoding it needs " + more + " more bytes of texture memory, over memoryCapBytes="
                        + policy.memoryCapBytes()));
                return;
            }
            ring.allocateTextures();
            offHeapBytes += more;
        }
        slot.startDecode(data, now);
        decoders.submit(slot);
    }

    @Override
    public void onError(long userData, IoEngineException error) {
        PrefetchLayer layer = layers[(int) (userData >>> 48)];
        FrameSlot slot = layer.ring.slots[(int) (userData >>> 32) & 0xFFFF];
        layer.inFlight--;
        planner.readDone(slot);
        int frame = slot.frameIndex();
        slot.free();
        layer.ring.stats.add(LayerIoStats.READ_ERRORS, 1);
        if (!layer.closing) {
            layer.fail(new PrebufferException(
                    "reading frame " + frame + " of " + layer.table.file() + " (offset "
                            + layer.table.offset(frame) + ", " + layer.table.size(frame) + " bytes) failed: "
                            + error.getMessage(),
                    error));
        }
    }

    /** Frees a closing layer once nothing reads, decodes or holds its slots; returns 1 when it did. */
    private int finishClose(PrefetchLayer layer) {
        if (layer.inFlight > 0 || layer.ring.busy()) {
            return 0;
        }
        engine.closeFile(layer.file);
        if (layer.ring.buffers() != null) {
            engine.unregisterBuffers(layer.ring.buffers());
        }
        offHeapBytes -= layer.ring.offHeapBytes();
        layer.ring.close();
        layers[layer.id] = null;
        layer.closed.complete(null);
        return 1;
    }

    /**
     * Closes the engine (waiting for reads in flight) and frees every layer's memory. Called on the I/O thread
     * after its last {@link #doWork()}, or by the owner once the I/O thread has stopped.
     */
    @Override
    public void close() {
        for (Runnable c; (c = commands.poll()) != null; ) {
            c.run();
        }
        engineStats = engine.stats();
        engine.close();
        for (PrefetchLayer layer : layers) {
            if (layer != null) {
                layer.ring.close();
                layer.closed.complete(null);
            }
        }
        Arrays.fill(layers, null);
        offHeapBytes = 0;
    }
}
