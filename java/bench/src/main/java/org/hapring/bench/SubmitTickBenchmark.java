package org.hapring.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
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
 * The fixed cost of one playback tick on the io_uring engine: fill one SQE per layer, ONE io_uring_enter, reap
 * the completions from the shared CQ, for 6 and 16 layers. Each read is one 4 KiB page from a warm page cache,
 * so the copy is negligible and what is measured is the SQE fill, the system call and the completion handling
 * (the kernel completes cached buffered reads inline, inside the submit). Average time per tick in
 * microseconds; the aux counters give io_uring_enter calls per tick (enterCalls / ticks).
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -jar java/bench/target/benchmarks.jar SubmitTickBenchmark
 * </pre>
 *
 * <p>JMH runs each fork's benchmark on one thread, which owns the engine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx512m"})
public class SubmitTickBenchmark {
    static final int PAGE_BYTES = 4096;
    static final int PAGES_PER_FILE = 256;
    static final int MAX_LAYERS = 16;

    @Param({"6", "16"})
    public int layers;

    @Param({"uring", "uring-noreg"})
    public String engine;

    private Arena arena;
    private ReadEngine readEngine;
    private BufferSet buffers;
    private FileHandle[] files;
    private long tick;
    private final Sink sink = new Sink();

    /** Per-tick counters reported by JMH (totals per iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Counters {
        public long ticks;
        public long enterCalls;
    }

    /** Reads one byte of each completion. */
    static final class Sink implements CompletionHandler {
        long checksum;

        @Override
        public void onComplete(long userData, MemorySegment data) {
            checksum += data.get(ValueLayout.JAVA_BYTE, 0);
        }

        @Override
        public void onError(long userData, IoEngineException error) {
            throw new IllegalStateException(error);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = BenchFiles.defaultDir().resolveSibling("hapring-bench-submit");
        List<Path> paths = BenchFiles.ensure(dir, MAX_LAYERS, PAGES_PER_FILE, PAGE_BYTES);
        BenchFiles.warm(paths);
        arena = Arena.ofShared();
        readEngine = ReadEngines.create(
                EngineKind.parse(engine),
                EngineConfig.builder().queueDepth(layers).build());
        buffers = BufferSet.allocate(arena, layers, PAGE_BYTES, PAGE_BYTES);
        readEngine.registerBuffers(buffers);
        files = new FileHandle[layers];
        for (int i = 0; i < layers; i++) {
            files[i] = readEngine.open(paths.get(i), OpenOptions.BUFFERED);
        }
    }

    @Benchmark
    public long tick(Counters counters) throws IoEngineException {
        EngineStats before = readEngine.stats();
        long offset = (tick++ % PAGES_PER_FILE) * PAGE_BYTES;
        for (int i = 0; i < layers; i++) {
            if (readEngine.queue(files[i], offset, PAGE_BYTES, buffers.index(i), i) != ReadEngine.QUEUED) {
                throw new IllegalStateException("BUSY with an empty queue");
            }
        }
        readEngine.submit();
        int got = 0;
        while (got < layers) {
            got += readEngine.reap(layers - got, layers, 1_000_000_000L, sink);
        }
        counters.ticks++;
        counters.enterCalls += readEngine.stats().enterCalls() - before.enterCalls();
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
    }
}
