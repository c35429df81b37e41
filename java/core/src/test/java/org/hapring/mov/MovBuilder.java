package org.hapring.mov;

import static org.hapring.mov.Boxes.be;
import static org.hapring.mov.Boxes.box;
import static org.hapring.mov.Boxes.leaf;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Test-only fluent builder of QuickTime files with one HAP video track (and optionally audio and timecode
 * tracks): frame sizes, chunking, time-to-sample runs, edit list, box layout. It places every frame
 * itself, so {@link Built#offsets()} is where the frames really are; each frame's first 4 bytes are
 * {@link #marker(int)} so a test can also check an offset by reading the file.
 *
 * <p>Not thread-safe; each test builds its own.
 */
final class MovBuilder {
    private String[] fourccs = {"Hap1"};
    private int[][] descriptionSizes;
    private int width = 64;
    private int height = 48;
    private int depth = 24;
    private int[] sizes = {16, 24, 20, 32, 28, 18};
    private boolean constantSize;
    private long timescale = 30;
    private long[][] sttsRuns;
    private int[] samplesPerChunk;
    private int[] chunkDescriptions;
    private boolean co64;
    private boolean moovFirst;
    private int mdhdVersion;
    private int elstVersion;
    private List<EditEntry> edits;
    private boolean audioTrack;
    private boolean timecodeTrack;
    private boolean largeBoxes;
    private boolean mdatSizeZero;
    private boolean extraBoxes;
    private long mdatGapBytes;
    private long movieTimescale = 600;
    private UnaryOperator<Boxes.Node> moovEditor = UnaryOperator.identity();

    static int marker(int frame) {
        return 0x7E000000 | frame;
    }

    /** Frame sizes in bytes (each at least 4), one stsz entry per frame. */
    MovBuilder sizes(int... frameBytes) {
        this.sizes = frameBytes.clone();
        return this;
    }

    /** {@code frames} frames of {@code frameBytes} each, written as a constant stsz (no table). */
    MovBuilder constantSize(int frameBytes, int frames) {
        this.sizes = new int[frames];
        Arrays.fill(sizes, frameBytes);
        this.constantSize = true;
        return this;
    }

    MovBuilder picture(int widthPixels, int heightPixels) {
        this.width = widthPixels;
        this.height = heightPixels;
        return this;
    }

    /** The stsd entries (default {@code Hap1}); chunks use entry 1 unless {@link #chunkDescriptions}. */
    MovBuilder descriptions(String... descriptionFourccs) {
        this.fourccs = descriptionFourccs.clone();
        return this;
    }

    /** Per-description picture sizes {w, h} (default: all {@link #picture}). */
    MovBuilder descriptionSizes(int[]... widthHeight) {
        this.descriptionSizes = widthHeight;
        return this;
    }

    MovBuilder timescale(long ticksPerSecond) {
        this.timescale = ticksPerSecond;
        return this;
    }

    MovBuilder movieTimescale(long ticksPerSecond) {
        this.movieTimescale = ticksPerSecond;
        return this;
    }

    /** stts as {count, delta} runs (default: one run, delta 1). */
    MovBuilder stts(long[]... countDeltaRuns) {
        this.sttsRuns = countDeltaRuns;
        return this;
    }

    /** Frames in each chunk, in order (default one frame per chunk); consecutive equal chunks share a stsc run. */
    MovBuilder chunks(int... framesPerChunk) {
        this.samplesPerChunk = framesPerChunk.clone();
        return this;
    }

    /** The 1-based sample description of each chunk. */
    MovBuilder chunkDescriptions(int... descriptionPerChunk) {
        this.chunkDescriptions = descriptionPerChunk.clone();
        return this;
    }

    MovBuilder co64(boolean on) {
        this.co64 = on;
        return this;
    }

    MovBuilder moovFirst(boolean on) {
        this.moovFirst = on;
        return this;
    }

    MovBuilder mdhdVersion(int version) {
        this.mdhdVersion = version;
        return this;
    }

    MovBuilder edits(int version, EditEntry... entries) {
        this.elstVersion = version;
        this.edits = List.of(entries);
        return this;
    }

    MovBuilder audioTrack(boolean on) {
        this.audioTrack = on;
        return this;
    }

    MovBuilder timecodeTrack(boolean on) {
        this.timecodeTrack = on;
        return this;
    }

    /** 64-bit size headers on moov, mdat, trak and stbl. */
    MovBuilder largeBoxes(boolean on) {
        this.largeBoxes = on;
        return this;
    }

    /** mdat last, with size 0 ("to the end of the file"); implies moov first. */
    MovBuilder mdatSizeZero(boolean on) {
        this.mdatSizeZero = on;
        this.moovFirst |= on;
        return this;
    }

    /** free, skip, wide and uuid boxes at the top level and inside moov, trak and stbl. */
    MovBuilder extraBoxes(boolean on) {
        this.extraBoxes = on;
        return this;
    }

    /** Unwritten bytes at the start of mdat before the first frame (a sparse file when large). */
    MovBuilder mdatGapBytes(long bytes) {
        this.mdatGapBytes = bytes;
        return this;
    }

    /** Lets a test change the moov tree before it is written (for broken files). */
    MovBuilder editMoov(UnaryOperator<Boxes.Node> editor) {
        this.moovEditor = editor;
        return this;
    }

    /** The file: its pieces, and where the frames are. */
    record Built(
            long fileSizeBytes,
            byte[] head,
            long moovOffset,
            byte[] moov,
            long[] chunkOffsets,
            List<byte[]> chunkData,
            long[] offsets,
            int[] sizes,
            Boxes.Node moovTree,
            long mdatOffset) {

        /** The whole file in memory (small files only). */
        byte[] bytes() {
            byte[] all = new byte[Math.toIntExact(fileSizeBytes)];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(moov, 0, all, (int) moovOffset, moov.length);
            for (int c = 0; c < chunkOffsets.length; c++) {
                byte[] d = chunkData.get(c);
                System.arraycopy(d, 0, all, (int) chunkOffsets[c], d.length);
            }
            return all;
        }

        /** Writes the file with seeks (sparse where the gap is large). */
        Path writeTo(Path file) throws IOException {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(fileSizeBytes);
                raf.write(head);
                for (int c = 0; c < chunkOffsets.length; c++) {
                    raf.seek(chunkOffsets[c]);
                    raf.write(chunkData.get(c));
                }
                raf.seek(moovOffset);
                raf.write(moov);
            }
            return file;
        }

        /** The absolute file offset of the first box along {@code path} below moov, e.g. {@code trak/mdia/minf/stbl/stco}. */
        long offsetOf(String path) {
            long rel = moovTree.offsetOf(path);
            if (rel < 0) {
                throw new IllegalArgumentException("no box " + path);
            }
            return moovOffset + rel;
        }

        /** Overwrites 4 bytes (big-endian) at {@code fileOffset}, which must lie inside moov. */
        Built patchU32(long fileOffset, long value) {
            ByteBuffer.wrap(moov).putInt(Math.toIntExact(fileOffset - moovOffset), (int) value);
            return this;
        }
    }

    Built build() {
        int frames = sizes.length;
        int[] perChunk = samplesPerChunk != null ? samplesPerChunk : ones(frames);
        int chunks = perChunk.length;
        int[] chunkDesc = chunkDescriptions != null ? chunkDescriptions : filled(chunks, 1);
        boolean mdatLarge = largeBoxes || mdatGapBytes + totalBytes() + 1024 > 0xFFFF_FFFFL;

        byte[] top = topBoxes();
        int mdatHeader = mdatLarge ? 16 : 8;
        // Pass 1 with placeholder chunk offsets gives moov's size, which does not depend on their values.
        long[] chunkOffsets = new long[chunks];
        Boxes.Node moov = moov(perChunk, chunkDesc, chunkOffsets);
        long moovBytes = moov.size();
        long mdatOffset = moovFirst ? top.length + moovBytes : top.length;
        long dataStart = mdatOffset + mdatHeader + mdatGapBytes;
        List<byte[]> chunkData = new ArrayList<>();
        long[] offsets = new long[frames];
        long at = dataStart;
        int frame = 0;
        for (int c = 0; c < chunks; c++) {
            chunkOffsets[c] = at;
            int bytes = 0;
            for (int k = 0; k < perChunk[c]; k++) {
                bytes += sizes[frame + k];
            }
            ByteBuffer data = ByteBuffer.allocate(bytes);
            for (int k = 0; k < perChunk[c]; k++, frame++) {
                offsets[frame] = at + data.position();
                int start = data.position();
                data.putInt(marker(frame));
                while (data.position() < start + sizes[frame]) {
                    data.put((byte) 0xEE);
                }
            }
            chunkData.add(data.array());
            at += bytes + 3; // 3 bytes between chunks: offsets must come from stco, not a running sum
        }
        long mdatEnd = at;
        moov = moov(perChunk, chunkDesc, chunkOffsets);
        Boxes.Node edited = moovEditor.apply(moov);
        byte[] moovData = edited.bytes();
        long moovOffset = moovFirst ? top.length : mdatEnd;
        long fileSize = moovFirst ? mdatEnd : mdatEnd + moovData.length;

        Boxes.Be head = be().bytes(top);
        long mdatSize = mdatSizeZero ? 0 : mdatEnd - mdatOffset;
        Boxes.Be mdatHead = mdatLarge && !mdatSizeZero
                ? be().u32(1).fourcc("mdat").u64(mdatSize)
                : be().u32(mdatSize).fourcc("mdat");
        byte[] headBytes;
        if (moovFirst) {
            Boxes.Be all = be().bytes(top).bytes(moovData).bytes(mdatHead.bytes());
            headBytes = all.bytes();
        } else {
            headBytes = head.bytes(mdatHead.bytes()).bytes();
        }
        return new Built(
                fileSize,
                headBytes,
                moovOffset,
                moovData,
                chunkOffsets,
                chunkData,
                offsets,
                sizes.clone(),
                edited,
                mdatOffset);
    }

    private long totalBytes() {
        long n = 0;
        for (int s : sizes) {
            n += s + 3;
        }
        return n;
    }

    private byte[] topBoxes() {
        Boxes.Be b = be().bytes(leaf(
                        "ftyp", be().fourcc("qt  ").u32(0x200).fourcc("qt  ").bytes())
                .bytes());
        if (extraBoxes) {
            b.bytes(leaf("wide", new byte[0]).bytes());
            b.bytes(leaf("free", new byte[5]).bytes());
            b.bytes(leaf("skip", new byte[3]).bytes());
            b.bytes(leaf("uuid", be().u64(0x1234_5678_9ABC_DEF0L).u64(42).u32(7).bytes())
                    .bytes());
        }
        return b.bytes();
    }

    private Boxes.Node moov(int[] perChunk, int[] chunkDesc, long[] chunkOffsets) {
        List<Boxes.Node> children = new ArrayList<>();
        children.add(mvhd());
        if (extraBoxes) {
            children.add(leaf("free", new byte[11]));
        }
        children.add(videoTrak(perChunk, chunkDesc, chunkOffsets));
        int nextId = 2;
        if (audioTrack) {
            children.add(simpleTrak(nextId++, "soun", soundDescription(), 48000, 8, 2));
        }
        if (timecodeTrack) {
            children.add(simpleTrak(
                    nextId++,
                    "tmcd",
                    leaf("tmcd", be().zeros(6).u16(1).zeros(14).bytes()),
                    timescale,
                    1,
                    4));
        }
        children.add(leaf("udta", be().u32(12).fourcc("\u00A9nam").u32(0).bytes()));
        Boxes.Node moov = box("moov", children);
        return largeBoxes ? moov.large() : moov;
    }

    private Boxes.Node mvhd() {
        long duration = durationTicks() * movieTimescale / Math.max(1, timescale);
        return leaf(
                "mvhd",
                be().fullBox(0, 0)
                        .u32(0)
                        .u32(0)
                        .u32(movieTimescale)
                        .u32(duration)
                        .u32(0x10000)
                        .u16(0x100)
                        .zeros(10)
                        .u32(0x10000)
                        .u32(0)
                        .u32(0)
                        .u32(0)
                        .u32(0x10000)
                        .u32(0)
                        .u32(0)
                        .u32(0)
                        .u32(0x40000000)
                        .zeros(24)
                        .u32(99)
                        .bytes());
    }

    private long durationTicks() {
        if (sttsRuns == null) {
            return sizes.length;
        }
        long d = 0;
        for (long[] r : sttsRuns) {
            d += r[0] * r[1];
        }
        return d;
    }

    private Boxes.Node videoTrak(int[] perChunk, int[] chunkDesc, long[] chunkOffsets) {
        List<Boxes.Node> trak = new ArrayList<>();
        trak.add(tkhd(1, width, height));
        if (edits != null) {
            Boxes.Be e = be().fullBox(elstVersion, 0).u32(edits.size());
            for (EditEntry x : edits) {
                if (elstVersion == 1) {
                    e.u64(x.segmentDurationMovieTicks()).u64(x.mediaTimeTicks()).u32(x.mediaRateFixed16());
                } else {
                    e.u32(x.segmentDurationMovieTicks()).u32(x.mediaTimeTicks()).u32(x.mediaRateFixed16());
                }
            }
            trak.add(box("edts", leaf("elst", e.bytes())));
        }
        if (extraBoxes) {
            trak.add(leaf("tref", be().u32(12).fourcc("tmcd").u32(2).bytes()));
        }
        List<Boxes.Node> stbl = new ArrayList<>();
        Boxes.Be stsd = be().fullBox(0, 0).u32(fourccs.length);
        for (int i = 0; i < fourccs.length; i++) {
            int w = descriptionSizes != null ? descriptionSizes[i][0] : width;
            int h = descriptionSizes != null ? descriptionSizes[i][1] : height;
            stsd.bytes(videoDescription(fourccs[i], w, h).bytes());
        }
        stbl.add(leaf("stsd", stsd.bytes()));
        long[][] runs = sttsRuns != null ? sttsRuns : new long[][] {{sizes.length, 1}};
        Boxes.Be stts = be().fullBox(0, 0).u32(runs.length);
        for (long[] r : runs) {
            stts.u32(r[0]).u32(r[1]);
        }
        stbl.add(leaf("stts", stts.bytes()));
        if (extraBoxes) {
            stbl.add(leaf("skip", new byte[2]));
        }
        stbl.add(leaf("stsc", stsc(perChunk, chunkDesc)));
        Boxes.Be stsz = be().fullBox(0, 0);
        if (constantSize) {
            stsz.u32(sizes[0]).u32(sizes.length);
        } else {
            stsz.u32(0).u32(sizes.length);
            for (int s : sizes) {
                stsz.u32(s);
            }
        }
        stbl.add(leaf("stsz", stsz.bytes()));
        Boxes.Be stco = be().fullBox(0, 0).u32(chunkOffsets.length);
        for (long o : chunkOffsets) {
            if (co64) {
                stco.u64(o);
            } else {
                stco.u32(o);
            }
        }
        stbl.add(leaf(co64 ? "co64" : "stco", stco.bytes()));
        Boxes.Node stblBox = box("stbl", stbl);
        if (largeBoxes) {
            stblBox.large();
        }
        // FFmpeg refuses a dref without entries: one self-reference ('alis' with flag 1).
        Boxes.Node dref = leaf(
                "dref",
                be().fullBox(0, 0).u32(1).u32(12).fourcc("alis").fullBox(0, 1).bytes());
        Boxes.Node minf = box(
                "minf",
                leaf("vmhd", be().fullBox(0, 1).zeros(8).bytes()),
                leaf("hdlr", hdlr("dhlr", "alis")),
                box("dinf", dref),
                stblBox);
        trak.add(box("mdia", mdhd(timescale, durationTicks()), leaf("hdlr", hdlr("mhlr", "vide")), minf));
        Boxes.Node t = box("trak", trak);
        return largeBoxes ? t.large() : t;
    }

    private static byte[] stsc(int[] perChunk, int[] chunkDesc) {
        List<long[]> runs = new ArrayList<>();
        for (int c = 0; c < perChunk.length; c++) {
            if (runs.isEmpty() || runs.getLast()[1] != perChunk[c] || runs.getLast()[2] != chunkDesc[c]) {
                runs.add(new long[] {c + 1, perChunk[c], chunkDesc[c]});
            }
        }
        Boxes.Be b = be().fullBox(0, 0).u32(runs.size());
        for (long[] r : runs) {
            b.u32(r[0]).u32(r[1]).u32(r[2]);
        }
        return b.bytes();
    }

    private Boxes.Node videoDescription(String fourcc, int w, int h) {
        Boxes.Be e = be().zeros(6)
                .u16(1)
                .u16(0)
                .u16(0)
                .fourcc("hapr")
                .u32(0)
                .u32(0x200)
                .u16(w)
                .u16(h)
                .u32(0x480000)
                .u32(0x480000)
                .u32(0)
                .u16(1);
        byte[] name = new byte[32];
        name[0] = 3;
        name[1] = 'H';
        name[2] = 'a';
        name[3] = 'p';
        e.bytes(name).u16(depth).u16(0xFFFF);
        e.bytes(leaf("pasp", be().u32(1).u32(1).bytes()).bytes());
        return leaf(fourcc, e.bytes());
    }

    private static Boxes.Node soundDescription() {
        return leaf(
                "sowt",
                be().zeros(6)
                        .u16(1)
                        .u16(0)
                        .u16(0)
                        .u32(0)
                        .u16(2)
                        .u16(16)
                        .u16(0)
                        .u16(0)
                        .u32(48000L << 16)
                        .bytes());
    }

    private Boxes.Node simpleTrak(
            int id, String handler, Boxes.Node description, long mediaTimescale, long samples, long sampleBytes) {
        Boxes.Node stbl = box(
                "stbl",
                leaf(
                        "stsd",
                        be().fullBox(0, 0).u32(1).bytes(description.bytes()).bytes()),
                leaf("stts", be().fullBox(0, 0).u32(1).u32(samples).u32(1).bytes()),
                leaf(
                        "stsc",
                        be().fullBox(0, 0).u32(1).u32(1).u32(samples).u32(1).bytes()),
                leaf("stsz", be().fullBox(0, 0).u32(sampleBytes).u32(samples).bytes()),
                leaf("stco", be().fullBox(0, 0).u32(1).u32(0).bytes()));
        return box(
                "trak",
                tkhd(id, 0, 0),
                box("mdia", mdhd(mediaTimescale, samples), leaf("hdlr", hdlr("mhlr", handler)), box("minf", stbl)));
    }

    private static Boxes.Node tkhd(int id, int w, int h) {
        return leaf(
                "tkhd",
                be().fullBox(0, 3)
                        .u32(0)
                        .u32(0)
                        .u32(id)
                        .u32(0)
                        .u32(0)
                        .zeros(8)
                        .u16(0)
                        .u16(0)
                        .u16(0)
                        .u16(0)
                        .u32(0x10000)
                        .u32(0)
                        .u32(0)
                        .u32(0)
                        .u32(0x10000)
                        .u32(0)
                        .u32(0)
                        .u32(0)
                        .u32(0x40000000)
                        .u32((long) w << 16)
                        .u32((long) h << 16)
                        .bytes());
    }

    private Boxes.Node mdhd(long ticksPerSecond, long duration) {
        if (mdhdVersion == 1) {
            return leaf(
                    "mdhd",
                    be().fullBox(1, 0)
                            .u64(0)
                            .u64(0)
                            .u32(ticksPerSecond)
                            .u64(duration)
                            .u16(0)
                            .u16(0)
                            .bytes());
        }
        return leaf(
                "mdhd",
                be().fullBox(0, 0)
                        .u32(0)
                        .u32(0)
                        .u32(ticksPerSecond)
                        .u32(duration)
                        .u16(0)
                        .u16(0)
                        .bytes());
    }

    private static byte[] hdlr(String componentType, String handler) {
        return be().fullBox(0, 0)
                .fourcc(componentType)
                .fourcc(handler)
                .zeros(12)
                .u8(4)
                .fourcc("test")
                .bytes();
    }

    private static int[] ones(int n) {
        return filled(n, 1);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }
}
