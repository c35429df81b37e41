package org.hapring.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.hapring.io.uring.NativeUringCalls;
import org.hapring.io.uring.UringCalls;
import org.hapring.io.uring.UringEngine;

/**
 * Test helpers for the engines: random data files, the reference read (a plain FileChannel read), an
 * engine factory that skips with the reason where io_uring is unavailable, and a completion recorder.
 *
 * <p>Used by one test thread at a time.
 */
public final class EngineFixtures {
    private EngineFixtures() {}

    /** A file of {@code sizeBytes} pseudo-random bytes (seeded, so every run has the same content). */
    public static Path randomFile(Path dir, String name, int sizeBytes, long seed) throws IOException {
        byte[] data = new byte[sizeBytes];
        new Random(seed).nextBytes(data);
        Path f = dir.resolve(name);
        Files.write(f, data);
        return f;
    }

    /** The bytes at {@code offset}, read with a plain FileChannel (shorter at the end of the file). */
    public static byte[] reference(Path file, long offset, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bb = ByteBuffer.allocate(length);
            while (bb.hasRemaining()) {
                if (ch.read(bb, offset + bb.position()) < 0) {
                    break;
                }
            }
            byte[] out = new byte[bb.position()];
            bb.flip().get(out);
            return out;
        }
    }

    /** Why io_uring cannot be used here, or null when it can. */
    public static String uringUnavailableReason() {
        try (ReadEngine e = UringEngine.create(
                EngineConfig.builder().queueDepth(4).maxBuffers(4).maxFiles(4).build(),
                new NativeUringCalls(),
                false,
                null)) {
            return null;
        } catch (IoEngineException e) {
            return e.getMessage();
        }
    }

    public static void assumeUring() {
        String why = uringUnavailableReason();
        assumeTrue(why == null, () -> "io_uring is unavailable here, skipping: " + why);
    }

    /** The engine of {@code kind} (real native calls); skips the test where a uring kind cannot start. */
    public static ReadEngine engine(EngineKind kind, EngineConfig config) throws IoEngineException {
        if (kind == EngineKind.URING || kind == EngineKind.URING_NOREG) {
            assumeUring();
        }
        return ReadEngines.create(kind, config);
    }

    public static ReadEngine engine(EngineKind kind, EngineConfig config, UringCalls calls) throws IoEngineException {
        if (kind == EngineKind.URING || kind == EngineKind.URING_NOREG) {
            assumeUring();
        }
        return ReadEngines.create(kind, config, calls);
    }

    /** A config with notices collected into {@code notices}. */
    public static EngineConfig.Builder config(List<String> notices) {
        Consumer<String> sink = notices::add;
        return EngineConfig.builder().notices(sink);
    }

    /** One delivered completion, its bytes copied out. */
    public record Done(long userData, byte[] data, long dataAddress, IoEngineException error) {}

    /** Records completions (copying the data while it is valid). */
    public static final class Recorder implements CompletionHandler {
        public final List<Done> done = new ArrayList<>();

        @Override
        public void onComplete(long userData, MemorySegment data) {
            done.add(new Done(userData, data.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), data.address(), null));
        }

        @Override
        public void onError(long userData, IoEngineException error) {
            done.add(new Done(userData, null, 0, error));
        }
    }

    /** Reaps until {@code n} completions arrived (each wait bounded; fails the test after 30 s). */
    public static void reapAll(ReadEngine e, Recorder rec, int n) throws IoEngineException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (rec.done.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + rec.done.size() + " of " + n + " completions after 30 s");
            }
            e.reap(1, 64, 1_000_000_000L, rec);
        }
    }
}
