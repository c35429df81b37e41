package org.hapring.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.hapring.playback.FrameClock;
import org.hapring.playback.Player;
import org.hapring.playback.PlayerConfig;
import org.hapring.playback.PlayerStats;
import org.hapring.playback.ProcessMemory;
import org.hapring.playback.TickDriver;
import org.hapring.playback.VerifyFrameSink;
import org.hapring.prebuffer.FrameDecoders;

/**
 * Soak test of the player: plays the given movies as layers on a real-time clock for a long time while a
 * control thread seeks every layer every 100 ms, reverses a random layer every 2 s and closes and reopens a
 * random layer every 5 s. Every 30 s it prints the resident set, the rings' native memory, the JVM's direct
 * buffers and the thread count, and at the end their range after the first minute (flat = no leak), with the
 * verifying sink's wrong-frame count. Exit status 1 when a frame was wrong or a layer failed.
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx128m -Xmn8m \
 *       -cp java/bench/target/benchmarks.jar org.hapring.bench.PlayerSoak MINUTES ENGINE FILE...
 * </pre>
 *
 * <p>Runs on its main thread (the control thread); the player has its own tick, I/O and decode threads.
 */
public final class PlayerSoak {
    private PlayerSoak() {}

    public static void main(String[] args) throws Exception {
        double minutes = Double.parseDouble(args[0]);
        PlayerConfig config = PlayerConfig.builder().set("engine", args[1]).build();
        List<Path> files = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        VerifyFrameSink verify = new VerifyFrameSink(config.maxLayers(), null);
        Random random = new Random(11);
        long minRss = Long.MAX_VALUE;
        long maxRss = 0;
        int minThreads = Integer.MAX_VALUE;
        int maxThreads = 0;
        long maxRingBytes = 0;
        int reopened = 0;
        PlayerStats last;
        try (Player player =
                Player.start(config, verify, FrameDecoders.hap(), m -> System.out.println("notice: " + m))) {
            int[] ids = new int[files.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = player.openLayer(files.get(i));
                player.play(ids[i]);
            }
            player.awaitReady(30_000_000_000L);
            FrameClock clock = player.clock(System.nanoTime() + 20_000_000L);
            TickDriver driver = new TickDriver(player, clock, Long.MAX_VALUE).start();
            long start = System.nanoTime();
            long end = start + (long) (minutes * 60e9);
            long nextFlip = start + 2_000_000_000L;
            long nextReopen = start + 5_000_000_000L;
            long nextReport = start + 30_000_000_000L;
            System.out.println("seconds rssMB ringMB directMB threads shown dropped wrong seeks");
            while (System.nanoTime() < end) {
                Thread.sleep(100);
                for (int id : ids) {
                    player.seek(id, random.nextInt(player.frameCount(id)));
                }
                long now = System.nanoTime();
                if (now >= nextFlip) {
                    int id = ids[random.nextInt(ids.length)];
                    player.setSpeed(id, random.nextBoolean() ? -1 : 1);
                    nextFlip += 2_000_000_000L;
                }
                if (now >= nextReopen) {
                    int k = random.nextInt(ids.length);
                    player.closeLayer(ids[k]).get();
                    ids[k] = player.openLayer(files.get(k));
                    player.play(ids[k]);
                    reopened++;
                    nextReopen += 5_000_000_000L;
                }
                if (now >= nextReport) {
                    PlayerStats s = player.snapshot();
                    long rss = s.rssBytes();
                    int threads = ProcessMemory.threadCount();
                    long ring = s.offHeapBytes() - ProcessMemory.directBufferBytes();
                    System.out.printf(
                            Locale.ROOT,
                            "%6.0f %6.1f %6.1f %6.1f %4d %8d %6d %4d %6d%n",
                            (now - start) / 1e9,
                            rss / 1e6,
                            ring / 1e6,
                            ProcessMemory.directBufferBytes() / 1e6,
                            threads,
                            s.shown(),
                            s.dropped(),
                            s.wrong(),
                            s.seekToReady().count());
                    if (now - start > 60_000_000_000L) {
                        minRss = Math.min(minRss, rss);
                        maxRss = Math.max(maxRss, rss);
                        minThreads = Math.min(minThreads, threads);
                        maxThreads = Math.max(maxThreads, threads);
                        maxRingBytes = Math.max(maxRingBytes, ring);
                    }
                    nextReport += 30_000_000_000L;
                }
            }
            driver.stop();
            last = player.snapshot();
        }
        long errors = last.layers().stream().filter(l -> l.error() != null).count();
        System.out.printf(
                Locale.ROOT,
                "after the first minute: rss %.1f..%.1f MB, threads %d..%d, rings <= %.1f MB;"
                        + " layers reopened %d; shown=%d dropped=%d wrong=%d seeks=%d seek-to-ready p99=%.2f ms; layer errors %d%n",
                minRss / 1e6,
                maxRss / 1e6,
                minThreads,
                maxThreads,
                maxRingBytes / 1e6,
                reopened,
                last.shown(),
                last.dropped(),
                last.wrong(),
                last.seekToReady().count(),
                last.seekToReady().p99Nanos() / 1e6,
                errors);
        System.exit(last.wrong() == 0 && errors == 0 ? 0 : 1);
    }
}
