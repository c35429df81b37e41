package org.hapring.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The report's JSON and CSV shapes, the console table, the progress line and the charts (written, decodable,
 * not blank) from a hand-built report.
 *
 * <p>JUnit test thread.
 */
class ReportsTest {
    @TempDir
    Path dir;

    static RunRow unpaced(String engine, int layers, double gbps, double fio) {
        return new RunRow(
                "hap_q@1920x1080",
                engine,
                engine,
                "cold",
                layers,
                RunRow.UNPACED,
                3,
                gbps,
                gbps * 0.9,
                gbps * 1.1,
                1000.0,
                "io_uring",
                fio,
                fio * 0.9,
                fio * 1.1,
                gbps / fio,
                gbps / fio * 0.95,
                gbps / fio * 1.05,
                0.25,
                0.2,
                0.5,
                0.01,
                800.0,
                2000.0,
                null,
                null,
                null,
                null,
                null,
                null,
                0.0,
                null);
    }

    static RunRow paced(String engine, int layers, double dropped) {
        return new RunRow(
                "hap_q@1920x1080",
                engine,
                engine,
                "direct",
                layers,
                RunRow.PACED,
                1,
                0.5,
                0.5,
                0.5,
                240.0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                dropped,
                dropped,
                dropped,
                99.5,
                40.0,
                900.0,
                null,
                "capacity probe, with, commas");
    }

    static BenchReport report() {
        MachineInfo m = new MachineInfo(
                "Test CPU",
                2,
                2,
                8L << 30,
                "6.1.0",
                "Java 25",
                "0.1 0.2 0.3",
                List.of(new MachineInfo.Storage(
                        "/m/a.mov", "/", "ext4", "/dev/vda", "vda", true, "virtio_blk", 512, 1L << 40, "mq-deadline")));
        Map<String, Integer> cap = new LinkedHashMap<>();
        cap.put("uring", 12);
        cap.put("sync", 5);
        Map<String, Integer> under = new LinkedHashMap<>();
        under.put("uring", 13);
        under.put("sync", 6);
        List<BenchReport.CapacityEntry> detail = List.of(
                new BenchReport.CapacityEntry(
                        "uring",
                        "hap_q@1920x1080",
                        "direct",
                        "direct",
                        "60",
                        1.0,
                        12,
                        13,
                        false,
                        24,
                        List.of(new double[] {12, 0.0}, new double[] {14, 2.5}, new double[] {13, 0.4}),
                        null),
                new BenchReport.CapacityEntry(
                        "sync",
                        "hap_q@1920x1080",
                        "direct",
                        "direct",
                        "60",
                        1.0,
                        5,
                        6,
                        false,
                        24,
                        List.of(new double[] {5, 0.0}, new double[] {6, 0.6}, new double[] {7, 3.0}),
                        null));
        return new BenchReport(
                "hapring bench",
                "hapring bench --quick",
                "2026-11-25T10:00:00Z",
                "2026-11-25T10:02:00Z",
                120,
                m,
                "0.3 0.3 0.3",
                "fio-3.33",
                "posix_fadvise(POSIX_FADV_DONTNEED) per file",
                true,
                List.of(
                        unpaced("uring", 1, 1.2, 1.25),
                        unpaced("sync", 1, 1.0, 1.1),
                        unpaced("uring", 4, 1.4, 1.5),
                        unpaced("sync", 4, 1.1, 1.3),
                        paced("uring", 12, 0.0),
                        paced("sync", 6, 0.6)),
                cap,
                under,
                detail,
                List.of("a note"));
    }

    @Test
    void jsonHasTheKeysTheIssueAsksFor() throws Exception {
        ReportFiles.writeJson(report(), dir.resolve("out/r.json"));
        JsonNode root = new ObjectMapper().readTree(dir.resolve("out/r.json").toFile());
        JsonNode runs = root.path("runs");
        assertEquals(6, runs.size());
        for (JsonNode r : runs) {
            for (String key : List.of(
                    "engine",
                    "cache",
                    "layers",
                    "mode",
                    "throughputGBps",
                    "fioGBps",
                    "ratioToFio",
                    "droppedPct",
                    "acquireMicrosP99")) {
                assertTrue(r.has(key), "run lacks " + key + ": " + r);
            }
        }
        assertEquals(1.2 / 1.25, runs.get(0).path("ratioToFio").asDouble(), 1e-12);
        assertTrue(runs.get(0).path("droppedPct").isNull(), "unpaced rows have no drop figure");
        assertTrue(runs.get(4).path("fioGBps").isNull(), "paced rows have no fio figure");
        assertEquals(900.0, runs.get(4).path("acquireMicrosP99").asDouble());
        assertEquals(12, root.path("capacity").path("uring").asInt());
        assertEquals(6, root.path("capacityUnderOnePercentDrops").path("sync").asInt());
        assertEquals(3, root.path("capacityDetail").get(0).path("probes").size());
        assertEquals(
                "vda",
                root.path("machine").path("storage").get(0).path("device").asText());
        assertEquals("fio-3.33", root.path("fio").asText());
    }

