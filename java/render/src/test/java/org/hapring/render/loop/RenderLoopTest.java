package org.hapring.render.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.hapring.decode.TextureFrame;
import org.hapring.playback.FrameClock;
import org.hapring.render.RenderOptions;
import org.hapring.render.Renderer;
import org.hapring.render.SolidFrames;
import org.hapring.render.compose.FitMode;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.gl.GlUnavailableException;
import org.hapring.render.gl.OutputKind;
import org.hapring.render.gl.WindowOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The render loop offscreen, driven by a stub in place of the player: ticks it is late for are skipped (never
 * the screenshot's), the screenshot holds exactly what was composited for its tick, close and failures end the
 * render thread cleanly.
 *
 * <p>The test thread is the control thread; the loop has its own render thread (where the stub runs).
 */
class RenderLoopTest {
    private static final int CW = 64;
    private static final int CH = 48;

    @TempDir
    Path dir;

    /** Uploads a red frame at the tick to capture and blue ones otherwise; records what ran. */
    private static final class StubTicks implements RenderLoop.Ticks {
        final Renderer renderer;
        final TextureFrame red;
        final TextureFrame blue;
        final long redTick;
        final List<Long> ran = new ArrayList<>();
        long skipped;
        final CountDownLatch threeTicks = new CountDownLatch(3);
        long failAt = -1;

        StubTicks(Renderer renderer, Arena arena, long redTick) {
            this.renderer = renderer;
            this.red = SolidFrames.dxt1(arena, CW, CH, SolidFrames.RED);
            this.blue = SolidFrames.dxt1(arena, CW, CH, SolidFrames.BLUE);
            this.redTick = redTick;
        }

        @Override
        public void tick(long tick) {
            if (tick == failAt) {
                throw new IllegalStateException("stub fails at tick " + tick);
            }
            renderer.upload(0, (int) tick, tick == redTick ? red : blue);
            synchronized (this) {
                ran.add(tick);
            }
            threeTicks.countDown();
        }

        @Override
        public synchronized void skipTicks(long count) {
            skipped += count;
        }
    }

    private RenderLoop open(Path screenshot, long screenshotTick) throws InterruptedException {
        LoopSettings s = new LoopSettings(
                OutputKind.OFFSCREEN,
                new WindowOptions("test", CW, CH, false, 0, false),
                new RenderOptions(CW, CH, 1, null, false),
                null,
                screenshot,
                screenshotTick);
        try {
            return RenderLoop.open(s, m -> {});
        } catch (GlUnavailableException e) {
            assumeTrue(false, "no OpenGL here: " + e.getMessage());
            throw new AssertionError(e);
        }
    }

    @Test
    void lateTicksAreSkippedButNeverTheScreenshotsWhichHoldsExactlyItsFrame() throws Exception {
        Path png = dir.resolve("shot.png");
        try (Arena arena = Arena.ofShared();
                RenderLoop loop = open(png, 10)) {
            assertSame(Pacing.CLOCK, loop.pacing(), "offscreen is paced by the clock");
            loop.renderer().looks().set(0, LayerLook.DEFAULT.withFit(FitMode.STRETCH));
            StubTicks stub = new StubTicks(loop.renderer(), arena, 10);
            // a clock that started a second ago: tick 60 is due now, ticks 0..9 and 11..59 are late
            FrameClock clock = new FrameClock(60, 1, System.nanoTime() - 1_000_000_000L);
            loop.start(clock, stub, 70);
            assertTrue(loop.join(30_000), "the loop ends after tick 69");
            assertNull(loop.failure());
            synchronized (stub) {
                assertEquals(10L, stub.ran.get(0), "the first tick run is the screenshot's: 0..9 skipped");
                assertTrue(stub.ran.size() >= 2 && stub.ran.get(1) >= 60, "after it, the loop catches up: " + stub.ran);
                assertEquals(70, stub.skipped + stub.ran.size(), "every tick is run or skipped once");
                assertEquals(69L, stub.ran.get(stub.ran.size() - 1));
            }
            assertEquals(10, loop.screenshotTakenAt());
            assertEquals(69, loop.lastTick());
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(CW, image.getWidth());
            assertEquals(CH, image.getHeight());
            assertEquals(
                    0xFF0000, image.getRGB(CW / 2, CH / 2) & 0xFFFFFF, "tick 10's red frame, not a later blue one");
            assertEquals(
                    loop.renderer().stats().presented(),
                    loop.renderer().report().presented());
            assertTrue(loop.renderer().report().presented() >= stub.ran.size(), "every tick run was presented");
        }
    }

    @Test
    void closeStopsTheRenderThread() throws Exception {
        try (Arena arena = Arena.ofShared();
                RenderLoop loop = open(null, 0)) {
            StubTicks stub = new StubTicks(loop.renderer(), arena, -1);
            loop.start(new FrameClock(60, 1, System.nanoTime()), stub, Long.MAX_VALUE);
            assertTrue(stub.threeTicks.await(30, TimeUnit.SECONDS), "three ticks ran");
            loop.close();
            assertFalse(loop.isRunning());
            assertNull(loop.failure());
            assertFalse(loop.closedByUser());
        }
    }

    @Test
    void aFailingTickEndsTheLoopWithItsError() throws Exception {
        try (Arena arena = Arena.ofShared();
                RenderLoop loop = open(null, 0)) {
            StubTicks stub = new StubTicks(loop.renderer(), arena, -1);
            stub.failAt = 2;
            loop.start(new FrameClock(60, 1, System.nanoTime()), stub, 100);
            assertTrue(loop.join(30_000));
            assertTrue(loop.failure() instanceof IllegalStateException, String.valueOf(loop.failure()));
            assertEquals("stub fails at tick 2", loop.failure().getMessage());
            assertEquals(1, loop.lastTick());
        }
    }

    @Test
    void closingBeforeStartEndsCleanly() throws Exception {
        RenderLoop loop = open(null, 0);
        loop.close();
        assertFalse(loop.isRunning());
        assertNull(loop.failure());
    }
}
