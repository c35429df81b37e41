package org.hapring.playback;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hapring.agent.AgentRunner;
import org.hapring.agent.BackoffIdleStrategy;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.EngineStats;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.ReadEngine;
import org.hapring.io.ReadEngines;
import org.hapring.mov.MovReader;
import org.hapring.mov.Rational;
import org.hapring.mov.SampleTable;
import org.hapring.prebuffer.BufferingPolicy;
import org.hapring.prebuffer.DecodeWorkers;
import org.hapring.prebuffer.FrameDecoder;
import org.hapring.prebuffer.LayerIoStats;
import org.hapring.prebuffer.OnDemandReader;
import org.hapring.prebuffer.PrebufferException;
import org.hapring.prebuffer.PrefetchLayer;
import org.hapring.prebuffer.Prefetcher;

/**
 * The headless player: layers (a HAP movie each) with play/pause, speed (negative = reverse), loops, seeks,
 * all shown through a {@link FrameSink} once per tick. The I/O thread ({@link Prefetcher}) reads every layer's
 * upcoming frames ahead into its ring, decode workers decompress them, and {@link #tick} (the tick thread:
 * a {@link TickDriver}, a render loop, or a test) only picks up frames that are ready.
 *
 * <pre>
 *   control threads --commands--> tick thread (applies at the start of a tick, publishes schedules)
 *                                   |  onTick(t) / planNow / seek hints
 *                                   v
 *                                 I/O thread: engine, rings' write side --> decode workers --> READY slots
 * </pre>
 *
 * With {@code engine=sync} ({@code hapAsyncIO=false}) there is no I/O thread: each layer reads and decodes its
 * due frame on the tick thread when asked (the original pipeline, kept as the baseline).
 *
 * <p>Threads: {@link #tick} and {@link #skipTicks} on the tick thread; everything else on control threads
 * (any, including the tick thread between ticks); {@link #snapshot} from any thread.
 */
public final class Player implements AutoCloseable {
    /** How far ahead (ticks) a slow layer looks for its next frames: 10 s at 60 fps. */
    static final int MAX_TICKS_AHEAD = 600;
    /** Frames read at a seek hint: the target and its next neighbours. */
    static final int HINT_FRAMES = 3;

    private final PlayerConfig config;
    private final FrameSink sink;
    private final ReadEngine engine;
    private final boolean onDemand;
    private final boolean manual;
    private final Prefetcher prefetcher;
    private final DecodeWorkers decoders;
    private final Supplier<FrameDecoder> decoderFactory;
    private final AgentRunner ioRunner;
    private final ConcurrentLinkedQueue<Consumer<Long>> commands = new ConcurrentLinkedQueue<>();
    private final Layer[] byId;
    private final StatsBook book;
    private final List<OnDemandReader> readers = new ArrayList<>();
    private final Layer[] active;
    private int activeCount;
    private volatile long lastTick = -1;
    private volatile long ticks;
    private volatile long skippedTicks;
    private volatile Throwable ioFailure;
    private boolean closed;

    private Player(
            PlayerConfig config, FrameSink sink, ReadEngine engine, Supplier<FrameDecoder> decoders, boolean manual) {
        this.config = config;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.engine = engine;
        this.manual = manual;
        this.decoderFactory = Objects.requireNonNull(decoders, "decoders");
        this.onDemand = engine.name().equals(EngineKind.SYNC.cliName()) && config.engine() == EngineKind.SYNC;
        this.book = new StatsBook(sink);
        this.byId = new Layer[config.maxLayers()];
        this.active = new Layer[config.maxLayers()];
        if (onDemand) {
            this.decoders = null;
            this.prefetcher = null;
            this.ioRunner = null;
            return;
        }
        this.decoders = new DecodeWorkers(
                manual ? 0 : config.decodeThreads(),
                Integer.highestOneBit(Math.max(2, config.maxLayers() * 64 - 1)) << 1,
                decoders,
                this::ioFailed);
        BufferingPolicy policy = new BufferingPolicy(
                config.preBufferFrames(),
                config.maxPreBufferFrames(),
                config.sinkHoldFrames(),
                config.memoryCapBytes(),
                config.maxReadBytesInFlight());
        FrameClock clock = clock(0);
        this.prefetcher = new Prefetcher(
                engine,
                policy,
                this.decoders,
                new OpenOptions(config.direct()),
                clock.tickPeriodNanos(),
                MAX_TICKS_AHEAD,
                HINT_FRAMES,
                config.maxLayers());
        if (manual) {
            this.ioRunner = null;
        } else {
            this.ioRunner =
                    new AgentRunner(prefetcher, new BackoffIdleStrategy(10, 2, 20_000, 1_000_000), this::ioFailed);
            prefetcher.setWaker(ioRunner::wake);
            ioRunner.start();
        }
    }

