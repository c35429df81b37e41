package org.hapring.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parsed structure of one frame in reusable parallel arrays, filled by {@link HapFrameParser}
 * and read by {@link HapFrameDecoder}: per plane its format and headers, per chunk where its bytes
 * are, how it is compressed and where its output goes in the plane. Nothing is allocated once the
 * chunk arrays have grown to the largest chunk count seen.
 *
 * <p>Not thread-safe: owned by one decoder (or one {@code parse} call). Decode workers read the
 * chunk arrays only between the owner's hand-off and their completion.
 */
final class FramePlan {
    static final int MAX_PLANES = TextureFrame.MAX_PLANES;
    private static final int INITIAL_CHUNKS = 16;

    long frameBytes;
    int topLevelType;
    int topLevelHeaderBytes;
    long topLevelEndBytes;
    int planeCount;

    final TextureFormat[] format = new TextureFormat[MAX_PLANES];
    final HapCompressor[] compressor = new HapCompressor[MAX_PLANES];
    final int[] sectionType = new int[MAX_PLANES];
    final long[] sectionOffsetBytes = new long[MAX_PLANES];
    final int[] sectionHeaderBytes = new int[MAX_PLANES];
    final int[] instructionsHeaderBytes = new int[MAX_PLANES];
    final int[] compressorTableHeaderBytes = new int[MAX_PLANES];
    final int[] sizeTableHeaderBytes = new int[MAX_PLANES];
    final int[] offsetTableHeaderBytes = new int[MAX_PLANES];
    final int[] firstChunk = new int[MAX_PLANES];
    final int[] chunkCount = new int[MAX_PLANES];
    /** Sum of the plane's chunk outputs: what it decompresses to. */
    final long[] textureBytes = new long[MAX_PLANES];

    int totalChunks;
    /** Per chunk: {@link HapCompressor#code()} of NONE or SNAPPY. */
    byte[] chunkCompressor = new byte[INITIAL_CHUNKS];

    long[] chunkSourceOffsetBytes = new long[INITIAL_CHUNKS];
    long[] chunkStoredBytes = new long[INITIAL_CHUNKS];
    /** Offset of the chunk's output from the start of its plane. */
    long[] chunkOutputOffsetBytes = new long[INITIAL_CHUNKS];

    long[] chunkOutputBytes = new long[INITIAL_CHUNKS];

    void clear(long frameBytes) {
        this.frameBytes = frameBytes;
        topLevelType = -1;
        topLevelHeaderBytes = 0;
        topLevelEndBytes = 0;
        planeCount = 0;
        totalChunks = 0;
    }

    /** Starts the next plane; the caller has checked that fewer than two exist. */
    int beginPlane(TextureFormat f, HapCompressor c, int type, long offsetBytes, int headerBytes) {
        int p = planeCount++;
        format[p] = f;
        compressor[p] = c;
        sectionType[p] = type;
        sectionOffsetBytes[p] = offsetBytes;
        sectionHeaderBytes[p] = headerBytes;
        instructionsHeaderBytes[p] = 0;
        compressorTableHeaderBytes[p] = 0;
        sizeTableHeaderBytes[p] = 0;
        offsetTableHeaderBytes[p] = 0;
        firstChunk[p] = totalChunks;
        chunkCount[p] = 0;
        textureBytes[p] = 0;
        return p;
    }

    /**
     * Makes room for {@code moreChunks} chunks. Callers pass a count already checked against the
     * table bytes present in the frame, so growth is bounded by the input's size.
     */
    void ensureRoomFor(int moreChunks) {
        int needed = totalChunks + moreChunks;
        if (needed > chunkCompressor.length) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * chunkCompressor.length));
            chunkCompressor = Arrays.copyOf(chunkCompressor, capacity);
            chunkSourceOffsetBytes = Arrays.copyOf(chunkSourceOffsetBytes, capacity);
            chunkStoredBytes = Arrays.copyOf(chunkStoredBytes, capacity);
            chunkOutputOffsetBytes = Arrays.copyOf(chunkOutputOffsetBytes, capacity);
            chunkOutputBytes = Arrays.copyOf(chunkOutputBytes, capacity);
        }
    }

    /** Appends a chunk to plane {@code p} (the last plane begun); its output follows the previous chunk's. */
    void addChunk(int p, int compressorCode, long sourceOffsetBytes, long storedBytes, long outputBytes) {
        ensureRoomFor(1);
        int i = totalChunks++;
        chunkCompressor[i] = (byte) compressorCode;
        chunkSourceOffsetBytes[i] = sourceOffsetBytes;
        chunkStoredBytes[i] = storedBytes;
        chunkOutputOffsetBytes[i] = textureBytes[p];
        chunkOutputBytes[i] = outputBytes;
        textureBytes[p] += outputBytes;
        chunkCount[p]++;
    }

    /** Exchanges planes 0 and 1 (their chunks stay where they are in the chunk arrays). */
    void swapPlanes() {
        swap(format);
        swap(compressor);
        swap(sectionType);
        swap(sectionOffsetBytes);
        swap(sectionHeaderBytes);
        swap(instructionsHeaderBytes);
        swap(compressorTableHeaderBytes);
        swap(sizeTableHeaderBytes);
        swap(offsetTableHeaderBytes);
        swap(firstChunk);
        swap(chunkCount);
        swap(textureBytes);
    }

    /** An immutable copy, for {@link HapFrameParser#parse(java.lang.foreign.MemorySegment)}. */
    HapFrameLayout toLayout() {
        List<HapFrameLayout.Plane> planes = new ArrayList<>(planeCount);
        for (int p = 0; p < planeCount; p++) {
            List<HapFrameLayout.Chunk> chunks = new ArrayList<>(chunkCount[p]);
            for (int i = firstChunk[p]; i < firstChunk[p] + chunkCount[p]; i++) {
                chunks.add(new HapFrameLayout.Chunk(
                        HapCompressor.fromCode(chunkCompressor[i]),
                        chunkSourceOffsetBytes[i],
                        chunkStoredBytes[i],
                        chunkOutputBytes[i]));
            }
            planes.add(new HapFrameLayout.Plane(
                    format[p],
                    compressor[p],
                    sectionType[p],
                    sectionOffsetBytes[p],
                    sectionHeaderBytes[p],
                    instructionsHeaderBytes[p],
                    compressorTableHeaderBytes[p],
                    sizeTableHeaderBytes[p],
                    offsetTableHeaderBytes[p],
                    chunks));
        }
        return new HapFrameLayout(frameBytes, topLevelType, topLevelHeaderBytes, frameBytes - topLevelEndBytes, planes);
    }

    private static <T> void swap(T[] a) {
        T t = a[0];
        a[0] = a[1];
        a[1] = t;
    }

    private static void swap(int[] a) {
        int t = a[0];
        a[0] = a[1];
        a[1] = t;
    }

    private static void swap(long[] a) {
        long t = a[0];
        a[0] = a[1];
        a[1] = t;
    }
}
