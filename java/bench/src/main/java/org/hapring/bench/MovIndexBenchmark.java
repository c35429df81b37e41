package org.hapring.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hapring.decode.HapVariant;
import org.hapring.mov.MovReader;
import org.hapring.mov.SampleTable;
import org.hapring.write.FrameRate;
import org.hapring.write.GenSpec;
import org.hapring.write.HapEncoding;
import org.hapring.write.HapGenerator;
import org.hapring.write.MovWriter;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to index a one-hour 60 fps HAP movie (216,000 frames): open the file, find and read moov, build
 * and validate the sample table. The movie is generated once (tiny 32x32 frames, so only the index is
 * large: moov about 1.7 MB) into {@code $TMPDIR/hapring-bench-mov}, with moov at the end, where a
 * reader must seek past the media to find it.
 *
 * <pre>
 *   java -jar java/bench/target/benchmarks.jar MovIndexBenchmark
 * </pre>
 *
 * <p>JMH runs each benchmark thread with its own state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class MovIndexBenchmark {
    @Param({"216000"})
    public int frames;

    private Path movie;

    @Setup
    public void generate() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "hapring-bench-mov");
        Files.createDirectories(dir);
        movie = dir.resolve("index_" + frames + ".mov");
        if (!Files.exists(movie)) {
            HapGenerator.generate(
                    new GenSpec(
                            movie,
                            HapVariant.HAP,
                            32,
                            32,
                            FrameRate.parse("60"),
                            frames,
                            GenSpec.Content.PATTERN,
                            1,
                            1,
                            HapEncoding.defaults(),
                            MovWriter.MoovPlacement.LAST,
                            Runtime.getRuntime().availableProcessors()),
                    (d, t, b, e) -> {});
        }
    }

    @Benchmark
    public SampleTable index() throws IOException {
        return MovReader.open(movie).video();
    }
}
