package org.hapring.io;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * What every engine shares: argument checks, the request slots ({@link RequestTable}), the buffer and file
 * tables, the queued list, the counters behind {@link #stats()} and the close protocol (drain, close files,
 * free). Subclasses supply the I/O: {@link #openFile}, {@link #submitRequests}, {@link #reapCompletions}.
 *
 * <p>Owned by one thread (the engine's owner); see {@link ReadEngine}.
 */
public abstract class AbstractReadEngine implements ReadEngine {
    /** What {@link #openFile} found: the size, and whether O_DIRECT was granted. */
    public record Opened(long sizeBytes, boolean direct) {}

    private static final CompletionHandler DISCARD = new CompletionHandler() {
        @Override
        public void onComplete(long userData, MemorySegment data) {}

        @Override
        public void onError(long userData, IoEngineException error) {}
    };

    protected final EngineConfig config;
    protected final RequestTable requests;
    private final MemorySegment[] bufferTable;
    private final FileHandle[] files;
    private final int[] queuedSlots;
    private int queuedCount;
    private String fallbackReason;
    private boolean closed;

    protected long enterCalls;
    protected long submitCalls;
    protected long readsSubmitted;
    protected long readsCompleted;
    protected long readsFailed;
    protected long bytesRead;
    protected long shortReadsResubmitted;
    protected long retries;
    protected long busyRejections;

    protected AbstractReadEngine(EngineConfig config, String fallbackReason) {
        this.config = config;
        this.requests = new RequestTable(config.queueDepth(), config.alignmentBytes());
        this.bufferTable = new MemorySegment[config.maxBuffers()];
        this.files = new FileHandle[config.maxFiles()];
        this.queuedSlots = new int[config.queueDepth()];
        this.fallbackReason = fallbackReason;
    }

    protected abstract Opened openFile(int slot, Path path, OpenOptions options) throws IoEngineException;

    protected abstract void closeFileSlot(int slot);

    /** Issues the reads of request slots {@code slots[0..count)}; count may be 0 (flush leftovers, if any). */
    protected abstract int submitRequests(int[] slots, int count) throws IoEngineException;

    protected abstract int reapCompletions(int minEvents, int maxEvents, long timeoutNanos, CompletionHandler handler)
            throws IoEngineException;

    /** Frees the engine's own resources; files are already closed and nothing is in flight (or given up). */
    protected abstract void closeEngine();

    protected void onBuffersRegistered(int firstIndex, BufferSet buffers) throws IoEngineException {}

    protected void onBuffersUnregistered(int firstIndex, BufferSet buffers) {}

    /** Whether a read needs a destination buffer (false only for zero-copy engines). */
    protected boolean requiresBuffer() {
        return true;
    }

    /** The bytes a finished request delivers; zero-copy engines override. */
    protected MemorySegment dataOf(int r) {
        return requests.buffer(r).asSlice(requests.dataOffsetBytes(r), requests.lengthBytes(r));
    }

    @Override
    public String fallbackReason() {
        return fallbackReason;
    }

    /** Records a degradation (appended to any earlier reason) and says it once through the notices sink. */
    protected final void degrade(String reason) {
        fallbackReason = fallbackReason == null ? reason : fallbackReason + "; then " + reason;
        notice(reason);
    }

    protected final void notice(String message) {
        config.notices().accept(message);
    }

    @Override
    public final FileHandle open(Path file, OpenOptions options) throws IoEngineException {
        ensureOpen();
        int slot = 0;
        while (slot < files.length && files[slot] != null) {
            slot++;
        }
        if (slot == files.length) {
            throw new IoEngineException(
                    IoEngineException.Kind.OTHER,
                    "open",
                    0,
                    file,
                    -1,
                    "the engine's file table is full (io.maxFiles=" + files.length + ")",
                    null);
        }
        Opened o = openFile(slot, file, options);
        FileHandle h = new FileHandle(this, slot, file, o.sizeBytes(), o.direct());
        files[slot] = h;
        return h;
    }

    @Override
    public final void closeFile(FileHandle file) {
        checkFile(file);
        if (requests.uses(file)) {
            throw new IllegalStateException("closeFile with reads queued or in flight: " + file);
        }
        files[file.slot()] = null;
        file.markClosed();
        closeFileSlot(file.slot());
    }

    @Override
    public final void registerBuffers(BufferSet buffers) throws IoEngineException {
        ensureOpen();
        if (buffers.isRegistered()) {
            throw new IllegalArgumentException(
                    "BufferSet already registered (firstIndex=" + buffers.firstIndex() + ")");
        }
        int n = buffers.count();
        int first = -1;
        for (int i = 0, run = 0; i < bufferTable.length; i++) {
            run = bufferTable[i] == null ? run + 1 : 0;
            if (run == n) {
                first = i - n + 1;
                break;
            }
        }
        if (first < 0) {
            throw new IoEngineException(
                    IoEngineException.Kind.OTHER,
                    "register_buffers",
                    0,
                    null,
                    -1,
                    "no " + n + " consecutive free buffer indices (io.maxBuffers=" + bufferTable.length + ")",
                    null);
        }
        onBuffersRegistered(first, buffers);
        for (int i = 0; i < n; i++) {
            bufferTable[first + i] = buffers.buffer(i);
        }
        buffers.bind(this, first);
    }

    @Override
    public final void unregisterBuffers(BufferSet buffers) {
        if (buffers.engine() != this) {
            throw new IllegalArgumentException("BufferSet is not registered with this engine");
        }
        int first = buffers.firstIndex();
        if (requests.usesBuffers(first, buffers.count())) {
            throw new IllegalStateException("unregisterBuffers with reads queued or in flight into them");
        }
        onBuffersUnregistered(first, buffers);
        for (int i = 0; i < buffers.count(); i++) {
            bufferTable[first + i] = null;
        }
        buffers.unbind();
    }

    @Override
    public final int queue(FileHandle file, long fileOffsetBytes, int lengthBytes, int bufferIndex, long userData) {
        checkFile(file);
        if (fileOffsetBytes < 0 || lengthBytes <= 0) {
            throw new IllegalArgumentException("fileOffsetBytes=" + fileOffsetBytes + " lengthBytes=" + lengthBytes
                    + ": offset must be >= 0 and length > 0 (" + file.path() + ")");
        }
        MemorySegment buf = null;
        if (bufferIndex != NO_BUFFER || requiresBuffer()) {
            if (bufferIndex < 0 || bufferIndex >= bufferTable.length || bufferTable[bufferIndex] == null) {
                throw new IllegalArgumentException("bufferIndex=" + bufferIndex + " is not a registered buffer");
            }
            buf = bufferTable[bufferIndex];
            long need = requests.readLengthFor(fileOffsetBytes, lengthBytes, file.direct());
            if (need > buf.byteSize()) {
                throw new IllegalArgumentException("bufferIndex=" + bufferIndex + " capacityBytes=" + buf.byteSize()
                        + " < " + need + " bytes needed for lengthBytes=" + lengthBytes
                        + (file.direct() ? " with O_DIRECT (see BufferSet.requiredBytes)" : ""));
            }
            if (file.direct() && (buf.address() & (config.alignmentBytes() - 1)) != 0) {
                throw new IllegalArgumentException("bufferIndex=" + bufferIndex + " is not aligned to "
                        + config.alignmentBytes() + " bytes, which O_DIRECT needs");
            }
        }
        int r = requests.acquire(file, fileOffsetBytes, lengthBytes, bufferIndex, buf, userData);
        if (r < 0) {
            busyRejections++;
            return BUSY;
        }
        queuedSlots[queuedCount++] = r;
        return QUEUED;
    }

    @Override
    public final int submit() throws IoEngineException {
        ensureOpen();
        int n = queuedCount;
        queuedCount = 0;
        int submitted = submitRequests(queuedSlots, n);
        if (n > 0) {
            submitCalls++;
        }
        return submitted;
    }

    @Override
    public final int reap(int minEvents, int maxEvents, long timeoutNanos, CompletionHandler handler)
            throws IoEngineException {
        ensureOpen();
        if (minEvents < 0 || maxEvents < 1 || minEvents > maxEvents || timeoutNanos < 0) {
            throw new IllegalArgumentException("minEvents=" + minEvents + " maxEvents=" + maxEvents + " timeoutNanos="
                    + timeoutNanos + ": need 0 <= min <= max, max >= 1, timeout >= 0");
        }
        return reapCompletions(Math.min(minEvents, inFlight()), maxEvents, timeoutNanos, handler);
    }

    @Override
    public final int inFlight() {
        return requests.used() - queuedCount;
    }

    @Override
    public final int queued() {
        return queuedCount;
    }

    /** Releases slot {@code r} and hands its data to {@code handler}. */
    protected final void complete(int r, CompletionHandler handler) {
        MemorySegment data = dataOf(r);
        long ud = requests.userData(r);
        requests.release(r);
        readsCompleted++;
        bytesRead += data.byteSize();
        handler.onComplete(ud, data);
    }

    /** Releases slot {@code r} and hands {@code error} to {@code handler}. */
    protected final void fail(int r, IoEngineException error, CompletionHandler handler) {
        long ud = requests.userData(r);
        requests.release(r);
        readsFailed++;
        handler.onError(ud, error);
    }

    /** The unexpected-EOF error of slot {@code r}. */
    protected final IoEngineException eofError(int r) {
        return IoEngineException.unexpectedEof(
                requests.file(r).path(),
                requests.offsetBytes(r),
                requests.lengthBytes(r),
                Math.max(requests.offsetBytes(r), requests.endOffsetBytes(r)));
    }

    @Override
    public EngineStats stats() {
        return new EngineStats(
                enterCalls,
                submitCalls,
                readsSubmitted,
                readsCompleted,
                readsFailed,
                bytesRead,
                shortReadsResubmitted,
                retries,
                busyRejections);
    }

    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        queuedCount = 0;
        long deadline = System.nanoTime() + config.closeDrainTimeoutNanos();
        try {
            while (inFlight() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    notice(name() + ": closing with " + inFlight() + " reads still in flight after "
                            + config.closeDrainTimeoutNanos() / 1_000_000 + " ms");
                    break;
                }
                reapCompletions(1, Math.max(1, inFlight()), left, DISCARD);
            }
        } catch (IoEngineException | RuntimeException e) {
            notice(name() + ": reads in flight could not be drained at close: " + e.getMessage());
        }
        for (int i = 0; i < requests.capacity(); i++) {
            if (requests.file(i) != null) {
                requests.release(i);
            }
        }
        for (int i = 0; i < files.length; i++) {
            if (files[i] != null) {
                files[i].markClosed();
                closeFileSlot(i);
                files[i] = null;
            }
        }
        closed = true;
        closeEngine();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(name() + " engine is closed");
        }
    }

    private void checkFile(FileHandle file) {
        ensureOpen();
        if (file.owner() != this) {
            throw new IllegalArgumentException("file belongs to another engine: " + file);
        }
        if (!file.isOpen()) {
            throw new IllegalArgumentException("file is closed: " + file);
        }
    }
}
