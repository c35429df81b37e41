package org.hapring.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hapring.io.BufferSet;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.EngineStats;
import org.hapring.io.FileHandle;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.ReadEngine;
import org.hapring.io.ReadEngines;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * One playback tick of 6 layers of 1080p HAP Q noise: one frame (2,073,608 bytes) per file, queued for all
 * six, ONE submit, then reaped - per engine, from a warm page cache (or with O_DIRECT). The score is ticks
 * per second; GB/s = score x 6 x 2,073,608 / 1e9. The aux counters give io_uring_enter calls and bytes per
 * tick (divide the "enterCalls"/"bytes" totals by "ticks").
 *
 * <pre>
 *   ./hapring mvn -q -pl java/bench -am package -DskipTests
 *   java --enable-native-access=ALL-UNNAMED -jar java/bench/target/benchmarks.jar EngineTickBenchmark
 * </pre>
 *
 * <p>JMH runs each fork's benchmark on one thread, which owns the engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class EngineTickBenchmark {
    static final int LAYERS = 6;
    static final int FRAMES_PER_FILE = 24;

    @Param({"uring", "uring-noreg", "filechannel", "mmap", "sync"})
    public String engine;

    @Param({"false"})
    public boolean direct;

    private Arena arena;
    private ReadEngine readEngine;
    private BufferSet buffers;
    private FileHandle[] files;
    private long frame;
    private final Sink sink = new Sink();

    /** Per-tick counters reported by JMH (totals per iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long ticks;
        public long enterCalls;
        public long bytes;
    }

    /** Consumes completions (reads one byte of each frame so mmap pays for a touched page, like a consumer). */
    static final class Sink implements CompletionHandler {
        long checksum;
        int errors;

        @Override
        public void onComplete(long userData, MemorySegment data) {
            checksum += data.get(java.lang.foreign.ValueLayout.JAVA_BYTE, data.byteSize() - 1);
        }

        @Override
        public void onError(long userData, IoEngineException error) {
            errors++;
            throw new IllegalStateException(error);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<Path> paths =
                BenchFiles.ensure(BenchFiles.defaultDir(), LAYERS, FRAMES_PER_FILE, BenchFiles.HAPQ_1080P_FRAME_BYTES);
        if (!direct) {
            BenchFiles.warm(paths);
        }
        arena = Arena.ofShared();
        readEngine = ReadEngines.create(
                EngineKind.parse(engine), EngineConfig.builder().queueDepth(16).build());
        buffers = BufferSet.allocate(
                arena, LAYERS, BufferSet.requiredBytes(BenchFiles.HAPQ_1080P_FRAME_BYTES, 4096), 4096);
        readEngine.registerBuffers(buffers);
        files = new FileHandle[LAYERS];
        for (int i = 0; i < LAYERS; i++) {
            files[i] = readEngine.open(paths.get(i), direct ? OpenOptions.DIRECT : OpenOptions.BUFFERED);
        }
    }

    @Benchmark
    public long tick(Counters counters) throws IoEngineException {
        EngineStats before = readEngine.stats();
        long offset = (frame++ % FRAMES_PER_FILE) * BenchFiles.HAPQ_1080P_FRAME_BYTES;
        for (int i = 0; i < LAYERS; i++) {
            if (readEngine.queue(files[i], offset, BenchFiles.HAPQ_1080P_FRAME_BYTES, buffers.index(i), i)
                    != ReadEngine.QUEUED) {
                throw new IllegalStateException("BUSY with an empty queue");
            }
        }
        readEngine.submit();
        int got = 0;
        while (got < LAYERS) {
            got += readEngine.reap(LAYERS - got, LAYERS, 1_000_000_000L, sink);
        }
        EngineStats d = readEngine.stats().minus(before);
        counters.ticks++;
        counters.enterCalls += d.enterCalls();
        counters.bytes += d.bytesRead();
        return sink.checksum;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (FileHandle f : files) {
            readEngine.closeFile(f);
        }
        readEngine.unregisterBuffers(buffers);
        readEngine.close();
        arena.close();
        if (sink.errors > 0) {
            throw new IllegalStateException(sink.errors + " read errors");
        }
    }
}
