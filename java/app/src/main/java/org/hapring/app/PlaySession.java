package org.hapring.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hapring.playback.FrameClock;
import org.hapring.playback.FrameSink;
import org.hapring.playback.LayerStats;
import org.hapring.playback.NullFrameSink;
import org.hapring.playback.Player;
import org.hapring.playback.PlayerConfig;
import org.hapring.playback.PlayerStats;
import org.hapring.playback.TickDriver;
import org.hapring.playback.VerifyFrameSink;
import org.hapring.prebuffer.FrameDecoder;
import org.hapring.render.RenderReport;
import org.hapring.render.Renderer;
import org.hapring.render.gl.GlUnavailableException;
import org.hapring.render.loop.GlFrameSink;
import org.hapring.render.loop.LoopSettings;
import org.hapring.render.loop.PlayerTicks;
import org.hapring.render.loop.RenderLoop;
import org.hapring.render.overlay.OverlayStats;
import org.hapring.render.overlay.StatsOverlay;

/**
 * One run, shared by {@code play} and {@code demo}: opens every file as a layer, pre-rolls, plays them all from
 * tick 0 on a real-time clock for the given time, optionally seeking every layer to a random frame every few
 * milliseconds, keeps a status line up to date, and returns the final stats. Headless (no {@link Display}),
 * a {@link TickDriver} runs the ticks; with a display, the render loop's thread does (it is the player's tick
 * thread: acquire, upload, composite, present), and the overlay gets the engine's numbers four times a second.
 *
 * <p>Runs on the main thread, which becomes the control thread (status line, seeks, overlay stats); the player
 * has its own I/O and decode threads, and the tick thread is the driver's or the render loop's.
 */
final class PlaySession {
    /** The stats, the seconds played, and the renderer's report (null when headless). */
    record Result(PlayerStats stats, double seconds, RenderReport render) {}

    /**
     * Rendering settings: the loop's, the layout, the layers' labels (null: none), and whether a failure to get
     * any OpenGL output (with {@code --output auto}) may fall back to playing headless.
     */
    record Display(
            LoopSettings settings, DisplayOptions.Layout layout, List<String> labels, boolean headlessFallback) {}

    private PlaySession() {}

    static Result run(
            PlayerConfig config,
            List<Path> files,
            double seconds,
            boolean verify,
            long seekEveryMillis,
            long seed,
            Supplier<FrameDecoder> decoders,
            PrintWriter err,
            boolean terminal,
            Display display)
            throws IOException, InterruptedException {
        Consumer<String> notices = m -> {
            err.println("hapring: " + m);
            err.flush();
        };
        RenderLoop loop = null;
        if (display != null) {
            try {
                loop = RenderLoop.open(display.settings(), notices);
            } catch (GlUnavailableException e) {
                if (!display.headlessFallback()) {
                    throw new IOException(
                            "--output=" + display.settings().output().cliName() + ": " + e.getMessage(), e);
                }
                notices.accept(e.getMessage() + "; playing without rendering (--output none)"
                        + (display.settings().screenshotPng() == null ? "" : ", so no screenshot"));
            }
        }
        try {
            FrameSink shown = loop == null ? null : new GlFrameSink(loop.renderer());
            FrameSink sink = verify
                    ? new VerifyFrameSink(config.maxLayers(), shown)
                    : shown != null ? shown : new NullFrameSink();
            try (Player player = Player.start(config, sink, decoders, notices)) {
                int[] ids = new int[files.size()];
                for (int i = 0; i < files.size(); i++) {
                    ids[i] = player.openLayer(files.get(i));
                }
                if (loop != null) {
                    arrange(loop.renderer(), display, ids);
                }
                if (!player.awaitReady(30_000_000_000L)) {
                    throw new IOException("the layers' first frames were not ready within 30 s");
                }
                for (int id : ids) {
                    player.play(id);
                }
                FrameClock clock = player.clock(System.nanoTime() + 20_000_000L);
                long endTick = Math.max(1, (long) Math.ceil(seconds * clock.rateNumerator() / clock.rateDenominator()));
                Ticking ticking = loop == null
                        ? new Driven(new TickDriver(player, clock, endTick).start())
                        : new Rendered(loop, clock, player, endTick);
                control(player, ids, ticking, loop, clock, seconds, seekEveryMillis, seed, err, terminal);
                Throwable f = ticking.failure();
                if (f != null) {
                    throw new IllegalStateException(
                            (loop == null ? "the tick thread" : "the render thread") + " failed: " + f, f);
                }
                if (player.failure() != null) {
                    throw new IllegalStateException("the I/O thread failed: " + player.failure(), player.failure());
                }
                long lastTick = Math.max(0, player.lastTick());
                double ran = (clock.tickDueNanos(lastTick) - clock.startNanos()) / 1e9 + clock.tickPeriodNanos() / 1e9;
                if (loop != null && loop.closedByUser()) {
                    notices.accept("the window was closed after " + String.format(Locale.ROOT, "%.1f", ran) + " s");
                }
                return new Result(
                        player.snapshot(),
                        ran,
                        loop == null ? null : loop.renderer().report());
            }
        } finally {
            if (loop != null) {
                loop.close();
            }
        }
    }

