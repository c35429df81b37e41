package org.hapring.prebuffer;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import org.hapring.decode.HapFormatException;
import org.hapring.decode.HapVariant;
import org.hapring.decode.TextureFormat;
import org.hapring.io.BufferSet;
import org.hapring.io.CompletionHandler;
import org.hapring.io.FileHandle;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.ReadEngine;
import org.hapring.mov.SampleTable;

/**
 * The original "before" pipeline, kept as the baseline ({@code --engine sync}, {@code hapAsyncIO=false}): no
 * pre-buffer; the due frame is read and decoded on the thread that asks for it, when it asks. A small ring
 * (the frame on screen, the frames a sink keeps, one to read into) gives the same {@link ReadyFrame}s as the
 * pre-buffer. The engine is shared by all layers and guarded by its monitor.
 *
 * <p>Threads: opened by a control thread; {@link #acquire} on the tick thread.
 */
public final class OnDemandReader implements AutoCloseable, CompletionHandler {
    private final ReadEngine engine;
    private final SampleTable table;
    private final LayerRing ring;
    private final FrameDecoder decoder;
    private final FileHandle file;
    private PrebufferException error;
    private FrameSlot pending;

    public OnDemandReader(
            ReadEngine engine, SampleTable table, FrameDecoder decoder, int sinkHoldFrames, OpenOptions options)
            throws IOException {
        this.engine = engine;
        this.table = table;
        this.decoder = decoder;
        HapVariant variant = HapVariant.fromFourcc(table.fourcc())
                .orElseThrow(() -> new PrebufferException(
                        table.file() + ": fourcc " + table.fourcc() + " is not a HAP variant this player shows"));
        long raw = BufferSet.requiredBytes(table.maxSampleBytes(), 4096);
        this.ring = new LayerRing(table, variant, table.width(), table.height(), 2 + sinkHoldFrames, raw, 4096, true);
        synchronized (engine) {
            try {
                engine.registerBuffers(ring.buffers());
                file = engine.open(table.file(), options);
            } catch (IOException | RuntimeException e) {
                if (ring.buffers().isRegistered()) {
                    engine.unregisterBuffers(ring.buffers());
                }
                ring.close();
                throw e;
            }
        }
    }

    public LayerRing ring() {
        return ring;
    }

    public PrebufferException error() {
        return error;
    }

    /** A hold on {@code frame}, read and decoded now on the calling thread if needed; null after an error. */
    public FrameSlot acquire(int frame) {
        FrameSlot s = ring.acquire(frame);
        if (s != null || error != null) {
            return s;
        }
        FrameSlot slot = ring.firstFree();
        for (int i = 0; slot == null && i < ring.slots.length; i++) {
            if (ring.slots[i].tryFree()) {
                slot = ring.slots[i];
            }
        }
        if (slot == null) {
            return null;
        }
        slot.claim(frame, 0, System.nanoTime());
        pending = slot;
        synchronized (engine) {
            try {
                if (engine.queue(
                                file,
                                table.offset(frame),
                                table.size(frame),
                                ring.buffers().index(slot.index),
                                0)
                        == ReadEngine.BUSY) {
                    slot.free();
                    return null;
                }
                engine.submit();
                while (pending != null) {
                    engine.reap(1, 1, 1_000_000_000L, this);
                }
            } catch (IoEngineException e) {
                fail(slot, frame, e);
            }
        }
        return ring.acquire(frame);
    }

    @Override
    public void onComplete(long userData, MemorySegment data) {
        FrameSlot slot = pending;
        pending = null;
        long now = System.nanoTime();
        ring.stats.recordRead(now - slot.submitNanos);
        ring.stats.add(LayerIoStats.READS, 1);
        ring.stats.add(LayerIoStats.BYTES_READ, data.byteSize());
        int header = StoredFrames.storedHeaderBytes(data, ring.variant, ring.widthPixels, ring.heightPixels);
        if (header > 0) {
            TextureFormat format = StoredFrames.format(data);
            slot.publishView(
                    format, data.asSlice(header, format.textureBytes(ring.widthPixels, ring.heightPixels)), now);
            return;
        }
        try {
            decoder.decode(data, ring.widthPixels, ring.heightPixels, slot.decoded);
            ring.stats.recordDecode(System.nanoTime() - now);
            slot.publishDecoded(System.nanoTime());
        } catch (HapFormatException e) {
            slot.free();
            error = new PrebufferException(
                    e.located(table.file(), slot.frameIndex(), table.offset(slot.frameIndex()))
                            .getMessage(),
                    e);
        }
    }

    @Override
    public void onError(long userData, IoEngineException e) {
        FrameSlot slot = pending;
        pending = null;
        fail(slot, slot.frameIndex(), e);
    }

    private void fail(FrameSlot slot, int frame, IoEngineException e) {
        pending = null;
        slot.free();
        ring.stats.add(LayerIoStats.READ_ERRORS, 1);
        error = new PrebufferException(
                "reading frame " + frame + " of " + table.file() + " failed: " + e.getMessage(), e);
    }

    /** Closes the file and frees the ring; nothing may hold its frames. */
    @Override
    public void close() {
        synchronized (engine) {
            engine.closeFile(file);
            engine.unregisterBuffers(ring.buffers());
        }
        ring.close();
    }
}
