package org.hapring.decode;

import static org.hapring.decode.HapFrames.SNAPPY;
import static org.hapring.decode.HapFrames.STORED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chunk-parallel path on executors that run tasks, run them inline, reject them, never run
 * them, or are the very pool the caller runs in: every frame decodes correctly and nothing stalls.
 */
class ChunkDecodeWorkersTest {
    private static final int W = 256;
    private static final int H = 128;
    private static final TextureFormat F = TextureFormat.YCOCG_DXT5;

    private Arena arena;
    private TextureFrame out;
    private byte[] textureA;
    private byte[] textureB;
    private byte[] frameA;
    private byte[] frameB;

    @BeforeEach
    void setUp() {
        arena = Arena.ofShared();
        out = TextureFrame.allocate(arena, HapVariant.HAP_Q, W, H);
        textureA = HapFrames.patternTexture(F, W, H, 1);
        textureB = HapFrames.noiseTexture(F, W, H, 2);
        frameA = HapFrames.chunked(F, textureA)
                .split(8)
                .compressors(SNAPPY, SNAPPY, STORED)
                .build();
        frameB = HapFrames.chunked(F, textureB).split(5).offsetTable(true).build();
    }

    @AfterEach
    void tearDown() {
        arena.close();
    }

    private void decodeBoth(HapFrameDecoder decoder) throws HapFormatException {
        decoder.decode(HapFrames.nativeFrame(arena, frameA), W, H, out);
        assertArrayEquals(textureA, HapFrames.bytes(out.plane(0)));
        decoder.decode(HapFrames.nativeFrame(arena, frameB), W, H, out);
        assertArrayEquals(textureB, HapFrames.bytes(out.plane(0)));
    }

    @Test
    void helpersRunOnAForkJoinPoolAcrossManyFrames() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        AtomicInteger executed = new AtomicInteger();
        try (HapFrameDecoder decoder = new HapFrameDecoder(
                r -> {
                    executed.incrementAndGet();
                    pool.execute(r);
                },
                2)) {
            for (int i = 0; i < 300; i++) {
                decodeBoth(decoder);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2 * 300 * 2, executed.get(), "two helpers per frame");
    }

    @Test
    void aPlainThreadPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (HapFrameDecoder decoder = new HapFrameDecoder(pool, 3)) {
            for (int i = 0; i < 100; i++) {
                decodeBoth(decoder);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExecutorThatRunsTasksInline() throws Exception {
        try (HapFrameDecoder decoder = new HapFrameDecoder(Runnable::run, 4)) {
            decodeBoth(decoder);
        }
    }

    @Test
    void anExecutorThatRejectsLeavesTheWorkToTheCaller() throws Exception {
        try (HapFrameDecoder decoder = new HapFrameDecoder(
                r -> {
                    throw new RejectedExecutionException("shut down");
                },
                4)) {
            decodeBoth(decoder);
        }
    }

    @Test
    void tasksThatNeverRunDoNotStallAFrameAndDoNothingWhenTheyRunLate() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        try (HapFrameDecoder decoder = new HapFrameDecoder(queued::add, 3)) {
            decodeBoth(decoder);
            assertEquals(3 + 3, queued.size());
            byte[] before = HapFrames.bytes(out.plane(0));
            for (Runnable r : queued) {
                r.run();
            }
            assertArrayEquals(before, HapFrames.bytes(out.plane(0)), "a late task touched the output");
            decodeBoth(decoder);
        }
    }

    @Test
    void aCallerInsideASingleThreadPoolDoesNotDeadlock() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        try (HapFrameDecoder decoder = new HapFrameDecoder(pool)) {
            pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            decodeBoth(decoder);
                        }
                        return null;
                    })
                    .get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInterruptedCallerFinishesTheFrameAndKeepsItsInterrupt() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try (HapFrameDecoder decoder = new HapFrameDecoder(pool)) {
            Thread.currentThread().interrupt();
            decodeBoth(decoder);
            assertTrue(Thread.interrupted(), "the interrupt status was lost");
        } finally {
            Thread.interrupted();
            pool.shutdownNow();
        }
    }
}
