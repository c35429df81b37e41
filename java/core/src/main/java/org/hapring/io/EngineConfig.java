package org.hapring.io;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The validated settings of one engine. Built with {@link #builder()}; {@link Builder#build()} checks every
 * value and fails with one message naming the key ({@code io.queueDepth=0: must be 1..4096}).
 *
 * <p>Immutable; any thread.
 */
public final class EngineConfig {
    public static final int MAX_QUEUE_DEPTH = 4096;
    /** The kernel's limit on registered buffers (IORING_MAX_REG_BUFFERS). */
    public static final int MAX_BUFFERS = 16384;

    public static final int MAX_FILES = 32768;

    private final int queueDepth;
    private final int maxBuffers;
    private final int maxFiles;
    private final int ioWqMaxWorkers;
    private final int poolThreads;
    private final int alignmentBytes;
    private final long closeDrainTimeoutNanos;
    private final Consumer<String> notices;

    private EngineConfig(Builder b) {
        this.queueDepth = b.queueDepth;
        this.maxBuffers = b.maxBuffers;
        this.maxFiles = b.maxFiles;
        this.ioWqMaxWorkers = b.ioWqMaxWorkers;
        this.poolThreads = b.poolThreads;
        this.alignmentBytes = b.alignmentBytes;
        this.closeDrainTimeoutNanos = b.closeDrainTimeoutNanos;
        this.notices = b.notices;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EngineConfig defaults() {
        return builder().build();
    }

    /** The most reads queued or in flight at once (fio's iodepth); also the io_uring SQ size. */
    public int queueDepth() {
        return queueDepth;
    }

    /** Size of the engine's buffer table (registered-buffer indices 0..maxBuffers-1). */
    public int maxBuffers() {
        return maxBuffers;
    }

    /** Size of the engine's file table (registered-file indices 0..maxFiles-1). */
    public int maxFiles() {
        return maxFiles;
    }

    /** Cap on io_uring's io-wq kernel workers (bounded and unbounded); 0 keeps the kernel's default. */
    public int ioWqMaxWorkers() {
        return ioWqMaxWorkers;
    }

    /** Threads of the filechannel engine's pool. */
    public int poolThreads() {
        return poolThreads;
    }

    /** O_DIRECT alignment of offsets, lengths and buffer addresses (the device's logical block size or more). */
    public int alignmentBytes() {
        return alignmentBytes;
    }

    /** How long {@link ReadEngine#close()} waits for reads still in flight before it gives up on them. */
    public long closeDrainTimeoutNanos() {
        return closeDrainTimeoutNanos;
    }

    /** Where one-line notices go (fallbacks, O_DIRECT refused); by default a System.Logger at WARNING. */
    public Consumer<String> notices() {
        return notices;
    }

    /** Collects settings; not thread-safe (one building thread). */
    public static final class Builder {
        private int queueDepth = 64;
        private int maxBuffers = 1024;
        private int maxFiles = 256;
        private int ioWqMaxWorkers = 4;
        private int poolThreads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
        private int alignmentBytes = 4096;
        private long closeDrainTimeoutNanos = 10_000_000_000L;
        private Consumer<String> notices = Notices.systemLogger();

        private Builder() {}

        public Builder queueDepth(int v) {
            queueDepth = v;
            return this;
        }

        public Builder maxBuffers(int v) {
            maxBuffers = v;
            return this;
        }

        public Builder maxFiles(int v) {
            maxFiles = v;
            return this;
        }

        public Builder ioWqMaxWorkers(int v) {
            ioWqMaxWorkers = v;
            return this;
        }

        public Builder poolThreads(int v) {
            poolThreads = v;
            return this;
        }

        public Builder alignmentBytes(int v) {
            alignmentBytes = v;
            return this;
        }

        public Builder closeDrainTimeoutNanos(long v) {
            closeDrainTimeoutNanos = v;
            return this;
        }

        public Builder notices(Consumer<String> v) {
            notices = Objects.requireNonNull(v, "io.notices");
            return this;
        }

        public EngineConfig build() {
            check("io.queueDepth", queueDepth, 1, MAX_QUEUE_DEPTH);
            check("io.maxBuffers", maxBuffers, 1, MAX_BUFFERS);
            check("io.maxFiles", maxFiles, 1, MAX_FILES);
            check("io.ioWqMaxWorkers", ioWqMaxWorkers, 0, 1024);
            check("io.poolThreads", poolThreads, 1, 256);
            check("io.alignmentBytes", alignmentBytes, 512, 1 << 20);
            if (Integer.bitCount(alignmentBytes) != 1) {
                throw new IllegalArgumentException("io.alignmentBytes=" + alignmentBytes + ": must be a power of two");
            }
            if (closeDrainTimeoutNanos < 0) {
                throw new IllegalArgumentException(
                        "io.closeDrainTimeoutNanos=" + closeDrainTimeoutNanos + ": must be >= 0");
            }
            return new EngineConfig(this);
        }

        private static void check(String key, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(key + "=" + value + ": must be " + min + ".." + max);
            }
        }
    }
}
