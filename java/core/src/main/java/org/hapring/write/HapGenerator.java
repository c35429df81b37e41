package org.hapring.write;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hapring.decode.TextureFrame;

/**
 * Writes a HAP movie from a {@link GenSpec}: worker threads render and encode frames in parallel into
 * a fixed set of off-heap slots (texture planes + encoded frame, allocated once), and the calling
 * thread writes finished frames in order with gathering writes of up to {@value #BATCH_BYTES} bytes.
 *
 * <pre>
 *   caller:  submit frames while a slot is free -> wait for the oldest -> take every later one already
 *            done -> one gathering write -> slots back to the free list -> progress (every 200 ms)
 *   workers: content.render(frame, slot.texture); slot.frameBytes = encoder.encode(slot.texture, slot.out)
 * </pre>
 *
 * At most {@code 2 * workers + 2} frames are in flight (fewer when their slots would exceed
 * {@value #SLOT_MEMORY_BUDGET_BYTES} bytes, but at least two), so memory stays bounded whatever the
 * length of the movie.
 *
 * <p>{@link #generate} runs on the calling thread, which becomes the writer; it owns the workers
 * and shuts them down before returning.
 */
public final class HapGenerator {
    static final long BATCH_BYTES = 64L << 20;
    /** Off-heap memory the frame slots may take (at least two slots are made whatever their size). */
    static final long SLOT_MEMORY_BUDGET_BYTES = 1L << 30;

    private static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;

    /** Receives progress on the writer thread. */
    @FunctionalInterface
    public interface Progress {
        void update(long framesDone, long framesTotal, long bytesWritten, long elapsedNanos);
    }

    /** What was written and how long it took ({@code prepareNanos}: content setup, e.g. canvas compression). */
    public record Result(long frames, long fileBytes, long elapsedNanos, long prepareNanos) {
        public double framesPerSecond() {
            return frames * 1e9 / Math.max(1, elapsedNanos);
        }

        public double megabytesPerSecond() {
            return fileBytes / 1e6 * 1e9 / Math.max(1, elapsedNanos);
        }
    }

    private HapGenerator() {}

    /** Writes the movie; {@code progress} may be null. */
    public static Result generate(GenSpec spec, Progress progress) throws IOException {
        long start = System.nanoTime();
        try (Arena arena = Arena.ofShared()) {
            FrameContent content = switch (spec.content()) {
                case PATTERN ->
                    new PatternContent(
                            spec.variant(),
                            spec.widthPixels(),
                            spec.heightPixels(),
                            spec.layerId(),
                            spec.frameCount(),
                            arena);
                case NOISE ->
                    new NoiseContent(
                            spec.variant(),
                            spec.widthPixels(),
                            spec.heightPixels(),
                            spec.layerId(),
                            spec.frameCount(),
                            spec.seed());
            };
            HapFrameEncoder encoder =
                    new HapFrameEncoder(spec.variant(), spec.widthPixels(), spec.heightPixels(), spec.encoding());
            ArrayDeque<Slot> free = new ArrayDeque<>();
            long slotBytes =
                    spec.variant().textureBytes(spec.widthPixels(), spec.heightPixels()) + encoder.maxFrameBytes();
            long slots = Math.max(2, Math.min(2L * spec.workerThreads() + 2, SLOT_MEMORY_BUDGET_BYTES / slotBytes));
            for (int i = 0; i < slots; i++) {
                free.add(new Slot(
                        TextureFrame.allocate(arena, spec.variant(), spec.widthPixels(), spec.heightPixels()),
                        arena.allocate(encoder.maxFrameBytes(), 64)));
            }
            long prepareNanos = System.nanoTime() - start;
            ExecutorService pool = Executors.newFixedThreadPool(spec.workerThreads(), workerThreads());
            try (MovWriter writer = MovWriter.create(
                    spec.output(),
                    new MovWriter.TrackFormat(spec.variant(), spec.widthPixels(), spec.heightPixels(), spec.rate()),
                    spec.moov(),
                    spec.frameCount())) {
                long written = run(spec, content, encoder, free, pool, writer, progress, start);
                writer.finish();
                long elapsed = System.nanoTime() - start;
                long fileBytes = Files.size(spec.output());
                if (progress != null) {
                    progress.update(written, spec.frameCount(), fileBytes, elapsed);
                }
                return new Result(written, fileBytes, elapsed, prepareNanos);
            } finally {
                pool.shutdownNow();
                awaitQuietly(pool);
            }
        }
    }

    private static long run(
            GenSpec spec,
            FrameContent content,
            HapFrameEncoder encoder,
            ArrayDeque<Slot> free,
            ExecutorService pool,
            MovWriter writer,
            Progress progress,
            long start)
            throws IOException {
        ArrayDeque<Future<Slot>> inFlight = new ArrayDeque<>();
        List<Slot> batch = new ArrayList<>();
        ByteBuffer[] buffers = new ByteBuffer[free.size()];
        long next = 0;
        long written = 0;
        long lastProgress = start;
        while (written < spec.frameCount()) {
            while (next < spec.frameCount() && !free.isEmpty()) {
                Slot slot = free.poll();
                long frame = next++;
                inFlight.add(pool.submit(() -> {
                    content.render(frame, slot.texture);
                    slot.frameBytes = encoder.encode(slot.texture, slot.out);
                    return slot;
                }));
            }
            batch.clear();
            long batchBytes = 0;
            do {
                Slot done = await(inFlight.poll());
                buffers[batch.size()] = done.out.asSlice(0, done.frameBytes).asByteBuffer();
                batch.add(done);
                batchBytes += done.frameBytes;
            } while (!inFlight.isEmpty() && inFlight.peek().isDone() && batchBytes < BATCH_BYTES);
            writer.write(buffers, 0, batch.size());
            written += batch.size();
            free.addAll(batch);
            long now = System.nanoTime();
            if (progress != null && now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
                lastProgress = now;
                progress.update(written, spec.frameCount(), writer.bytesWritten(), now - start);
            }
        }
        return written;
    }

    private static Slot await(Future<Slot> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a frame encoder");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("frame encoders did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "hapring-gen-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One frame's memory: texture planes and encoded output, reused frame after frame. */
    private static final class Slot {
        final TextureFrame texture;
        final MemorySegment out;
        long frameBytes;

        Slot(TextureFrame texture, MemorySegment out) {
            this.texture = texture;
            this.out = out;
        }
    }
}
