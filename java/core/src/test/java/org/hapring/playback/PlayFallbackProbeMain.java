package org.hapring.playback;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hapring.ffi.Errno;
import org.hapring.io.uring.Seccomp;
import org.hapring.prebuffer.FrameDecoders;

/**
 * Child-JVM probe: optionally blocks io_uring with a seccomp filter (as Docker's default profile does), then
 * plays the given movies with {@code engine=auto} for the given seconds through the verifying sink and prints
 * {@code engine=}, {@code fallbackReason=}, one {@code NOTICE:} line per notice and the totals
 * ({@code shown= dropped= wrong= errors=}). Exit 0 when it ran. Used by {@link PlayFallbackTest} and for the
 * measurement under seccomp.
 *
 * <p>Usage: {@code PlayFallbackProbeMain none|EPERM|ENOSYS SECONDS FILE...}. Runs on its main thread.
 */
public final class PlayFallbackProbeMain {
    private PlayFallbackProbeMain() {}

    public static void main(String[] args) throws Throwable {
        if (!"none".equals(args[0])) {
            Seccomp.blockIoUring(Errno.valueOf(args[0]));
        }
        double seconds = Double.parseDouble(args[1]);
        List<String> notices = new ArrayList<>();
        PlayerConfig config = PlayerConfig.builder().build();
        VerifyFrameSink verify = new VerifyFrameSink(config.maxLayers(), null);
        PlayerStats s;
        try (Player player = Player.start(config, verify, FrameDecoders.hap(), m -> {
            synchronized (notices) {
                notices.add(m);
            }
        })) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                ids.add(player.openLayer(Path.of(args[i])));
            }
            ids.forEach(player::play);
            if (!player.awaitReady(30_000_000_000L)) {
                throw new IllegalStateException("pre-roll took more than 30 s");
            }
            FrameClock clock = player.clock(System.nanoTime() + 20_000_000L);
            TickDriver driver = new TickDriver(
                    player, clock, Math.round(seconds * clock.rateNumerator() / clock.rateDenominator()));
            driver.start();
            driver.join(Long.MAX_VALUE / 2_000_000);
            s = player.snapshot();
        }
        System.out.println("engine=" + s.engine());
        System.out.println("fallbackReason=" + s.fallbackReason());
        synchronized (notices) {
            notices.forEach(n -> System.out.println("NOTICE: " + n));
        }
        System.out.println("ticks=" + s.ticks() + " skippedTicks=" + s.skippedTicks());
        System.out.println("shown=" + s.shown() + " dropped=" + s.dropped() + " wrong=" + s.wrong() + " hitRate="
                + s.hitRate() + " acquireP99Micros=" + s.acquire().p99Micros() + " rssBytes=" + s.rssBytes());
        System.out.println(
                "errors=" + s.layers().stream().filter(l -> l.error() != null).count());
        System.out.flush();
        System.exit(0);
    }
}