    @Test
    void csvHasAHeaderAndOneRowPerRunInRecordOrder() throws Exception {
        ReportFiles.writeCsv(report(), dir.resolve("r.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("r.csv"));
        assertEquals(1 + 6, lines.size());
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals(RunRow.class.getRecordComponents().length, header.size());
        assertEquals(List.of("media", "engine", "engineRan", "cache", "layers", "mode"), header.subList(0, 6));
        assertTrue(header.contains("ratioToFio") && header.contains("acquireMicrosP99"));
        List<String> row0 = List.of(lines.get(1).split(",", -1));
        assertEquals(header.size(), row0.size(), "absent values are empty cells: " + lines.get(1));
        assertEquals("uring", row0.get(header.indexOf("engine")));
        assertEquals("", row0.get(header.indexOf("droppedPct")));
        assertTrue(
                lines.get(5).endsWith("\"capacity probe, with, commas\""),
                "a comma inside a value is quoted: " + lines.get(5));
    }

    @Test
    void consoleTablesShowEveryGroupAndTheCapacity() {
        String text = ConsoleReport.render(report());
        assertTrue(text.contains("hap_q@1920x1080 | cold | unpaced"), text);
        assertTrue(text.contains("hap_q@1920x1080 | direct | paced"), text);
        assertTrue(text.contains("1.20 [1.08-1.32]"), "median with min-max: " + text);
        assertTrue(text.contains("12:0.00 14:2.50 13:0.40"), "probes listed: " + text);
        assertTrue(text.contains("storage: ext4 on /dev/vda at /: vda (virtio_blk)"), text);
        assertTrue(text.contains("note: a note"), text);
    }

    @Test
    void progressLineShowsBarCountsAndEta() {
        assertEquals(
                "[######..................] 25/100  25% ETA 0:30  x",
                BenchProgress.line("x", 25, 100, 10_000_000_000L));
        assertEquals("[........................] 0/10   0% ETA --:--  y", BenchProgress.line("y", 0, 10, 0));
        assertTrue(BenchProgress.line("z", 12, 10, 1).startsWith("[########################] 10/10 100%"));
    }

    @Test
    void chartsAreWrittenAsDecodablePngAndSvg() throws Exception {
        LatencyTrace a = new LatencyTrace();
        LatencyTrace b = new LatencyTrace();
        for (int i = 0; i < 5000; i++) {
            a.add(i * 16_666_667L, 200_000 + (i % 500 == 0 ? 5_000_000 : 0));
            b.add(i * 16_666_667L, 900_000);
        }
        Map<String, LatencyTrace> traces = new LinkedHashMap<>();
        traces.put("uring", a);
        traces.put("sync", b);
        BenchRunner.Outcome o = new BenchRunner.Outcome(
                report(),
                Map.of("unpaced tick latency, x, cold, 4 layers", traces),
                Map.of("frame-acquire time per tick at each engine's capacity, x, direct", traces));
        List<Path> files = ReportCharts.writeAll(o, dir.resolve("charts"));
        // throughput (one cache state), tick latency, acquire latency, capacity: 4 charts x PNG + SVG
        assertEquals(8, files.size(), files.toString());
        for (Path f : files) {
            assertTrue(Files.size(f) > 2000, f + " is " + Files.size(f) + " bytes");
            if (f.toString().endsWith(".png")) {
                BufferedImage img = ImageIO.read(f.toFile());
                assertEquals(Charts.WIDTH_PIXELS, img.getWidth());
                assertEquals(Charts.HEIGHT_PIXELS, img.getHeight());
                assertTrue(colours(img) > 4, f + " looks blank");
            } else {
                DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
                xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                Document svg = xml.newDocumentBuilder().parse(f.toFile());
                assertEquals("svg", svg.getDocumentElement().getTagName());
                String name = f.getFileName().toString();
                String title = name.startsWith("throughput")
                        ? "beside fio"
                        : name.startsWith("tick")
                                ? "tick latency"
                                : name.startsWith("acquire") ? "acquire time per tick" : "Layers sustained";
                assertTrue(Files.readString(f).contains(title), f + " carries its title as text: " + title);
            }
        }
        for (String name : List.of(
                "capacity-hap_q-1920x1080-direct-60-fps.png",
                "acquire-latency-x-direct.png",
                "tick-latency-x-cold-4-layers.svg",
                "throughput-hap_q-1920x1080-cold.png")) {
            assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals(name)), name + " in " + files);
        }
    }

    private static int colours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void latencyTracePercentilesAndWindows() {
        LatencyTrace t = new LatencyTrace();
        for (int i = 1; i <= 100; i++) {
            t.add(i * 1_000_000L, i * 1000L);
        }
        assertEquals(50.0, t.percentileMicros(50));
        assertEquals(99.0, t.percentileMicros(99));
        assertEquals(100.0, t.percentileMicros(100));
        double[][] w = t.maxPerWindow(10);
        assertEquals(10, w[0].length);
        assertEquals(100.0, w[1][9], "the last window's worst is the largest");
        assertTrue(Double.isNaN(new LatencyTrace().percentileMicros(50)));
    }
}
