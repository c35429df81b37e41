package org.hapring.render.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.HapVariant;
import org.hapring.decode.MovieFrameReader;
import org.hapring.decode.TextureFrame;
import org.hapring.decode.reference.ReferenceDecoder;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.ReadEngines;
import org.hapring.playback.Player;
import org.hapring.playback.PlayerConfig;
import org.hapring.playback.VerifyFrameSink;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.render.RenderOptions;
import org.hapring.render.RenderReport;
import org.hapring.render.Renderer;
import org.hapring.render.RgbaDiff;
import org.hapring.render.TestMovies;
import org.hapring.render.compose.FitMode;
import org.hapring.render.compose.LayerLook;
import org.hapring.render.gl.EglOffscreenOutput;
import org.hapring.render.gl.GlUnavailableException;
import org.junit.jupiter.api.Test;

/**
 * The player's frames through the GL sink: a manual player (the test thread ticks, reads and decodes, as the
 * render thread does) on the synchronous engine, a verifying sink in front: each tick's canvas shows the due
 * frame (against the reference decode of that frame, 2 LSB), a frame is uploaded once however many ticks it
 * stays up, and a closed layer's textures go away.
 *
 * <p>The test thread is the render thread here.
 */
class GlFrameSinkTest {
    private static final int FRAMES = 12;

    @Test
    void eachTickShowsTheDueFrameUploadedOnce() throws Exception {
        EglOffscreenOutput output;
        try {
            output = EglOffscreenOutput.open();
        } catch (GlUnavailableException e) {
            assumeTrue(false, "no OpenGL here: " + e.getMessage());
            return;
        }
        Path movie = TestMovies.generated(HapVariant.HAP_Q, 64, 48, FRAMES, 7);
        PlayerConfig config = PlayerConfig.builder()
                .set("engine", "sync")
                .set("maxLayers", 4)
                .set("fps", "60")
                .build();
        try (output;
                Arena arena = Arena.ofConfined();
                Renderer renderer = new Renderer(output, new RenderOptions(64, 48, 4, null, false));
                MovieFrameReader reference = MovieFrameReader.open(movie)) {
            VerifyFrameSink verify = new VerifyFrameSink(4, new GlFrameSink(renderer));
            try (Player player = Player.manual(
                    config,
                    verify,
                    ReadEngines.create(EngineKind.SYNC, EngineConfig.builder().build()),
                    FrameDecoders.hap(0))) {
                int id = player.openLayer(movie);
                renderer.looks().set(id, LayerLook.DEFAULT.withFit(FitMode.NATIVE));
                assertTrue(player.awaitReady(5_000_000_000L));
                player.play(id);
                MemorySegment canvas = arena.allocate(renderer.canvas().rgbaBytes());
                MemorySegment expected = arena.allocate(ReferenceDecoder.rgbaBytes(64, 48));
                for (long tick = 0; tick < 8; tick++) {
                    player.tick(tick);
                    renderer.drawFrame(tick);
                    renderer.canvas().readRgba(canvas);
                    int frame = renderer.frameIndex(id);
                    assertEquals(tick, frame, "the movie runs at the clock's rate: frame = tick");
                    TextureFrame t = reference.decode(frame);
                    ReferenceDecoder.toRgba(t, HapVariant.HAP_Q, expected);
                    RgbaDiff.assertWithin(
                            expected.toArray(ValueLayout.JAVA_BYTE),
                            canvas.toArray(ValueLayout.JAVA_BYTE),
                            64,
                            2,
                            "tick " + tick);
                }
                player.pause(id);
                for (long tick = 8; tick < 14; tick++) {
                    player.tick(tick);
                    renderer.drawFrame(tick);
                }
                assertEquals(8, renderer.frameIndex(id), "paused on the frame due at tick 8");
                RenderReport report = renderer.report();
                assertEquals(9, report.layers().get(0).uploads(), "frames 0..8 uploaded once each, none while paused");
                assertEquals(0, player.snapshot().wrong(), "the verifying sink saw the right frames");

                var closed = player.closeLayer(id);
                player.tick(14);
                closed.get(5, TimeUnit.SECONDS);
                assertEquals(-1, renderer.frameIndex(id), "the closed layer's textures are gone");
                renderer.drawFrame(14);
                renderer.canvas().readRgba(canvas);
                for (long i = 0; i < canvas.byteSize(); i += 4) {
                    assertEquals(0, canvas.get(ValueLayout.JAVA_BYTE, i), "nothing drawn at byte " + i);
                }
            }
        }
    }
}