    /**
     * A player with its own engine (by {@link PlayerConfig#engine()}, notices to {@code notices}), decode workers
     * and I/O thread.
     */
    public static Player start(
            PlayerConfig config, FrameSink sink, Supplier<FrameDecoder> decoders, Consumer<String> notices)
            throws IoEngineException {
        EngineConfig ec = EngineConfig.builder()
                .queueDepth(config.queueDepth())
                .notices(notices)
                .maxBuffers(Math.min(EngineConfig.MAX_BUFFERS, config.maxLayers() * 64))
                .build();
        return new Player(config, sink, ReadEngines.create(config.engine(), ec), decoders, false);
    }

    /** A player on {@code engine} (which it closes) with its own I/O thread and decode workers. */
    public static Player start(
            PlayerConfig config, FrameSink sink, ReadEngine engine, Supplier<FrameDecoder> decoders) {
        return new Player(config, sink, engine, decoders, false);
    }

    /**
     * A player on {@code engine} with no threads of its own: the caller is the tick thread and runs the I/O and
     * decode work with {@link #pump()} (deterministic tests). The player closes the engine.
     */
    public static Player manual(
            PlayerConfig config, FrameSink sink, ReadEngine engine, Supplier<FrameDecoder> decoders) {
        return new Player(config, sink, engine, decoders, true);
    }

    public PlayerConfig config() {
        return config;
    }

    /** The clock this player's config asks for, started at {@code startNanos}. */
    public FrameClock clock(long startNanos) {
        Rational fps = config.fps();
        return new FrameClock(fps.numerator(), fps.denominator(), startNanos);
    }

    public String engineName() {
        return engine.name();
    }

    public String fallbackReason() {
        return engine.fallbackReason();
    }

    // ---- control threads

    /**
     * Opens a movie as a new layer, paused on its first frame (looping over the whole clip when the config
     * says so) with its first frames being read; returns the layer's id. Blocks until the layer is open.
     */
    public int openLayer(Path file) throws IOException {
        SampleTable table = MovReader.open(file).video();
        Rational clipFps = table.nominalFrameRate();
        double nativeFramesPerTick =
                clipFps.isZero() ? 1.0 : clipFps.toDouble() / config.fps().toDouble();
        int first = table.firstPresentedFrame();
        LayerSchedule schedule = LayerSchedule.pausedAt(
                table.frameCount(),
                first,
                Math.max(0, lastTick),
                nativeFramesPerTick,
                config.loop() ? LoopRegion.whole(table.frameCount()) : null);
        FrameSource source;
        LayerIoStats io;
        if (onDemand) {
            OnDemandReader r = new OnDemandReader(
                    engine, table, decoderFactory.get(), config.sinkHoldFrames(), new OpenOptions(config.direct()));
            synchronized (this) {
                readers.add(r);
            }
            source = new FrameSource.OnDemand(r);
            io = r.ring().stats();
        } else {
            PrefetchLayer pl = await(prefetcher.openLayer(table, schedule), file);
            source = new FrameSource.Prefetched(pl, prefetcher);
            io = pl.stats();
        }
        Layer layer;
        synchronized (this) {
            int id = 0;
            while (id < byId.length && byId[id] != null) {
                id++;
            }
            if (id == byId.length) {
                throw new PrebufferException("cannot open " + file + ": maxLayers=" + byId.length + " are open");
            }
            layer = new Layer(
                    id,
                    table,
                    source,
                    io,
                    schedule,
                    nativeFramesPerTick,
                    config.missPolicy(),
                    config.missDeadlineNanos());
            byId[id] = layer;
            book.register(layer);
        }
        commands.add(t -> active[activeCount++] = layer);
        return layer.id;
    }

