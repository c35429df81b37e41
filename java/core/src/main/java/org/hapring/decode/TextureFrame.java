package org.hapring.decode;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * The texture planes of one frame (format, size in pixels, texture bytes), written into off-heap
 * memory that the owner allocated once. A decoder fills it; an uploader or the CPU reference decoder
 * reads it. Nothing is allocated per frame.
 *
 * <p>A plane is either written into the frame's own storage ({@link #setPlane}) or points at texture
 * bytes elsewhere ({@link #viewPlane}, zero-copy for stored frames).
 *
 * <p>Not thread-safe: filled by one thread (a decode worker) and handed to readers through a
 * happens-before edge (the pre-buffer slot's release/acquire publication).
 */
public final class TextureFrame {
    public static final int MAX_PLANES = 2;

    private final MemorySegment[] storage = new MemorySegment[MAX_PLANES];
    private final TextureFormat[] formats = new TextureFormat[MAX_PLANES];
    private final long[] planeBytes = new long[MAX_PLANES];
    /** The texture bytes of each plane, sliced once when the plane is declared (so readers never allocate). */
    private final MemorySegment[] planes = new MemorySegment[MAX_PLANES];

    private int planeCount;
    private int widthPixels;
    private int heightPixels;

    private TextureFrame(MemorySegment plane0, MemorySegment plane1) {
        storage[0] = Objects.requireNonNull(plane0);
        storage[1] = Objects.requireNonNull(plane1);
    }

    /** Wraps caller-owned memory; each segment is the capacity of one plane. */
    public static TextureFrame wrap(MemorySegment plane0Storage, MemorySegment plane1Storage) {
        return new TextureFrame(plane0Storage, plane1Storage);
    }

    /** Allocates room for any frame of this variant and size (16-byte aligned, from {@code arena}). */
    public static TextureFrame allocate(Arena arena, HapVariant variant, int widthPixels, int heightPixels) {
        long p0 = 0;
        long p1 = 0;
        for (int i = 0; i < variant.planes().size(); i++) {
            long bytes = variant.planes().get(i).textureBytes(widthPixels, heightPixels);
            if (i == 0) {
                p0 = bytes;
            } else {
                p1 = bytes;
            }
        }
        if (variant == HapVariant.HAP_HDR) {
            p0 = Math.max(p0, TextureFormat.BC6H_SIGNED.textureBytes(widthPixels, heightPixels));
        }
        return allocate(arena, p0, p1);
    }

    /** Allocates planes of the given capacities (bytes) from {@code arena}. */
    public static TextureFrame allocate(Arena arena, long plane0CapacityBytes, long plane1CapacityBytes) {
        return new TextureFrame(
                arena.allocate(Math.max(1, plane0CapacityBytes), 64),
                arena.allocate(Math.max(1, plane1CapacityBytes), 64));
    }

    /** Forgets the previous content; planes are then added with {@link #setPlane}. */
    public void reset(int widthPixels, int heightPixels) {
        this.widthPixels = widthPixels;
        this.heightPixels = heightPixels;
        this.planeCount = 0;
    }

    /** Declares plane {@code index} (0 or 1) as {@code bytes} texture bytes of {@code format}. */
    public void setPlane(int index, TextureFormat format, long bytes) {
        Objects.checkIndex(index, MAX_PLANES);
        if (bytes < 0 || bytes > storage[index].byteSize()) {
            throw new IllegalArgumentException(
                    "plane " + index + " bytes=" + bytes + " exceeds capacityBytes=" + storage[index].byteSize());
        }
        formats[index] = format;
        planeBytes[index] = bytes;
        planes[index] = storage[index].asSlice(0, bytes);
        planeCount = Math.max(planeCount, index + 1);
    }

    /**
     * Declares plane {@code index} as {@code texture}, memory that is not this frame's storage (for example
     * the texture bytes of a stored, uncompressed HAP frame inside the read buffer: no copy). The memory must
     * stay valid for as long as readers use the plane; {@link #storage(int)} is unchanged.
     */
    public void viewPlane(int index, TextureFormat format, MemorySegment texture) {
        Objects.checkIndex(index, MAX_PLANES);
        formats[index] = Objects.requireNonNull(format, "format");
        planeBytes[index] = texture.byteSize();
        planes[index] = texture;
        planeCount = Math.max(planeCount, index + 1);
    }

    public int planeCount() {
        return planeCount;
    }

    public int widthPixels() {
        return widthPixels;
    }

    public int heightPixels() {
        return heightPixels;
    }

    public TextureFormat format(int plane) {
        Objects.checkIndex(plane, planeCount);
        return formats[plane];
    }

    /**
     * The texture bytes of a plane, exactly as long as the texture: a slice of the storage, or the memory
     * given to {@link #viewPlane}. Allocation-free (the slice is made when the plane is declared).
     */
    public MemorySegment plane(int plane) {
        Objects.checkIndex(plane, planeCount);
        return planes[plane];
    }

    public long planeBytes(int plane) {
        Objects.checkIndex(plane, planeCount);
        return planeBytes[plane];
    }

    /** The whole memory of a plane, for writers. */
    public MemorySegment storage(int plane) {
        return storage[plane];
    }

    public long capacityBytes(int plane) {
        return storage[plane].byteSize();
    }
}
