package org.hapring.decode;

import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Turns one HAP frame into texture planes ready for {@code glCompressedTex*}, written into a
 * caller-owned {@link TextureFrame}; nothing is allocated per frame once the reusable state has
 * grown to the largest frame seen.
 *
 * <p>Steps: parse and validate the whole frame ({@link HapFrameParser}); check that each plane
 * decompresses to exactly the texture size of the picture and fits the output plane; then copy
 * stored chunks and decompress Snappy chunks straight into the output. Snappy runs only on a chunk
 * whose preamble length equals its slot in the plane and whose bytes lie inside the frame, so corrupt
 * data can make a decode fail but never write outside the plane's texture bytes.
 *
 * <p>Several Snappy chunks are decompressed in parallel when the decoder was given an
 * {@link Executor} (helpers from {@link ChunkDecodeWorkers} plus the calling thread); a frame with one
 * Snappy chunk, or a decoder without an executor, runs on the calling thread only.
 *
 * <p>Memory: {@code out}'s planes must be native segments. A native {@code frame} is read in place; a
 * heap frame ({@code MemorySegment.ofArray}) is first copied into a reusable native scratch owned by
 * this decoder (a convenience for tests and tools, not the hot path). The frame and the output must
 * stay alive until {@code decode} returns.
 *
 * <p>Thread-confined: one thread at a time calls {@link #decode} (a decode worker, or a test).
 */
public final class HapFrameDecoder implements AutoCloseable {
    private final FramePlan plan = new FramePlan();
    private final SnappyBatch batch = new SnappyBatch();
    private final NativeScratch heapCopy = new NativeScratch();
    private final ChunkDecodeWorkers workers;

    /** A decoder that does all work on the calling thread. */
    public HapFrameDecoder() {
        workers = null;
    }

    /** A decoder that spreads Snappy chunks over {@code pool}, using as many helpers as its parallelism. */
    public HapFrameDecoder(ForkJoinPool pool) {
        this(pool, pool.getParallelism());
    }

    /**
     * A decoder that spreads Snappy chunks over {@code executor} with up to {@code helperTasks}
     * helpers besides the calling thread. The executor is not owned: closing the decoder leaves it running.
     */
    public HapFrameDecoder(Executor executor, int helperTasks) {
        workers = new ChunkDecodeWorkers(executor, helperTasks);
    }

    /**
     * Decodes {@code frame} (exactly the frame's bytes) of a {@code widthPixels} x {@code heightPixels}
     * picture into {@code out}. On success {@code out} holds one plane (two for HapM) of exactly
     * {@code format.textureBytes(width, height)} bytes; on failure it holds no plane and the content
     * of its storage is unspecified.
     *
     * @throws HapFormatException when the frame is malformed; its offset is from the frame's first byte
     * @throws IllegalArgumentException for a non-positive size or an output plane that is not native
     */
    public void decode(MemorySegment frame, int widthPixels, int heightPixels, TextureFrame out)
            throws HapFormatException {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(out, "out");
        if (widthPixels <= 0 || heightPixels <= 0) {
            throw new IllegalArgumentException("picture size " + widthPixels + "x" + heightPixels + " is not positive");
        }
        out.reset(widthPixels, heightPixels);
        MemorySegment source = frame.isNative() ? frame : heapCopy.copyOf(frame);
        HapFrameParser.parse(source, plan);
        checkPlanes(widthPixels, heightPixels, out);
        collectSnappyChunks(source, out);
        if (workers != null && batch.count() > 1) {
            workers.start(batch);
            try {
                copyStoredChunks(source, out);
            } finally {
                workers.finish();
            }
        } else {
            copyStoredChunks(source, out);
            batch.drain();
        }
        if (batch.failedChunk() >= 0) {
            throw snappyFailure();
        }
        for (int p = 0; p < plan.planeCount; p++) {
            out.setPlane(p, plan.format[p], plan.textureBytes[p]);
        }
    }

    private void checkPlanes(int widthPixels, int heightPixels, TextureFrame out) throws HapFormatException {
        for (int p = 0; p < plan.planeCount; p++) {
            TextureFormat format = plan.format[p];
            long expectedBytes = format.textureBytes(widthPixels, heightPixels);
            if (plan.textureBytes[p] != expectedBytes) {
                throw new HapFormatException(
                        String.format(
                                "the %s texture decompresses to %d bytes but a %dx%d" + " picture has %d texture bytes",
                                format, plan.textureBytes[p], widthPixels, heightPixels, expectedBytes),
                        plan.sectionOffsetBytes[p]);
            }
            if (expectedBytes > out.capacityBytes(p)) {
                throw new HapFormatException(
                        String.format(
                                "the %s texture of a %dx%d picture has %d bytes but"
                                        + " output plane %d holds %d (the frame's format differs from the track's)",
                                format, widthPixels, heightPixels, expectedBytes, p, out.capacityBytes(p)),
                        plan.sectionOffsetBytes[p]);
            }
            if (!out.storage(p).isNative()) {
                throw new IllegalArgumentException("output plane " + p + " is not native memory");
            }
        }
    }

    private void collectSnappyChunks(MemorySegment source, TextureFrame out) {
        batch.clear();
        long sourceAddress = source.address();
        for (int p = 0; p < plan.planeCount; p++) {
            long planeAddress = out.storage(p).address();
            for (int i = plan.firstChunk[p]; i < plan.firstChunk[p] + plan.chunkCount[p]; i++) {
                if (plan.chunkCompressor[i] == HapCompressor.SNAPPY.code()) {
                    batch.add(
                            i,
                            sourceAddress + plan.chunkSourceOffsetBytes[i],
                            plan.chunkStoredBytes[i],
                            planeAddress + plan.chunkOutputOffsetBytes[i],
                            plan.chunkOutputBytes[i]);
                }
            }
        }
    }

    private void copyStoredChunks(MemorySegment source, TextureFrame out) {
        for (int p = 0; p < plan.planeCount; p++) {
            MemorySegment plane = out.storage(p);
            for (int i = plan.firstChunk[p]; i < plan.firstChunk[p] + plan.chunkCount[p]; i++) {
                if (plan.chunkCompressor[i] == HapCompressor.NONE.code()) {
                    MemorySegment.copy(
                            source,
                            plan.chunkSourceOffsetBytes[i],
                            plane,
                            plan.chunkOutputOffsetBytes[i],
                            plan.chunkOutputBytes[i]);
                }
            }
        }
    }

    private HapFormatException snappyFailure() {
        int chunk = batch.failedChunk();
        Throwable cause = batch.failure();
        if (cause instanceof Error e) {
            throw e;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        int p = plan.planeCount > 1 && chunk >= plan.firstChunk[1] && chunk < plan.firstChunk[1] + plan.chunkCount[1]
                ? 1
                : 0;
        return new HapFormatException(
                "Snappy chunk " + (chunk - plan.firstChunk[p]) + " of plane " + p
                        + " (" + plan.chunkStoredBytes[chunk] + " bytes, " + plan.chunkOutputBytes[chunk]
                        + " uncompressed) is corrupt: " + cause.getMessage(),
                plan.chunkSourceOffsetBytes[chunk],
                cause);
    }

    /** Frees the scratch used for heap frames; the executor is not touched. */
    @Override
    public void close() {
        heapCopy.close();
    }
}
