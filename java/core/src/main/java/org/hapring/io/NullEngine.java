package org.hapring.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Completes every read instantly without I/O (for tests and benchmarks of the layers above): a read
 * inside the file's size (taken at open) completes with the untouched buffer slice; one past it completes
 * with the same UNEXPECTED_EOF error the real engines give.
 *
 * <p>Owned by one thread (the I/O thread); see {@link ReadEngine}.
 */
public final class NullEngine extends AbstractReadEngine {
    private final int[] done;
    private int doneHead;
    private int doneCount;

    public NullEngine(EngineConfig config, String fallbackReason) {
        super(config, fallbackReason);
        this.done = new int[config.queueDepth()];
    }

    @Override
    public String name() {
        return EngineKind.NULL.cliName();
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(false, true, false, false, true, false, config.queueDepth());
    }

    @Override
    protected Opened openFile(int slot, Path path, OpenOptions options) throws IoEngineException {
        try {
            return new Opened(Files.size(path), options.direct());
        } catch (NoSuchFileException e) {
            throw new IoEngineException(IoEngineException.Kind.NOT_FOUND, "open", 0, path, -1, "no such file", e);
        } catch (IOException e) {
            throw new IoEngineException(IoEngineException.Kind.OTHER, "open", 0, path, -1, e.getMessage(), e);
        }
    }

    @Override
    protected void closeFileSlot(int slot) {}

    @Override
    protected int submitRequests(int[] slots, int count) {
        for (int i = 0; i < count; i++) {
            done[(doneHead + doneCount++) % done.length] = slots[i];
        }
        readsSubmitted += count;
        return count;
    }

    @Override
    protected int reapCompletions(int minEvents, int maxEvents, long timeoutNanos, CompletionHandler handler) {
        int delivered = 0;
        while (doneCount > 0 && delivered < maxEvents) {
            int r = done[doneHead];
            doneHead = (doneHead + 1) % done.length;
            doneCount--;
            delivered++;
            if (requests.offsetBytes(r) + requests.lengthBytes(r)
                    > requests.file(r).sizeBytes()) {
                fail(
                        r,
                        IoEngineException.unexpectedEof(
                                requests.file(r).path(),
                                requests.offsetBytes(r),
                                requests.lengthBytes(r),
                                requests.file(r).sizeBytes()),
                        handler);
            } else {
                complete(r, handler);
            }
        }
        return delivered;
    }

    @Override
    protected void closeEngine() {}
}
