package org.hapring.io.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.hapring.ffi.Errno;
import org.hapring.io.BufferSet;
import org.hapring.io.CompletionHandler;
import org.hapring.io.EngineConfig;
import org.hapring.io.EngineKind;
import org.hapring.io.FileHandle;
import org.hapring.io.IoEngineException;
import org.hapring.io.OpenOptions;
import org.hapring.io.ReadEngine;
import org.hapring.io.ReadEngines;

/**
 * Child-JVM probe for the fallback tests: optionally blocks io_uring with a seccomp filter, builds the
 * {@code auto} engine, reads 64 random ranges of FILE through it into four 256 KiB buffers and compares
 * each with a FileChannel read. Prints {@code engine=}, {@code fallbackReason=}, one {@code NOTICE:} line
 * per notice and {@code verified=N}; exits 0 only when every read matched.
 *
 * <p>Usage: {@code FallbackProbeMain none|EPERM|ENOSYS FILE}. Runs on its main thread only.
 */
public final class FallbackProbeMain {
    private FallbackProbeMain() {}

    public static void main(String[] args) throws Throwable {
        if (!"none".equals(args[0])) {
            Seccomp.blockIoUring(Errno.valueOf(args[0]));
        }
        Path file = Path.of(args[1]);
        EngineConfig config = EngineConfig.builder()
                .queueDepth(8)
                .notices(m -> System.out.println("NOTICE: " + m))
                .build();
        int[] verified = {0};
        int[] failed = {0};
        try (Arena arena = Arena.ofShared();
                FileChannel ref = FileChannel.open(file, StandardOpenOption.READ);
                ReadEngine engine = ReadEngines.create(EngineKind.AUTO, config)) {
            BufferSet bufs = BufferSet.allocate(arena, 4, 256 * 1024, 4096);
            engine.registerBuffers(bufs);
            FileHandle h = engine.open(file, OpenOptions.BUFFERED);
            Random rnd = new Random(99);
            long[][] asked = new long[4][];
            CompletionHandler check = new CompletionHandler() {
                @Override
                public void onComplete(long userData, MemorySegment data) {
                    long[] a = asked[(int) userData];
                    ByteBuffer expected = ByteBuffer.allocate((int) a[1]);
                    try {
                        while (expected.hasRemaining() && ref.read(expected, a[0] + expected.position()) > 0) {
                            // read until full
                        }
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    if (Arrays.equals(expected.array(), data.toArray(ValueLayout.JAVA_BYTE))) {
                        verified[0]++;
                    } else {
                        failed[0]++;
                        System.out.println("MISMATCH offset=" + a[0] + " length=" + a[1]);
                    }
                }

                @Override
                public void onError(long userData, IoEngineException error) {
                    failed[0]++;
                    System.out.println("ERROR " + error.getMessage());
                }
            };
            for (int round = 0; round < 16; round++) {
                for (int i = 0; i < 4; i++) {
                    int len = 1 + rnd.nextInt(256 * 1024);
                    long off = rnd.nextLong(h.sizeBytes() - len);
                    asked[i] = new long[] {off, len};
                    engine.queue(h, off, len, bufs.index(i), i);
                }
                engine.submit();
                int got = 0;
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (got < 4 && System.nanoTime() < deadline) {
                    got += engine.reap(1, 4, 1_000_000_000L, check);
                }
            }
            System.out.println("engine=" + engine.name());
            System.out.println("fallbackReason=" + engine.fallbackReason());
            engine.closeFile(h);
            engine.unregisterBuffers(bufs);
        }
        System.out.println("verified=" + verified[0]);
        System.out.flush();
        System.exit(failed[0] == 0 && verified[0] == 64 ? 0 : 3);
    }
}
