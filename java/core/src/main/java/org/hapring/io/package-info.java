/**
 * The read-engine SPI and its engines: reads of file byte ranges into off-heap buffers, fio-style.
 *
 * <h2>Model</h2>
 * <pre>
 *   ReadEngine e = ReadEngines.create(EngineKind.AUTO, EngineConfig.builder().queueDepth(64).build());
 *   BufferSet slots = BufferSet.allocate(layerArena, k, BufferSet.requiredBytes(maxFrameBytes, 4096), 4096);
 *   e.registerBuffers(slots);                                  // READ_FIXED indices for io_uring
 *   FileHandle f = e.open(path, OpenOptions.BUFFERED);         // or DIRECT (falls back per file)
 *   // each tick, on the I/O thread:
 *   e.queue(f, sampleOffset, sampleBytes, slots.index(slot), userData);   // QUEUED or BUSY
 *   e.submit();                                                // one io_uring_enter for all layers
 *   e.reap(0, 64, 0, handler);                                 // handler.onComplete(userData, data)
 * </pre>
 * {@code data} is exactly the requested bytes: a slice of the slot buffer (starting inside it under O_DIRECT)
 * or, for {@code mmap}, of the file mapping. {@code userData} is the caller's (e.g. layer, generation, frame).
 *
 * <h2>Threads</h2>
 * An engine and everything it hands out ({@link org.hapring.io.FileHandle}, registered
 * {@link org.hapring.io.BufferSet}s) belong to ONE owner thread, the I/O thread. Completion handlers run on
 * that thread inside {@code reap}; they may queue new reads but must not call {@code reap}.
 *
 * <h2>Errors</h2>
 * Hot-path calls return codes ({@code QUEUED}/{@code BUSY}, counts); a failed read is delivered to
 * {@link org.hapring.io.CompletionHandler#onError} as an {@link org.hapring.io.IoEngineException} naming
 * the operation, errno, file and offset ({@code UNEXPECTED_EOF} for truncated files, {@code IO_ERROR} for
 * EIO); setup failures throw it. Arguments that can never work throw IllegalArgumentException.
 *
 * <h2>Fallbacks</h2>
 * {@code auto}: io_uring with registered buffers and files; buffer registration refused (ENOMEM under
 * RLIMIT_MEMLOCK) - the same ring with plain reads ({@code uring-noreg}); io_uring unusable (no
 * liburing.so.2, EPERM/ENOSYS from seccomp or kernel.io_uring_disabled, kernel without IORING_OP_READ) -
 * the {@code filechannel} pool. Each is said once through {@link org.hapring.io.EngineConfig#notices()}
 * and kept in {@link org.hapring.io.ReadEngine#fallbackReason()}. The binding seam
 * {@link org.hapring.io.uring.UringCalls} and the system property {@code hapring.io.uring.inject} force
 * these failures for tests.
 */
package org.hapring.io;
