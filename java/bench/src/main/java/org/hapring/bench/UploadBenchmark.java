package org.hapring.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.TextureFormat;
import org.hapring.decode.TextureFrame;
import org.hapring.render.gl.EglOffscreenOutput;
import org.hapring.render.gl.GlDriver;
import org.hapring.render.gl.GlUnavailableException;
import org.hapring.render.texture.GlTextureFormats;
import org.hapring.render.texture.TextureStreamer;
import org.hapring.render.texture.UploadPath;
import org.lwjgl.opengl.GL11C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Texture upload time per frame, by texture format and upload path, on a headless OpenGL context (EGL
 * surfaceless; Mesa llvmpipe on a machine without a GPU), microseconds per frame:
 * <ul>
 *   <li>{@code upload}: what the render thread spends in {@link TextureStreamer#upload} (the direct path's
 *       driver copy; the PBO path's copy into the mapped ring, the upload command and its fence). This is the
 *       part of the frame budget uploads take.</li>
 *   <li>{@code uploadAndFinish}: the same, then {@code glFinish}: until the texture is on the GPU.</li>
 * </ul>
 * Frames rotate through 8 different textures (random blocks, 16+ MiB at 1080p DXT5), so every upload reads
 * memory that is not in the CPU caches, as in playback. Texture bytes per 1080p frame: DXT1 and BC4 1,036,800;
 * DXT5, BC7 and BC6H 2,073,600 (HAP Q = DXT5, HAP Q Alpha = DXT5 + BC4).
 *
 * <p>Run: {@code java -jar java/bench/target/benchmarks.jar UploadBenchmark -f 1 -wi 2 -i 3}.
 * Skipped (setup fails with the reason) when no OpenGL context can be had.
 *
 * <p>JMH runs each benchmark method on its own benchmark thread, where setup makes the GL context current.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dorg.lwjgl.system.memoryBackend=ffm"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class UploadBenchmark {
    static final int FRAMES = 8;

    @Param({"DXT1", "DXT5", "BC4", "BC7", "BC6H_UNSIGNED"})
    public String format;

    @Param({"direct", "pbo"})
    public String path;

    @Param({"1920x1080"})
    public String size;

    private EglOffscreenOutput output;
    private TextureStreamer streamer;
    private Arena arena;
    private final TextureFrame[] frames = new TextureFrame[FRAMES];
    private int next;

    @Setup
    public void setUp() throws GlUnavailableException {
        int x = size.indexOf('x');
        int width = Integer.parseInt(size.substring(0, x));
        int height = Integer.parseInt(size.substring(x + 1));
        TextureFormat f = TextureFormat.valueOf(format);
        output = EglOffscreenOutput.open();
        GlDriver driver = GlDriver.current();
        if (!GlTextureFormats.supported(driver, f)) {
            throw new IllegalStateException(driver.describe() + " cannot sample " + f);
        }
        streamer = new TextureStreamer(driver, UploadPath.parse(path));
        arena = Arena.ofShared();
        long bytes = f.textureBytes(width, height);
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < FRAMES; i++) {
            TextureFrame frame = TextureFrame.allocate(arena, bytes, 1);
            MemorySegment s = frame.storage(0);
            for (long o = 0; o + 8 <= bytes; o += 8) {
                s.set(ValueLayout.JAVA_LONG_UNALIGNED, o, random.nextLong());
            }
            frame.reset(width, height);
            frame.setPlane(0, f, bytes);
            frames[i] = frame;
        }
        for (int i = 0; i < FRAMES; i++) {
            streamer.upload(0, i, frames[i]);
        }
        GL11C.glFinish();
    }

    @Benchmark
    public int upload() {
        int i = next;
        next = (i + 1) % FRAMES;
        streamer.upload(0, i, frames[i]);
        // a frame ends with a flush (a swap, or the offscreen output's glFlush): lets the PBO fences signal
        GL11C.glFlush();
        return i;
    }

    @Benchmark
    public int uploadAndFinish() {
        int i = upload();
        GL11C.glFinish();
        return i;
    }

    @TearDown
    public void tearDown() {
        GL11C.glFinish();
        if (streamer != null && streamer.ringBusyFallbacks() > 0) {
            System.out.println("ring busy: " + streamer.ringBusyFallbacks() + " uploads went direct");
        }
        if (streamer != null) {
            streamer.close();
        }
        if (output != null) {
            output.close();
        }
        if (arena != null) {
            arena.close();
        }
    }
}
