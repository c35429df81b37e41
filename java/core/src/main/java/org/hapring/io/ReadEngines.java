package org.hapring.io;

import org.hapring.io.channel.FileChannelEngine;
import org.hapring.io.channel.SyncEngine;
import org.hapring.io.mmap.MmapEngine;
import org.hapring.io.uring.FaultInjectingUringCalls;
import org.hapring.io.uring.NativeUringCalls;
import org.hapring.io.uring.UringCalls;
import org.hapring.io.uring.UringEngine;

/**
 * Builds engines by kind, and picks one for {@code auto}: io_uring with registered buffers; when buffer
 * registration fails (ENOMEM under RLIMIT_MEMLOCK) the uring engine itself continues with unregistered
 * buffers (uring-noreg); when io_uring cannot be used at all (liburing.so.2 missing, io_uring_setup
 * EPERM/ENOSYS from a seccomp profile or kernel.io_uring_disabled, an old kernel) the filechannel pool.
 * Each fallback is said exactly once through {@link EngineConfig#notices()}, naming the cause and the fix,
 * and stays readable as {@link ReadEngine#fallbackReason()}.
 *
 * <p>Stateless; any thread may build an engine, which then belongs to the thread that uses it.
 */
public final class ReadEngines {
    private ReadEngines() {}

    /** The engine of {@code kind} with the real native calls (and any faults the system property asks for). */
    public static ReadEngine create(EngineKind kind, EngineConfig config) throws IoEngineException {
        return create(kind, config, FaultInjectingUringCalls.wrapIfRequested(new NativeUringCalls()));
    }

    /**
     * The engine of {@code kind}, with {@code uringCalls} as the io_uring binding seam. An explicit
     * {@code uring}/{@code uring-noreg} that cannot start throws; {@code auto} falls back.
     */
    public static ReadEngine create(EngineKind kind, EngineConfig config, UringCalls uringCalls)
            throws IoEngineException {
        return switch (kind) {
            case AUTO -> auto(config, uringCalls);
            case URING -> UringEngine.create(config, uringCalls, true, null);
            case URING_NOREG -> UringEngine.create(config, uringCalls, false, null);
            case FILECHANNEL -> new FileChannelEngine(config, null);
            case MMAP -> new MmapEngine(config, null);
            case SYNC -> new SyncEngine(config, null);
            case NULL -> new NullEngine(config, null);
        };
    }

    private static ReadEngine auto(EngineConfig config, UringCalls uringCalls) {
        try {
            return UringEngine.create(config, uringCalls, true, null);
        } catch (IoEngineException e) {
            String reason = "auto: io_uring unavailable, using filechannel: " + e.getMessage();
            config.notices().accept(reason);
            return new FileChannelEngine(config, reason);
        }
    }
}
