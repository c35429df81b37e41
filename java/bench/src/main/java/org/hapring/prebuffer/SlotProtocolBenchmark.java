package org.hapring.prebuffer;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hapring.bench.BenchFiles;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.mov.MovReader;
import org.hapring.mov.SampleTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pre-buffer slot protocol ({@link FrameSlot}, {@link LayerRing}) on its own, in nanoseconds per operation,
 * on a ring of 8 slots of a 1080p HAP Q layer (this class sits in the slots' package to reach the I/O side's
 * package-private transitions, as the I/O thread does):
 *
 * <ul>
 *   <li>{@code holdRelease}: the tick thread's acquire of the frame in the LAST slot (a full scan: 8 frame-number
 *   checks, then the hold CAS) and the release CAS.</li>
 *   <li>{@code lifecycle}: one frame's whole life on one thread: claim (FREE to READING), publish a stored frame
 *   in place (release store of READY), hold, release, recycle (CAS 0 to FREE).</li>
 *   <li>{@code contended}: the tick thread holding and releasing slot 0's frame while an I/O thread recycles and
 *   republishes slot 1 of the same ring, concurrently (the cost of the two threads' cache-line traffic).</li>
 * </ul>
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -jar java/bench/target/benchmarks.jar SlotProtocolBenchmark
 * </pre>
 *
 * <p>JMH runs the single-threaded benchmarks on one benchmark thread; {@code contended} runs one "tick" and one
 * "io" thread on the same ring.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
public class SlotProtocolBenchmark {
    static final int SLOTS = 8;

    private LayerRing ring;
    private MemorySegment texture;
    private int frame = SLOTS;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path movie = BenchFiles.hapMovie(
                BenchFiles.defaultDir().resolveSibling("hapring-bench-slots"), HapVariant.HAP_Q, 1920, 1080, 16);
        SampleTable table = MovReader.open(movie).video();
        ring = new LayerRing(table, HapVariant.HAP_Q, 1920, 1080, SLOTS, table.maxSampleBytes() + 8192L, 4096, false);
        texture = ring.slots[0].rawBuffer.asSlice(0, TextureFormat.YCOCG_DXT5.textureBytes(1920, 1080));
        for (int i = 0; i < SLOTS; i++) {
            FrameSlot s = ring.slots[i];
            s.claim(i, 0, System.nanoTime());
            s.publishView(TextureFormat.YCOCG_DXT5, s.rawBuffer.asSlice(0, texture.byteSize()), System.nanoTime());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ring.close();
    }

    @Benchmark
    @Group("holdRelease")
    public int holdRelease() {
        FrameSlot s = ring.acquire(SLOTS - 1);
        s.release();
        return s.index;
    }

    @Benchmark
    @Group("lifecycle")
    public int lifecycle() {
        FrameSlot s = ring.slots[SLOTS - 1];
        if (!s.tryFree()) {
            throw new IllegalStateException("slot held: " + s);
        }
        int f = frame++;
        s.claim(f, 0, 0);
        s.publishView(TextureFormat.YCOCG_DXT5, texture, 0);
        FrameSlot held = ring.acquire(f);
        held.release();
        return held.index;
    }

    @Benchmark
    @Group("contended")
    @GroupThreads(1)
    public int contendedTick() {
        FrameSlot s = ring.acquire(0);
        if (s == null) {
            return -1;
        }
        s.release();
        return s.index;
    }

    @Benchmark
    @Group("contended")
    @GroupThreads(1)
    public int contendedIo() {
        FrameSlot s = ring.slots[1];
        if (!s.tryFree()) {
            return -1;
        }
        s.claim(1, 0, 0);
        s.publishView(TextureFormat.YCOCG_DXT5, texture, 0);
        return s.index;
    }
}