    /** Waits until every open layer's current frame is ready (pre-roll); false on timeout. */
    public boolean awaitReady(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            if (manual) {
                pump();
            }
            boolean all = true;
            for (Layer l : layers()) {
                all &= l.source.error() != null || l.source.readyNow(l.schedule.frameAt(Math.max(0, lastTick)));
            }
            if (all) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (!manual) {
                Thread.sleep(1);
            }
        }
    }

    /**
     * Whether every open layer's frame due at {@code tick} looks ready now (any thread; a snapshot of the slots'
     * states, for pacing benchmarks and pre-rolls). Layers in error count as ready (they hold their frame).
     */
    public boolean readyFor(long tick) {
        for (Layer l : layers()) {
            if (l.source.error() == null && !l.source.readyNow(l.schedule.frameAt(tick))) {
                return false;
            }
        }
        return true;
    }

    /** Plays a layer from where it is, at its speed (native rate unless {@link #setSpeed} said otherwise). */
    public void play(int layerId) {
        Layer l = layer(layerId);
        commands.add(t -> l.apply(l.schedule.play(t), -1));
    }

    public void pause(int layerId) {
        Layer l = layer(layerId);
        commands.add(t -> l.apply(l.schedule.pause(t), -1));
    }

    /** Sets the speed as a multiple of the clip's own rate (1 = native, 2 = double, -1 = reverse). */
    public void setSpeed(int layerId, double speed) {
        if (!Double.isFinite(speed)) {
            throw new IllegalArgumentException("speed=" + speed + ": must be finite");
        }
        Layer l = layer(layerId);
        double fpt = speed * l.nativeFramesPerTick;
        commands.add(t -> l.apply(l.schedule.speed(t, fpt), -1));
    }

    /** Loops over {@code region} ({@code null}: no loop) from the next tick on. */
    public void setLoop(int layerId, LoopRegion region) {
        Layer l = layer(layerId);
        commands.add(t -> l.apply(l.schedule.loop(t, region), -1));
    }

    /**
     * Jumps to {@code frame} at the next tick: a new generation (reads for the old one are dropped), the
     * target read at once (before the tick applies the seek) and then its neighbours in the play direction;
     * a target already buffered is shown from the buffer.
     */
    public void seek(int layerId, int frame) {
        Layer l = layer(layerId);
        Objects.checkIndex(frame, l.table.frameCount());
        long posted = System.nanoTime();
        l.source.hintSeek(frame, l.schedule.generation());
        commands.add(t -> l.apply(l.schedule.seek(t, frame), posted));
    }

    /**
     * Closes a layer: it leaves the screen at the next tick, then its reads stop and its memory is freed once
     * nothing holds its frames. The future completes when the memory is freed.
     */
    public CompletableFuture<Void> closeLayer(int layerId) {
        Layer l;
        synchronized (this) {
            l = layer(layerId);
            byId[layerId] = null;
        }
        CompletableFuture<Void> removed = new CompletableFuture<>();
        commands.add(t -> {
            for (int i = 0; i < activeCount; i++) {
                if (active[i] == l) {
                    active[i] = active[--activeCount];
                    active[activeCount] = null;
                }
            }
            l.releaseCurrent();
            l.removed = true;
            sink.layerClosed(l.id);
            removed.complete(null);
        });
        CompletableFuture<Void> retired = removed.thenRun(() -> book.retire(l));
        if (l.source instanceof FrameSource.Prefetched p) {
            return retired.thenCompose(v -> prefetcher.closeLayer(p.layer()));
        }
        OnDemandReader r = ((FrameSource.OnDemand) l.source).reader();
        return retired.thenRun(() -> {
            r.close();
            synchronized (this) {
                readers.remove(r);
            }
        });
    }

    /** The ids of the open layers. */
    public synchronized int[] layerIds() {
        return book.live().stream()
                .filter(l -> byId[l.id] == l)
                .mapToInt(l -> l.id)
                .toArray();
    }

    /** The frames of a layer's movie. */
    public int frameCount(int layerId) {
        return layer(layerId).table.frameCount();
    }

    private synchronized List<Layer> layers() {
        List<Layer> out = new ArrayList<>();
        for (Layer l : byId) {
            if (l != null) {
                out.add(l);
            }
        }
        return out;
    }

    private synchronized Layer layer(int layerId) {
        if (layerId < 0 || layerId >= byId.length || byId[layerId] == null) {
            throw new IllegalArgumentException("layer=" + layerId + ": no such open layer");
        }
        return byId[layerId];
    }

    // ---- tick thread

    /**
     * Runs tick {@code tick} (increasing): applies the commands posted since the last tick, lets the I/O thread
     * plan from this tick, and shows every layer's due frame. Allocation-free when no command is pending.
     */
    public void tick(long tick) {
        for (Consumer<Long> c; (c = commands.poll()) != null; ) {
            c.accept(tick);
        }
        if (prefetcher != null) {
            prefetcher.onTick(tick);
        }
        for (int i = 0; i < activeCount; i++) {
            active[i].tick(tick, sink);
        }
        sink.tickDone(tick);
        lastTick = tick;
        ticks = ticks + 1;
    }

    /** The clock passed {@code count} ticks without running them (the tick thread was late): dropped everywhere. */
    public void skipTicks(long count) {
        for (int i = 0; i < activeCount; i++) {
            active[i].skipped(count);
        }
        skippedTicks = skippedTicks + count;
    }

    /** The last tick run, or -1. */
    public long lastTick() {
        return lastTick;
    }

    /** Manual players: runs the I/O and decode work until neither has any left (the caller's thread). */
    public void pump() {
        if (!manual || prefetcher == null) {
            return;
        }
        try {
            int work;
            do {
                work = prefetcher.doWork() + decoders.runPending();
            } while (work > 0);
        } catch (IoEngineException e) {
            throw new IllegalStateException("I/O agent failed: " + e.getMessage(), e);
        }
    }

    private void ioFailed(Throwable t) {
        ioFailure = t;
    }

    /** What stopped the I/O thread or a decode worker, or null. */
    public Throwable failure() {
        return ioFailure;
    }

    private <T> T await(CompletableFuture<T> f, Path file) throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try {
            while (!f.isDone()) {
                if (manual) {
                    pump();
                } else if (ioFailure != null) {
                    throw new IOException(
                            "opening " + file + " failed: the I/O thread stopped: " + ioFailure, ioFailure);
                } else if (System.nanoTime() > deadline) {
                    throw new IOException("opening " + file + " took more than 60 s");
                } else {
                    try {
                        return f.get(50, TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        // check the I/O thread and the deadline again
                    }
                }
            }
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException("opening " + file + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening " + file);
        }
    }

    // ---- any thread

    /** Every layer's stats (open and closed) and the totals, now. */
    public PlayerStats snapshot() {
        StatsBook.Collected c = book.collect();
        EngineStats es;
        if (prefetcher != null) {
            es = freshEngineStats();
        } else {
            synchronized (engine) {
                es = closed ? null : engine.stats();
            }
        }
        Rational fps = config.fps();
        return new PlayerStats(
                engine.name(),
                engine.fallbackReason(),
                fps.denominator() == 1 ? Long.toString(fps.numerator()) : fps.numerator() + "/" + fps.denominator(),
                ticks,
                skippedTicks,
                c.layers(),
                c.acquire(),
                c.seekToReady(),
                es == null ? 0 : es.enterCalls(),
                c.ringBytes() + ProcessMemory.directBufferBytes(),
                ProcessMemory.rssBytes());
    }

    /** The engine's counters, fresh: asks the I/O thread to publish them and waits up to 100 ms for it. */
    private EngineStats freshEngineStats() {
        EngineStats before = prefetcher.engineStats();
        if (closed || manual) {
            if (manual && !closed) {
                prefetcher.requestStats();
                pump();
            }
            return prefetcher.engineStats();
        }
        prefetcher.requestStats();
        long deadline = System.nanoTime() + 100_000_000L;
        while (prefetcher.engineStats() == before && System.nanoTime() < deadline && ioFailure == null) {
            LockSupport.parkNanos(200_000);
        }
        return prefetcher.engineStats();
    }

    /**
     * Stops the I/O thread and the decode workers, closes the engine and frees every layer's memory. The tick
     * thread must have stopped.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (ioRunner != null) {
            ioRunner.close();
        }
        if (decoders != null) {
            decoders.close();
        }
        if (prefetcher != null) {
            prefetcher.close();
        } else {
            synchronized (engine) {
                engine.close();
            }
            synchronized (this) {
                for (OnDemandReader r : readers) {
                    r.ring().close();
                }
                readers.clear();
            }
        }
    }
}
