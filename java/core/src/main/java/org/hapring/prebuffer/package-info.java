/**
 * The pre-buffer: every layer's ring of ready frames, filled ahead of the playhead by the I/O thread.
 *
 * <h2>Model</h2>
 * <pre>
 *   tick thread                 I/O thread ({@link org.hapring.prebuffer.Prefetcher})        decode workers
 *   -----------                 -----------------------------------------------        --------------
 *   onTick(t) ----------------> plan every layer from t: frames due next (schedule),
 *                               recycle unwanted READY slots (CAS 0 -> FREE),
 *                               queue missing frames nearest first, ONE submit
 *                               reap (peek): stored frame -> publish in place
 *                                            compressed   -> DecodeQueue ------------> decode, publish
 *   acquire(frame): scan, CAS hold (n -> n+1), re-check frame       (release store of state 0 = READY)
 *   release(): CAS n -> n-1 (any thread: a GPU uploader)
 * </pre>
 * A slot's state word ({@link org.hapring.prebuffer.FrameSlot}) carries the protocol: FREE, READING, DECODING,
 * FAILED, or READY with a hold count. Nothing is allocated per frame: slots, read buffers (registered with the
 * engine, O_DIRECT-aligned) and texture planes come from the layer's arena when it opens, sized by the
 * {@link org.hapring.prebuffer.BufferingPolicy} under a global memory cap, and are freed when it closes.
 *
 * <h2>Seeks</h2>
 * A seek hint ({@link org.hapring.prebuffer.PrefetchLayer#hintSeek}) reads the target and its neighbours at once,
 * before the tick applies the seek; the new schedule's generation makes reads issued for the old one stale: their
 * completions are dropped undecoded unless the new schedule wants the frame. A target already buffered is
 * served from the buffer.
 *
 * <h2>Errors</h2>
 * A failed read (truncated file: UNEXPECTED_EOF) or a frame that does not decode fails its layer only
 * ({@link org.hapring.prebuffer.PrefetchLayer#error()}, a {@link org.hapring.prebuffer.PrebufferException}
 * keeping the typed cause); the layer stops reading and its last good frame stays on screen.
 *
 * <p>{@link org.hapring.prebuffer.OnDemandReader} is the baseline without a pre-buffer (reads on the tick thread).
 */
package org.hapring.prebuffer;
