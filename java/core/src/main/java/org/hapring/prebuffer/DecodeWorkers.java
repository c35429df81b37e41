package org.hapring.prebuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hapring.agent.Agent;
import org.hapring.agent.AgentRunner;
import org.hapring.agent.BackoffIdleStrategy;
import org.hapring.decode.HapFormatException;

/**
 * The decode workers: threads (sized to the cores) that take slots from a {@link DecodeQueue}, decompress the
 * frame's bytes into the slot's texture planes with their own {@link FrameDecoder}, and publish the slot.
 * A frame that fails to decode (or whose mapped file shrank: the JVM's InternalError on a lost page) fails
 * the slot with a typed error; the I/O thread reports it as the layer's error. The tick thread never
 * decompresses.
 *
 * <p>{@link #submit} is the I/O thread's; the workers run on their own threads, or with no threads (tests)
 * on whoever calls {@link #runPending()}.
 */
public final class DecodeWorkers implements AutoCloseable {
    private final DecodeQueue queue;
    private final List<AgentRunner> runners = new ArrayList<>();
    private final Worker inline;

    /**
     * @param threads decode threads; 0 runs decodes only in {@link #runPending()} (deterministic tests)
     * @param decoders makes one decoder per worker
     */
    public DecodeWorkers(int threads, int queueCapacity, Supplier<FrameDecoder> decoders, Consumer<Throwable> onCrash) {
        queue = new DecodeQueue(queueCapacity);
        inline = threads == 0 ? new Worker(queue, decoders.get(), 0) : null;
        for (int i = 0; i < threads; i++) {
            runners.add(new AgentRunner(
                            new Worker(queue, decoders.get(), i),
                            new BackoffIdleStrategy(20, 2, 50_000, 2_000_000),
                            onCrash)
                    .start());
        }
    }

    public int threads() {
        return runners.size();
    }

    /** Queues a DECODING slot and wakes the workers (I/O thread). */
    void submit(FrameSlot slot) {
        if (!queue.offer(slot)) {
            throw new IllegalStateException("decode queue full: more slots decoding than its capacity");
        }
        for (int i = 0; i < runners.size(); i++) {
            runners.get(i).wake();
        }
    }

    /** Decodes every queued slot on the calling thread (only without worker threads); returns how many. */
    public int runPending() {
        if (inline == null) {
            return 0;
        }
        int n = 0;
        while (inline.doWork() > 0) {
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        for (AgentRunner r : runners) {
            r.close();
        }
    }

    /** One worker: poll, decode, publish. Runs on its runner's thread. */
    private static final class Worker implements Agent {
        private final DecodeQueue queue;
        private final FrameDecoder decoder;
        private final String name;

        Worker(DecodeQueue queue, FrameDecoder decoder, int n) {
            this.queue = queue;
            this.decoder = decoder;
            this.name = "decode-" + n;
        }

        @Override
        public String roleName() {
            return name;
        }

        @Override
        public int doWork() {
            FrameSlot slot = queue.poll();
            if (slot == null) {
                return 0;
            }
            LayerRing ring = slot.ring;
            int frame = slot.frameIndex();
            try {
                decoder.decode(slot.source, ring.widthPixels, ring.heightPixels, slot.decoded);
                long now = System.nanoTime();
                ring.stats.recordDecode(now - slot.decodeStartNanos);
                ring.stats.addShared(LayerIoStats.DECODED_FRAMES, 1);
                slot.publishDecoded(now);
            } catch (HapFormatException e) {
                ring.stats.addShared(LayerIoStats.DECODE_ERRORS, 1);
                slot.fail(e.located(ring.file, frame, ring.table.offset(frame)));
            } catch (InternalError | RuntimeException e) {
                // InternalError: a page of a mapped file that shrank under us (SIGBUS turned into an error).
                ring.stats.addShared(LayerIoStats.DECODE_ERRORS, 1);
                slot.fail(new PrebufferException(
                        "frame " + frame + " of " + ring.file + " (offset " + ring.table.offset(frame)
                                + ") could not be decoded: " + e,
                        e));
            }
            return 1;
        }
    }
}
