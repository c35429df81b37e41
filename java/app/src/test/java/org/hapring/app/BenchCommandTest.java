package org.hapring.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hapring.app.bench.BenchPlan;
import org.hapring.app.bench.Fio;
import org.hapring.app.bench.PacedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hapring bench} end to end at tiny sizes (every engine, every cache state, fio beside each when
 * installed, the capacity search, JSON, CSV and charts), and its option checks.
 *
 * <p>JUnit test thread (the command's main thread).
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    static final List<String> ENGINES = List.of("uring", "uring-noreg", "filechannel", "mmap", "sync");

    /** Runs {@code bench} with {@code paced} standing in for the player when not null. */
    static CliRun bench(Function<BenchPlan, PacedRun> paced, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        BenchCommand cmd = (BenchCommand) cli.getSubcommands().get("bench").getCommand();
        if (paced != null) {
            cmd.pacedFactory = paced;
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = cli.execute(all);
        return new CliRun(status, out.toString(), err.toString());
    }

    @Test
    void tinyQuickLikeRunReportsEveryEngineBesideFio() throws Exception {
        Path json = dir.resolve("r.json");
        Path csv = dir.resolve("r.csv");
        Path charts = dir.resolve("charts");
        // one layer count (2: a queue depth above 1) and two cache states (cold runs are in UnpacedRunTest and FioTest)
        // keep it near 15 s: every fio job costs fio ~0.3 s of start-up
        CliRun r = bench(
                null,
                "--formats",
                "hap_q@64x48",
                "--layers",
                "2",
                "--cache",
                "warm,direct",
                "--clip-seconds",
                "0.5",
                "--run-megabytes",
                "1",
                "--warm-seconds",
                "0.02",
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--capacity-max-layers",
                "2",
                "--probe-seconds",
                "0.2",
                "--json",
                json.toString(),
                "--csv",
                csv.toString(),
                "--charts",
                charts.toString());
        assertEquals(0, r.status(), r.err());
        boolean fio = Fio.find("fio") != null;
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode runs = report.path("runs");
        Set<String> unpaced = new HashSet<>();
        for (JsonNode row : runs) {
            if (row.path("mode").asText().equals("unpaced")) {
                String key = row.path("engine").asText() + "/"
                        + row.path("cache").asText() + "/" + row.path("layers").asInt();
                unpaced.add(key);
                assertEquals(3, row.path("repetitions").asInt(), key);
                assertTrue(row.path("throughputGBps").asDouble() > 0, key);
                if (fio) {
                    assertTrue(row.path("fioGBps").asDouble() > 0, key + " has fio beside it");
                    assertTrue(row.path("ratioToFio").asDouble() > 0, key + " has a ratio to fio");
                }
            }
        }
        for (String e : ENGINES) {
            for (String c : List.of("warm", "direct")) {
                for (int l : new int[] {2}) {
                    boolean expected = !(e.equals("mmap") && c.equals("direct"));
                    assertEquals(
                            expected,
                            unpaced.contains(e + "/" + c + "/" + l),
                            e + "/" + c + "/" + l + " in " + unpaced);
                }
            }
        }
        if (!fio) {
            assertTrue(r.err().contains("apt-get install fio"), r.err());
        }
        assertTrue(report.path("machine").path("cpus").asInt() >= 1);
        assertTrue(Files.readAllLines(csv).size() == runs.size() + 1, "one CSV line per run plus the header");
        assertTrue(r.out().contains("hap_q@64x48 | direct | unpaced"), r.out());
        assertTrue(r.out().contains("hap_q@64x48 | direct | paced"), "capacity probes are paced rows: " + r.out());
        try (var s = Files.list(charts)) {
            // throughput and tick latency per cache state, acquire latency and capacity bars
            assertEquals(6, s.filter(p -> p.toString().endsWith(".png")).count());
        }
        JsonNode capacity = report.path("capacity");
        for (String e : ENGINES) {
            assertTrue(
                    capacity.path(e).asInt(-1) >= 0 && capacity.path(e).asInt() <= 2,
                    "capacity of " + e + ": " + capacity);
        }
    }

    @Test
    void capacityComesFromThePacedRunsAndLandsInEveryReport() throws Exception {
        Path json = dir.resolve("c.json");
        Path charts = dir.resolve("c");
        // a fake machine: 2 layers without drops, 3 with 0.5 %, more with 4 %
        Function<BenchPlan, PacedRun> fake = plan -> spec -> {
            int l = spec.layers();
            long due = 60L * l;
            long dropped = l <= 2 ? 0 : l == 3 ? Math.round(due * 0.005) : Math.round(due * 0.04);
            org.hapring.app.bench.LatencyTrace t = new org.hapring.app.bench.LatencyTrace();
            for (int i = 0; i < 60; i++) {
                t.add(i * 16_666_667L, 50_000L * l);
            }
            assertEquals(l, spec.startFrames().length);
            return new PacedRun.Result(
                    spec.engine().cliName(),
                    60,
                    due,
                    dropped,
                    due - dropped,
                    dropped,
                    40,
                    50.0 * l,
                    due * 3076,
                    1.0,
                    t,
                    List.of());
        };
        CliRun r = bench(
                fake,
                "--mode",
                "paced",
                "--formats",
                "hap_q@64x48",
                "--layers",
                "1",
                "--clip-seconds",
                "0.5",
                "--cache-dir",
                dir.resolve("cache").toString(),
                "--capacity-max-layers",
                "8",
                "--probe-seconds",
                "0.2",
                "--no-fio",
                "--json",
                json.toString(),
                "--charts",
                charts.toString());
        assertEquals(0, r.status(), r.err());
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        for (String e : ENGINES) {
            assertEquals(2, report.path("capacity").path(e).asInt(), e + ": " + report.path("capacity"));
            assertEquals(3, report.path("capacityUnderOnePercentDrops").path(e).asInt(), e);
        }
        JsonNode mmap = null;
        for (JsonNode c : report.path("capacityDetail")) {
            if (c.path("engine").asText().equals("mmap")) {
                mmap = c;
            }
        }
        assertNotNull(mmap);
        assertEquals("direct", mmap.path("askedCache").asText());
        assertEquals("cold", mmap.path("cache").asText(), "mmap cannot use O_DIRECT");
        boolean pacedRow = false;
        for (JsonNode row : report.path("runs")) {
            assertEquals("paced", row.path("mode").asText(), "--mode paced runs no unpaced matrix");
            double d = row.path("droppedPct").asDouble();
            pacedRow |= row.path("layers").asInt() == 3 && d > 0 && d < 1;
        }
        assertTrue(pacedRow, "the 3-layer probe is a paced row with under 1 % dropped");
        assertTrue(Files.exists(charts.resolve("capacity-hap_q-64x48-direct-60-fps.png")));
        assertTrue(r.out().contains("capacity (most layers"), r.out());
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        String cache = dir.resolve("cache").toString();
        for (String[] bad : new String[][] {
            {"--repetitions", "2"},
            {"--engines", "uring,floppy"},
            {"--layers", "0"},
            {"--formats", "hap_x@64x48"},
            {"--mode", "fast"},
            {"--cache", "lukewarm"},
            {"--engines", "null"},
            {"--probe-seconds", "0"},
            {"--formats", "hap_q@64"},
            {"--cold", "sometimes"},
            {"--set", "loudness=11"},
            {"--set", "maxReadBytesInFlight=12"}
        }) {
            String[] args = new String[bad.length + 2];
            System.arraycopy(bad, 0, args, 0, bad.length);
            args[bad.length] = "--cache-dir";
            args[bad.length + 1] = cache;
            CliRun r = bench(null, args);
            assertEquals(2, r.status(), String.join(" ", bad) + ": " + r.err());
            String option = bad[0].equals("--engines") && bad[1].equals("uring,floppy")
                    ? "engine=floppy"
                    : bad[0].equals("--engines")
                            ? "--engines"
                            : bad[0].equals("--formats")
                                    ? "format="
                                    : bad[0].equals("--cache") ? "cache=" : bad[0].equals("--cold") ? "cold=" : bad[0];
            assertTrue(r.err().contains(option), String.join(" ", bad) + " should name " + option + ": " + r.err());
        }
        CliRun files =
                bench(null, "--files", dir.resolve("missing.mov").toString(), "--layers", "1", "--cache-dir", cache);
        assertEquals(2, files.status());
        assertTrue(files.err().contains("--files"), files.err());
    }
}
