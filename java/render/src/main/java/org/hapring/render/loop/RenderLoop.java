package org.hapring.render.loop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.hapring.playback.FrameClock;
import org.hapring.render.Renderer;
import org.hapring.render.gl.GlOutput;
import org.hapring.render.gl.GlUnavailableException;
import org.hapring.render.gl.WindowOptions;

/**
 * The render thread: opens the output and the {@link Renderer} on itself, then, once started, runs the frame
 * clock's ticks: waits for the GPU to be done with the frame before last ({@link Renderer#awaitGpu}, counted as
 * GPU wait), runs the player's tick (acquire every layer's frame, upload it through the sink), draws and presents
 * each one, paced by vsync or by the clock ({@link Pacing}). When the thread falls behind, the ticks it missed
 * are skipped (counted as dropped by the player) rather than run in a burst; the screenshot tick is never
 * skipped, so the screenshot is exactly what was composited for it. Ends at the last tick, when the window is
 * closed, or on {@link #close()}; it then closes the renderer and the output itself.
 *
 * <pre>
 *   control thread: open() --ready--> start(clock, ticks) ... join/isRunning, overlay stats ... close()
 *   render thread:  open output + renderer | tick t: awaitGpu -> ticks.tick(t) -> draw -> [shot] -> present | close GL
 * </pre>
 *
 * <p>{@link #open}, {@link #start}, {@link #close} and the queries on a control thread; everything GL on the
 * loop's own thread.
 */
public final class RenderLoop implements AutoCloseable {
    /** What runs a tick: the player's tick and skip (or a test's). Called on the render thread. */
    public interface Ticks {
        void tick(long tick);

        void skipTicks(long count);
    }

    private final LoopSettings settings;
    private final Consumer<String> notices;
    private final Thread thread;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Renderer renderer;
    private volatile Pacing pacing;
    private volatile Throwable failure;
    private volatile boolean running = true;
    private volatile boolean closedByUser;
    private volatile long lastTick = -1;
    private volatile long screenshotTakenAt = -1;
    private FrameClock clock;
    private Ticks ticks;
    private long endTick;

    private RenderLoop(LoopSettings settings, Consumer<String> notices) {
        this.settings = settings;
        this.notices = notices;
        this.thread = new Thread(this::run, "hapring-render");
        this.thread.setDaemon(true);
    }

    /**
     * Starts the render thread and waits until its output and renderer are up (at most 30 s).
     *
     * @throws GlUnavailableException when the output cannot be opened (no display, no EGL, ...)
     */
    public static RenderLoop open(LoopSettings settings, Consumer<String> notices)
            throws GlUnavailableException, InterruptedException {
        RenderLoop loop = new RenderLoop(settings, notices);
        loop.thread.start();
        if (!loop.ready.await(30, TimeUnit.SECONDS)) {
            loop.close();
            throw new GlUnavailableException("the render thread did not open its output within 30 s");
        }
        Throwable f = loop.failure;
        if (f != null) {
            loop.thread.join(10_000);
            if (f instanceof GlUnavailableException u) {
                throw u;
            }
            if (f instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the render thread failed: " + f, f);
        }
        return loop;
    }

    /** The renderer (its looks, overlay and report may be used from any thread). */
    public Renderer renderer() {
        return renderer;
    }

    /** The pacing in use. */
    public Pacing pacing() {
        return pacing;
    }

    /** Runs ticks {@code 0 .. endTick - 1} of {@code clock} through {@code ticks} ({@code Long.MAX_VALUE}: until closed). */
    public void start(FrameClock clock, Ticks ticks, long endTick) {
        this.clock = clock;
        this.ticks = ticks;
        this.endTick = endTick;
        started.countDown();
    }

    private void run() {
        GlOutput output = null;
        try {
            pacing = settings.pacing() != null ? settings.pacing() : Pacing.VSYNC;
            WindowOptions w = settings.window();
            WindowOptions asked = new WindowOptions(
                    w.title(),
                    w.widthPixels(),
                    w.heightPixels(),
                    w.fullscreen(),
                    w.monitorIndex(),
                    pacing == Pacing.VSYNC);
            output = settings.output().open(asked, notices);
            if (!output.isWindow() || !output.vsync()) {
                pacing = Pacing.CLOCK;
            }
            renderer = new Renderer(output, settings.render());
            renderer.drawFrame(-1);
            renderer.present(0);
            renderer.stats().restartIntervals();
        } catch (Throwable t) {
            failure = t;
            closeQuietly(output);
            ready.countDown();
            return;
        }
        ready.countDown();
        try {
            while (running && !started.await(50, TimeUnit.MILLISECONDS)) {
                output.pollEvents();
            }
            if (running) {
                loop(output);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            running = false;
            try {
                renderer.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            closeQuietly(output);
        }
    }

    private void loop(GlOutput output) throws IOException {
        long period = clock.tickPeriodNanos();
        long refresh = pacing == Pacing.VSYNC ? Math.max(period, output.refreshPeriodNanos()) : period;
        Path shot = settings.screenshotPng();
        long shotTick = shot == null ? -1 : settings.screenshotTick();
        long tick = 0;
        while (running && tick < endTick) {
            long due = clock.tickDueNanos(tick);
            long now;
            while ((now = System.nanoTime()) < due && running) {
                LockSupport.parkNanos(Math.min(due - now, 5_000_000L));
                output.pollEvents();
            }
            long reached = Math.min(clock.tickAt(now), endTick - 1);
            if (shotTick >= tick && reached > shotTick) {
                reached = shotTick;
            }
            if (reached > tick) {
                ticks.skipTicks(reached - tick);
                tick = reached;
            }
            output.pollEvents();
            if (output.closeRequested()) {
                closedByUser = true;
                break;
            }
            renderer.awaitGpu();
            ticks.tick(tick);
            lastTick = tick;
            renderer.drawFrame(tick);
            if (tick == shotTick) {
                renderer.screenshot(shot);
                screenshotTakenAt = tick;
            }
            renderer.present(refresh);
            tick++;
        }
    }

    private static void closeQuietly(GlOutput output) {
        if (output != null) {
            try {
                output.close();
            } catch (RuntimeException ignored) {
                // closing after a failure: the failure is what gets reported
            }
        }
    }

    /** Whether the render thread is still running (false after the last tick, a close or a failure). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits up to {@code millis} for the render thread to end; true when it has. */
    public boolean join(long millis) throws InterruptedException {
        thread.join(Math.max(1, millis));
        return !thread.isAlive();
    }

    /** What stopped the render thread early, or null. */
    public Throwable failure() {
        return failure;
    }

    /** The user closed the window. */
    public boolean closedByUser() {
        return closedByUser;
    }

    /** The last tick presented, or -1. */
    public long lastTick() {
        return lastTick;
    }

    /** The tick the screenshot was taken at, or -1 when none was (yet). */
    public long screenshotTakenAt() {
        return screenshotTakenAt;
    }

    /** Stops after the frame in progress and waits for the render thread to close the renderer and output. */
    @Override
    public void close() {
        running = false;
        started.countDown();
        LockSupport.unpark(thread);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
