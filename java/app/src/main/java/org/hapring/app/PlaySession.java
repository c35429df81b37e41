package org.hapring.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.hapring.playback.FrameClock;
import org.hapring.playback.FrameSink;
import org.hapring.playback.NullFrameSink;
import org.hapring.playback.Player;
import org.hapring.playback.PlayerConfig;
import org.hapring.playback.PlayerStats;
import org.hapring.playback.TickDriver;
import org.hapring.playback.VerifyFrameSink;
import org.hapring.prebuffer.FrameDecoder;

/**
 * One headless run, shared by {@code play} and {@code demo}: opens every file as a layer, pre-rolls, plays
 * them all from tick 0 on a real-time clock for the given time, optionally seeking every layer to a random
 * frame every few milliseconds, keeps a status line up to date, and returns the final stats.
 *
 * <p>Runs on the main thread, which becomes the control thread (status line, seeks); the player has its own
 * tick, I/O and decode threads.
 */
final class PlaySession {
    record Result(PlayerStats stats, double seconds) {}

    private PlaySession() {}

    static Result run(PlayerConfig config, List<Path> files, double seconds, boolean verify, long seekEveryMillis,
            long seed, Supplier<FrameDecoder> decoders, PrintWriter err, boolean terminal)
            throws IOException, InterruptedException {
        FrameSink sink = verify ? new VerifyFrameSink(config.maxLayers(), null) : new NullFrameSink();
        try (Player player = Player.start(config, sink, decoders, m -> {
            err.println("hapring: " + m);
            err.flush();
        })) {
            int[] ids = new int[files.size()];
            for (int i = 0; i < files.size(); i++) {
                ids[i] = player.openLayer(files.get(i));
            }
            if (!player.awaitReady(30_000_000_000L)) {
                throw new IOException("the layers' first frames were not ready within 30 s");
            }
            for (int id : ids) {
                player.play(id);
            }
            FrameClock clock = player.clock(System.nanoTime() + 20_000_000L);
            long endTick = Math.max(1, (long) Math.ceil(seconds * clock.rateNumerator() / clock.rateDenominator()));
            Random random = new Random(seed);
            StatusLine status = new StatusLine(err, terminal);
            long start = clock.startNanos();
            long nextSeek = seekEveryMillis > 0 ? start + seekEveryMillis * 1_000_000L : Long.MAX_VALUE;
            long nextStatus = start;
            TickDriver driver = new TickDriver(player, clock, endTick).start();
            try {
                while (driver.isRunning()) {
                    long now = System.nanoTime();
                    if (now >= nextSeek) {
                        for (int id : ids) {
                            player.seek(id, random.nextInt(player.frameCount(id)));
                        }
                        nextSeek += seekEveryMillis * 1_000_000L;
                    }
                    if (now >= nextStatus) {
                        status.update(StatsReport.status(player.snapshot(), (now - start) / 1e9, seconds));
                        nextStatus += 250_000_000L;
                    }
                    long wake = Math.min(nextSeek, nextStatus);
                    driver.join(Math.max(1, Math.min(250, (wake - System.nanoTime()) / 1_000_000L)));
                }
            } finally {
                driver.stop();
                status.finish();
            }
            if (driver.failure() != null) {
                throw new IllegalStateException("the tick thread failed: " + driver.failure(), driver.failure());
            }
            if (player.failure() != null) {
                throw new IllegalStateException("the I/O thread failed: " + player.failure(), player.failure());
            }
            double ran = (clock.tickDueNanos(endTick - 1) - start) / 1e9 + clock.tickPeriodNanos() / 1e9;
            return new Result(player.snapshot(), ran);
        }
    }
}
