package org.hapring.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.hapring.mov.MovReader;
import org.hapring.playback.FrameClock;
import org.hapring.playback.LayerStats;
import org.hapring.playback.NullFrameSink;
import org.hapring.playback.Player;
import org.hapring.playback.PlayerConfig;
import org.hapring.playback.PlayerStats;
import org.hapring.prebuffer.FrameDecoders;

/**
 * {@link PacedRun} on the real player: every file opened as a layer (each seeked to its start frame), playing at
 * the clock's rate for the given time with the default buffering policy (the memory cap raised so that every
 * layer gets the policy's slots), frames going to a null sink. This thread is the tick thread: it runs a
 * pre-roll tick 0 (applies the seeks and plays), waits until every layer's frame is ready, then ticks on time
 * from tick 1 (a tick it wakes too late for is skipped and counted dropped on every layer, as the player's own
 * driver does), timing each tick for the acquire trace. Counts are taken between the snapshot after the
 * pre-roll and the one at the end.
 *
 * <p>Called by the benchmark's main thread, which becomes the player's tick thread; the player's I/O and decode
 * threads end before {@link #run} returns.
 */
public final class PlayerPacedRun implements PacedRun {
    /** How long the layers may take to get their first frames. */
    static final long PREROLL_TIMEOUT_NANOS = 30_000_000_000L;
    /** Pre-buffer slots a layer may take at most (the policy's maximum look-ahead plus the frames in use). */
    static final int SLOTS_PER_LAYER = 12;

    private final Map<String, String> playerSettings;

    /** The player with its defaults (plus what a run needs: engine, direct, fps, layers, memory). */
    public PlayerPacedRun() {
        this(Map.of());
    }

    /**
     * The player with {@code playerSettings} (keys of {@link PlayerConfig#KEYS}, e.g. {@code maxReadBytesInFlight})
     * applied after what a run needs, so a user can measure a setting.
     */
    public PlayerPacedRun(Map<String, String> playerSettings) {
        this.playerSettings = Map.copyOf(playerSettings);
    }

    @Override
    public Result run(Spec spec) throws IOException {
        int layers = spec.layers();
        long maxFrameBytes = 0;
        for (var f : spec.files().stream().distinct().toList()) {
            maxFrameBytes = Math.max(maxFrameBytes, MovReader.open(f).video().maxSampleBytes());
        }
        PlayerConfig.Builder builder = PlayerConfig.builder()
                .set("engine", spec.engine().cliName())
                .set("direct", spec.cache() == CacheState.DIRECT)
                .set("fps", spec.fps().toString())
                .set("maxLayers", Math.max(64, layers))
                .set("memoryCapBytes", Math.max(200_000_000L, layers * SLOTS_PER_LAYER * maxFrameBytes));
        playerSettings.forEach(builder::set);
        PlayerConfig config = builder.build();
        List<String> notices = new ArrayList<>();
        try (Player player = Player.start(config, new NullFrameSink(), FrameDecoders.hap(), notices::add)) {
            int[] ids = new int[layers];
            for (int i = 0; i < layers; i++) {
                ids[i] = player.openLayer(spec.files().get(i));
                if (spec.startFrames()[i] != 0) {
                    player.seek(ids[i], spec.startFrames()[i]);
                }
                player.play(ids[i]);
            }
            player.tick(0);
            try {
                if (!player.awaitReady(PREROLL_TIMEOUT_NANOS)) {
                    throw new IOException("paced run: the layers' first frames were not ready within 30 s ("
                            + spec.engine().cliName() + ", " + layers + " layers)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted during the pre-roll");
            }
            PlayerStats before = player.snapshot();
            long period = player.clock(0).tickPeriodNanos();
            FrameClock clock = player.clock(System.nanoTime() + 20_000_000L - period);
            long endTick =
                    1 + Math.max(1, Math.round(spec.seconds() * spec.fps().fps()));
            LatencyTrace trace = new LatencyTrace();
            long start = clock.tickDueNanos(1);
            for (long tick = 1; tick < endTick; ) {
                long due = clock.tickDueNanos(tick);
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                long reached = clock.tickAt(now);
                if (reached > tick) {
                    long skip = Math.min(reached, endTick) - tick;
                    player.skipTicks(skip);
                    tick += skip;
                    if (tick >= endTick) {
                        break;
                    }
                }
                long t0 = System.nanoTime();
                player.tick(tick);
                long t1 = System.nanoTime();
                trace.add(t0 - start, t1 - t0);
                tick++;
            }
            if (player.failure() != null) {
                throw new IOException("paced run: the player's I/O failed: " + player.failure(), player.failure());
            }
            PlayerStats after = player.snapshot();
            return result(before, after, (clock.tickDueNanos(endTick) - start) / 1e9, trace, notices);
        }
    }

    private static Result result(
            PlayerStats before, PlayerStats after, double seconds, LatencyTrace trace, List<String> notices) {
        long due = 0;
        long dropped = 0;
        long hits = 0;
        long misses = 0;
        long bytes = 0;
        for (LayerStats a : after.layers()) {
            LayerStats b = before.layers().stream()
                    .filter(x -> x.layerId() == a.layerId())
                    .findFirst()
                    .orElseThrow();
            due += a.ticks() - b.ticks();
            dropped += a.dropped() - b.dropped();
            hits += a.hits() - b.hits();
            misses += a.misses() - b.misses();
            bytes += a.bytesRead() - b.bytesRead();
        }
        List<String> all = new ArrayList<>(notices);
        if (after.fallbackReason() != null && !all.contains(after.fallbackReason())) {
            all.add(after.fallbackReason());
        }
        return new Result(
                after.engine(),
                after.ticks() + after.skippedTicks() - before.ticks() - before.skippedTicks(),
                due,
                dropped,
                hits,
                misses,
                after.acquire().p50Micros(),
                after.acquire().p99Micros(),
                bytes,
                seconds,
                trace,
                List.copyOf(all));
    }
}