    /** The control loop: seeks, the status line and the overlay's stats until the ticking ends. */
    private static void control(
            Player player,
            int[] ids,
            Ticking ticking,
            RenderLoop loop,
            FrameClock clock,
            double seconds,
            long seekEveryMillis,
            long seed,
            PrintWriter err,
            boolean terminal)
            throws InterruptedException {
        Random random = new Random(seed);
        StatusLine status = new StatusLine(err, terminal);
        long start = clock.startNanos();
        long nextSeek = seekEveryMillis > 0 ? start + seekEveryMillis * 1_000_000L : Long.MAX_VALUE;
        long nextStatus = start;
        try {
            while (ticking.isRunning()) {
                long now = System.nanoTime();
                if (now >= nextSeek) {
                    for (int id : ids) {
                        player.seek(id, random.nextInt(player.frameCount(id)));
                    }
                    nextSeek += seekEveryMillis * 1_000_000L;
                }
                if (now >= nextStatus) {
                    PlayerStats s = player.snapshot();
                    status.update(StatsReport.status(s, (now - start) / 1e9, seconds));
                    if (loop != null) {
                        loop.renderer()
                                .overlay()
                                .publish(overlayStats(s, loop.renderer().report()));
                    }
                    nextStatus += 250_000_000L;
                }
                long wake = Math.min(nextSeek, nextStatus);
                ticking.join(Math.max(1, Math.min(250, (wake - System.nanoTime()) / 1_000_000L)));
            }
        } finally {
            ticking.stop();
            status.finish();
        }
    }

    /**
     * The player's layers in the layout, with their labels; a grid shown with the stats overlay leaves the bottom
     * of the canvas to the overlay (when that leaves the grid at least half the canvas; else the overlay covers it).
     */
    private static void arrange(Renderer renderer, Display display, int[] ids) {
        int w = renderer.canvas().widthPixels();
        int h = renderer.canvas().heightPixels();
        int reserved = 0;
        if (display.layout() == DisplayOptions.Layout.GRID
                && display.settings().render().statsOverlay()
                && StatsOverlay.heightPixels(ids.length, h) <= h / 2) {
            reserved = StatsOverlay.heightPixels(ids.length, h);
            renderer.overlay().setBottom(true);
        }
        for (int i = 0; i < ids.length; i++) {
            renderer.looks().set(ids[i], DisplayOptions.look(display.layout(), i, ids.length, w, h, reserved));
            if (display.labels() != null && i < display.labels().size()) {
                renderer.labels().set(ids[i], display.labels().get(i));
            }
        }
    }

    /** The engine's numbers as the overlay shows them. */
    static OverlayStats overlayStats(PlayerStats s, RenderReport r) {
        List<OverlayStats.Layer> layers = new ArrayList<>();
        for (LayerStats l : s.layers()) {
            if (l.error() != null && l.ticks() == 0) {
                continue;
            }
            long uploadP99 = 0;
            for (RenderReport.LayerUpload u : r.layers()) {
                if (u.layerId() == l.layerId()) {
                    uploadP99 = u.upload().p99Nanos();
                }
            }
            layers.add(new OverlayStats.Layer(
                    l.layerId(),
                    Path.of(l.file()).getFileName().toString(),
                    l.hits(),
                    l.misses(),
                    l.acquire().p99Nanos(),
                    uploadP99,
                    l.dropped()));
        }
        return new OverlayStats(s.engine(), s.fallbackReason(), layers);
    }

    /** Who runs the ticks: the headless driver or the render loop. */
    private interface Ticking {
        boolean isRunning();

        void join(long millis) throws InterruptedException;

        void stop();

        Throwable failure();
    }

    private record Driven(TickDriver driver) implements Ticking {
        @Override
        public boolean isRunning() {
            return driver.isRunning();
        }

        @Override
        public void join(long millis) throws InterruptedException {
            driver.join(millis);
        }

        @Override
        public void stop() {
            driver.stop();
        }

        @Override
        public Throwable failure() {
            return driver.failure();
        }
    }

    private static final class Rendered implements Ticking {
        private final RenderLoop loop;

        Rendered(RenderLoop loop, FrameClock clock, Player player, long endTick) {
            this.loop = loop;
            loop.start(clock, new PlayerTicks(player), endTick);
        }

        @Override
        public boolean isRunning() {
            return loop.isRunning();
        }

        @Override
        public void join(long millis) throws InterruptedException {
            loop.join(millis);
        }

        @Override
        public void stop() {
            loop.close();
        }

        @Override
        public Throwable failure() {
            return loop.failure();
        }
    }
}
