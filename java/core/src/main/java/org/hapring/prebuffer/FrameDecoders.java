package org.hapring.prebuffer;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import org.hapring.decode.HapFrameDecoder;

/**
 * The decoders the player uses: {@link HapFrameDecoder}s that spread a frame's Snappy chunks over a small shared
 * pool (helpers beside the decode worker that calls), so that one large chunked frame is decoded by several
 * cores while several layers' frames are decoded by several workers.
 *
 * <p>Stateless factory; any thread. Each decoder it makes is confined to one decode worker.
 */
public final class FrameDecoders {
    private static volatile ForkJoinPool chunkPool;

    private FrameDecoders() {}

    /** HAP decoders with {@code chunkHelpers} chunk helpers each (0: the calling worker decodes alone). */
    public static Supplier<FrameDecoder> hap(int chunkHelpers) {
        if (chunkHelpers <= 0) {
            return () -> new HapFrameDecoder()::decode;
        }
        ForkJoinPool pool = pool(chunkHelpers);
        return () -> new HapFrameDecoder(pool, chunkHelpers)::decode;
    }

    /** HAP decoders with one chunk helper per core beyond the first. */
    public static Supplier<FrameDecoder> hap() {
        return hap(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
    }

    private static synchronized ForkJoinPool pool(int helpers) {
        if (chunkPool == null || chunkPool.getParallelism() < helpers) {
            chunkPool = new ForkJoinPool(
                    helpers,
                    p -> {
                        var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
                        t.setName("hapring-chunk-" + t.getPoolIndex());
                        t.setDaemon(true);
                        return t;
                    },
                    null,
                    false);
        }
        return chunkPool;
    }
}
