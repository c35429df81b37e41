package org.hapring.playback;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import org.hapring.decode.FrameStamp;
import org.hapring.decode.TextureFrame;
import org.hapring.prebuffer.ReadyFrame;

/**
 * Checks every frame shown against the layer id and frame number that {@code hapring gen} stamps into its
 * movies ({@link FrameStamp}, read from the compressed texture: 64 blocks, no decode): a frame whose stamp is
 * missing, corrupt, of another layer, or of another frame than the one shown is counted as wrong. The layer id
 * a layer's movie carries is learnt from its first stamped frame (or given). A frame on screen again at a
 * later tick (a slow speed, a pause, a dropped tick) is checked once. Then passes the frame on to
 * {@code next} (null: none).
 *
 * <p>Called by the tick thread; the counters are read by any thread.
 */
public final class VerifyFrameSink implements FrameSink, FrameVerifier {
    private static final long UNKNOWN = -1;

    private final FrameSink next;
    private final long[] stampLayerIds;
    private final int[] lastFrame;
    private final Object[] lastSlot;
    private final AtomicLongArray wrong;
    private final AtomicLongArray checked;
    private final AtomicLongArray firstWrong;

    /** @param maxLayers the player's layer-id range */
    public VerifyFrameSink(int maxLayers, FrameSink next) {
        this.next = next;
        this.stampLayerIds = new long[maxLayers];
        this.lastFrame = new int[maxLayers];
        this.lastSlot = new Object[maxLayers];
        this.wrong = new AtomicLongArray(maxLayers);
        this.checked = new AtomicLongArray(maxLayers);
        this.firstWrong = new AtomicLongArray(maxLayers);
        Arrays.fill(stampLayerIds, UNKNOWN);
        Arrays.fill(lastFrame, -1);
        for (int i = 0; i < maxLayers; i++) {
            firstWrong.set(i, UNKNOWN);
        }
    }

    /** Says which layer id the movie of {@code layerId} carries (instead of learning it from its first frame). */
    public void expectStampLayer(int layerId, int stampLayerId) {
        stampLayerIds[layerId] = stampLayerId;
    }

    @Override
    public void show(int layerId, long tick, int dueFrame, ReadyFrame frame) {
        if (frame != null && (frame.frameIndex() != lastFrame[layerId] || frame != lastSlot[layerId])) {
            lastFrame[layerId] = frame.frameIndex();
            lastSlot[layerId] = frame;
            check(layerId, frame);
        }
        if (next != null) {
            next.show(layerId, tick, dueFrame, frame);
        }
    }

    private void check(int layerId, ReadyFrame frame) {
        TextureFrame t = frame.texture();
        long stamp = FrameStamp.fits(t.widthPixels(), t.heightPixels())
                ? FrameStamp.read(t.plane(0), t.format(0), t.widthPixels(), t.heightPixels())
                : FrameStamp.NONE;
        boolean ok = stamp != FrameStamp.NONE && FrameStamp.frameNumber(stamp) == frame.frameIndex();
        if (ok) {
            int stampLayer = FrameStamp.layerId(stamp);
            if (stampLayerIds[layerId] == UNKNOWN) {
                stampLayerIds[layerId] = stampLayer;
            }
            ok = stampLayerIds[layerId] == stampLayer;
        }
        checked.setRelease(layerId, checked.getPlain(layerId) + 1);
        if (!ok) {
            wrong.setRelease(layerId, wrong.getPlain(layerId) + 1);
            if (firstWrong.getPlain(layerId) == UNKNOWN) {
                firstWrong.setRelease(layerId, frame.frameIndex());
            }
        }
    }

    @Override
    public void tickDone(long tick) {
        if (next != null) {
            next.tickDone(tick);
        }
    }

    @Override
    public void layerClosed(int layerId) {
        stampLayerIds[layerId] = UNKNOWN;
        lastFrame[layerId] = -1;
        lastSlot[layerId] = null;
        if (next != null) {
            next.layerClosed(layerId);
        }
    }

    @Override
    public long wrongFrames(int layerId) {
        return wrong.get(layerId);
    }

    /** Distinct frames checked on {@code layerId}. */
    public long checkedFrames(int layerId) {
        return checked.get(layerId);
    }

    /** The first frame number found wrong on {@code layerId}, or -1. */
    public long firstWrongFrame(int layerId) {
        return firstWrong.get(layerId);
    }
}
