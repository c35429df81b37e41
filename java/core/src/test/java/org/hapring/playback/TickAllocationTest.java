package org.hapring.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.hapring.decode.HapVariant;
import org.hapring.io.EngineKind;
import org.hapring.prebuffer.FrameDecoders;
import org.hapring.write.HapEncoding;
import org.junit.jupiter.api.Test;

/**
 * The tick thread never allocates: once warmed up (the JIT has compiled the tick path), bytes allocated by this
 * thread (the tick thread here) across five rounds of 1000 ticks of four layers (stored and Snappy frames, forward, reverse, half speed) with the verifying sink,
 * measured with {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}. Deterministic: it counts
 * bytes, not time; the I/O thread and the decode workers are real threads.
 */
class TickAllocationTest {
    @Test
    void ticksAllocateNothingOnTheTickThread() throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes per thread: skipping");
        mx.setThreadAllocatedMemoryEnabled(true);
        PlayerConfig config = PlayerConfig.builder()
                .set("engine", EngineKind.FILECHANNEL.cliName())
                .set("maxLayers", 8)
                .build();
        VerifyFrameSink sink = new VerifyFrameSink(8, new NullFrameSink());
        try (Player player = Player.start(config, sink, FrameDecoders.hap(0), m -> {})) {
            int a = player.openLayer(StampedMovies.movie(HapVariant.HAP, 40, 1, HapEncoding.Compressor.NONE));
            int b = player.openLayer(StampedMovies.movie(HapVariant.HAP_Q, 40, 2, HapEncoding.Compressor.SNAPPY));
            int c = player.openLayer(StampedMovies.movie(HapVariant.HAP_ALPHA, 40, 3, HapEncoding.Compressor.SNAPPY));
            int d = player.openLayer(StampedMovies.movie(HapVariant.HAP, 40, 4, HapEncoding.Compressor.SNAPPY));
            player.setSpeed(c, -1);
            player.setSpeed(d, 0.5);
            for (int id : new int[] {a, b, c, d}) {
                player.play(id);
            }
            assertTrue(player.awaitReady(10_000_000_000L));
            long tick = 0;
            // Warm up until a round allocates nothing: commands applied, and the JIT compiled the tick path
            // (interpreted FFM accesses box their arguments; compiled code does not). At most 20 rounds.
            long warm = -1;
            for (int round = 0; round < 20 && warm != 0; round++) {
                long before = mx.getThreadAllocatedBytes(Thread.currentThread().threadId());
                tick = run(player, tick, 500);
                warm = mx.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
            }
            long[] allocated = new long[5];
            int clean = 0;
            for (int round = 0; round < allocated.length; round++) {
                long before = mx.getThreadAllocatedBytes(Thread.currentThread().threadId());
                tick = run(player, tick, 1000);
                allocated[round] =
                        mx.getThreadAllocatedBytes(Thread.currentThread().threadId()) - before;
                clean += allocated[round] == 0 ? 1 : 0;
            }
            String rounds = Arrays.toString(allocated);
            // One object per tick would be >= 16 bytes x 1000 ticks in every round. The JVM itself may charge a
            // few hundred bytes to a thread once in a while (runtime bookkeeping around deoptimisation, seen with
            // JFR as String/byte[] pairs in methods that create none): far below one byte per tick.
            for (long bytes : allocated) {
                assertTrue(bytes < 1000, "bytes allocated by the tick thread per round of 1000 ticks: " + rounds);
            }
            assertTrue(clean >= 3, "most rounds allocate nothing at all: " + rounds);
            PlayerStats s = player.snapshot();
            assertEquals(0, s.wrong());
            assertTrue(s.shown() > 3000, "frames shown: " + s.shown());
        }
    }

    /** Ticks {@code count} times, pausing 0.2 ms between ticks so that the I/O thread keeps up. */
    private static long run(Player player, long tick, int count) {
        for (int i = 0; i < count; i++) {
            player.tick(tick++);
            LockSupport.parkNanos(200_000); // let the I/O thread and decoders keep up (parking does not allocate)
        }
        return tick;
    }
}
