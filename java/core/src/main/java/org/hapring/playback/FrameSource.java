package org.hapring.playback;

import org.hapring.prebuffer.OnDemandReader;
import org.hapring.prebuffer.PrebufferException;
import org.hapring.prebuffer.PrefetchLayer;
import org.hapring.prebuffer.Prefetcher;
import org.hapring.prebuffer.ReadyFrame;

/**
 * Where a layer's frames come from: the pre-buffer ({@link Prefetched}, the normal path) or reads on demand on
 * the tick thread ({@link OnDemand}, the sync baseline).
 *
 * <p>Called by the tick thread, except {@link #hintSeek} (any thread).
 */
interface FrameSource {
    /** A hold on {@code frame} if it is ready (on demand: after reading it), else null. */
    ReadyFrame acquire(int frame);

    /** Publishes the layer's new schedule. */
    void schedule(LayerSchedule s);

    /** A miss is waiting for {@code frame}: read it now. */
    void urgent();

    /** A seek to {@code frame} is coming at the next tick. */
    void hintSeek(int frame, long currentGeneration);

    PrebufferException error();

    /** Whether {@code frame} looks ready (any thread; approximate, for pre-roll waits). */
    boolean readyNow(int frame);

    /** The pre-buffer's read-ahead layer. */
    record Prefetched(PrefetchLayer layer, Prefetcher prefetcher) implements FrameSource {
        @Override
        public ReadyFrame acquire(int frame) {
            return layer.acquire(frame);
        }

        @Override
        public void schedule(LayerSchedule s) {
            layer.setSchedule(s);
        }

        @Override
        public void urgent() {
            layer.planNow();
            prefetcher.wake();
        }

        @Override
        public void hintSeek(int frame, long currentGeneration) {
            layer.hintSeek(frame, currentGeneration);
            prefetcher.wake();
        }

        @Override
        public PrebufferException error() {
            return layer.error();
        }

        @Override
        public boolean readyNow(int frame) {
            return layer.ring().readyNow(frame);
        }
    }

    /** Reads on the tick thread when asked (no read-ahead). */
    record OnDemand(OnDemandReader reader) implements FrameSource {
        @Override
        public ReadyFrame acquire(int frame) {
            return reader.acquire(frame);
        }

        @Override
        public void schedule(LayerSchedule s) {}

        @Override
        public void urgent() {}

        @Override
        public void hintSeek(int frame, long currentGeneration) {}

        @Override
        public PrebufferException error() {
            return reader.error();
        }

        @Override
        public boolean readyNow(int frame) {
            return true;
        }
    }
}
