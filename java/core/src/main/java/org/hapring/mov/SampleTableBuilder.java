package org.hapring.mov;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link SampleTable} of the HAP video track from its {@code stbl} (stsd, stsz/stz2, stts,
 * stsc, stco/co64) and {@code elst}, with simple loops over the moov bytes. Every count is checked
 * against the bytes its box actually holds before anything is allocated from it; every frame is checked
 * to lie inside the file.
 *
 * <p>Used by the one thread that reads the file; not thread-safe.
 */
final class SampleTableBuilder {
    static final int MAX_SAMPLE_DESCRIPTIONS = 1024;
    /** A QuickTime video sample description up to and including the depth field (at +82) and colour table id. */
    private static final int VIDEO_DESCRIPTION_BYTES = 86;

    private final MoovBuffer buf;
    private final MoovParser.TrakBoxes t;
    private final long fileSizeBytes;

    // Sample descriptions, 0-based.
    private int[] descType;
    private int[] descWidth;
    private int[] descHeight;
    private int[] descDepth;
    private int[] descStart;
    private Box stsd;

    SampleTableBuilder(MoovBuffer buf, MoovParser.TrakBoxes t, long fileSizeBytes) {
        this.buf = buf;
        this.t = t;
        this.fileSizeBytes = fileSizeBytes;
    }

    SampleTable build(Track track, long movieTimescale, DisplayMatrix movieMatrix) throws MovFormatException {
        Box minf = require(t.minf(), t.mdia(), "minf");
        Box stbl = require(t.stbl(), minf, "stbl");
        stsd = require(t.stsd(), stbl, "stsd");
        Box stts = require(t.stts(), stbl, "stts");
        Box stsc = require(t.stsc(), stbl, "stsc");
        Box sizesBox = t.stsz() != null ? t.stsz() : t.stz2();
        requireEither(sizesBox, stbl, "stsz", "stz2");
        Box chunks = t.stco() != null ? t.stco() : t.co64();
        requireEither(chunks, stbl, "stco", "co64");
        if (track.timescale() == 0) {
            Box mdhd = t.mdhd();
            int at = mdhd.payloadStart() + (buf.u8(mdhd.payloadStart()) == 1 ? 20 : 12);
            throw buf.error(mdhd, at, "the media timescale is 0");
        }

        readDescriptions();
        int[] sizes = sizesBox == t.stsz() ? readStsz(sizesBox) : readStz2(sizesBox);
        int frames = sizes.length;
        Timing timing = readStts(stts, frames, track.timescale());
        long[] offsets = new long[frames];
        int[] descIndex = descType.length > 1 ? new int[frames] : null;
        int firstDescription = layOut(stsc, chunks, sizes, offsets, descIndex);
        List<EditEntry> edits = t.elst() == null ? List.of() : EditList.read(buf, t.elst());
        long delay = EditList.emptyEditTicks(buf, t.elst(), edits, track.timescale(), movieTimescale);
        long shift = delay - EditList.mediaStartTicks(edits);
        long[] pts = timing.decodeTicks;
        if (shift != 0) {
            try {
                Math.addExact(pts[frames], shift);
            } catch (ArithmeticException e) {
                throw buf.error(
                        t.elst(),
                        t.elst().start(),
                        "the edit list's start shift " + shift + " overflows the track's times");
            }
            for (int i = 0; i <= frames; i++) {
                pts[i] += shift;
            }
        }
        List<String> fourccs = new ArrayList<>(descType.length);
        for (int type : descType) {
            fourccs.add(Fourcc.string(type));
        }
        int d = firstDescription - 1;
        return new SampleTable(
                buf.file(),
                track.trackId(),
                Fourcc.string(descType[d]),
                descWidth[d],
                descHeight[d],
                descDepth[d],
                track.timescale(),
                movieTimescale,
                offsets,
                sizes,
                pts,
                delay,
                descIndex,
                fourccs,
                edits,
                timing.constant,
                timing.nominal,
                track.displayMatrix(),
                movieMatrix);
    }

    private Box require(Box box, Box parent, String name) throws MovFormatException {
        if (box == null) {
            throw buf.error(parent, parent.start(), "missing mandatory box '" + name + "'");
        }
        return box;
    }

    private void requireEither(Box box, Box parent, String name, String other) throws MovFormatException {
        if (box == null) {
            throw buf.error(parent, parent.start(), "missing mandatory box '" + name + "' (or '" + other + "')");
        }
    }

    private void readDescriptions() throws MovFormatException {
        buf.need(stsd, 0, 8, "version, flags and entry count");
        long count = buf.u32(stsd.payloadStart() + 4);
        buf.checkTable(stsd, 8, count, 8, "sample descriptions");
        if (count == 0) {
            throw buf.error(stsd, stsd.payloadStart() + 4, "the video track has no sample description");
        }
        if (count > MAX_SAMPLE_DESCRIPTIONS) {
            throw buf.error(
                    stsd,
                    stsd.payloadStart() + 4,
                    "more than " + MAX_SAMPLE_DESCRIPTIONS + " sample descriptions (" + count + ")");
        }
        int n = (int) count;
        descType = new int[n];
        descWidth = new int[n];
        descHeight = new int[n];
        descDepth = new int[n];
        descStart = new int[n];
        MoovBuffer.Cursor c = buf.children(stsd, stsd.payloadStart() + 8);
        for (int i = 0; i < n; i++) {
            if (!c.next()) {
                throw buf.error(
                        stsd, stsd.end(), "entry count is " + n + " but only " + i + " sample descriptions fit");
            }
            Box entry = c.box();
            descType[i] = entry.type();
            descStart[i] = entry.start();
            if (entry.end() - entry.start() >= VIDEO_DESCRIPTION_BYTES) {
                descWidth[i] = buf.u16(entry.start() + 32);
                descHeight[i] = buf.u16(entry.start() + 34);
                descDepth[i] = buf.u16(entry.start() + 82);
            } else {
                descWidth[i] = -1;
            }
        }
    }

    private int[] readStsz(Box stsz) throws MovFormatException {
        buf.need(stsz, 0, 12, "version, flags, sample size and count");
        long constantBytes = buf.u32(stsz.payloadStart() + 4);
        int frames = frameCount(stsz, buf.u32(stsz.payloadStart() + 8));
        if (constantBytes != 0) {
            return constantSizes(stsz, constantBytes, frames);
        }
        buf.checkTable(stsz, 12, frames, 4, "sample sizes");
        int[] sizes = new int[frames];
        int at = stsz.payloadStart() + 12;
        for (int i = 0; i < frames; i++, at += 4) {
            int size = buf.s32(at);
            if (size < 0) {
                throw buf.error(
                        stsz, at, "frame " + i + " has size " + (size & 0xFFFF_FFFFL) + " bytes (2 GiB or more)");
            }
            sizes[i] = size;
        }
        return sizes;
    }

    private int[] readStz2(Box stz2) throws MovFormatException {
        buf.need(stz2, 0, 12, "version, flags, field size and count");
        int fieldBits = buf.u8(stz2.payloadStart() + 7);
        if (fieldBits != 4 && fieldBits != 8 && fieldBits != 16) {
            throw buf.error(stz2, stz2.payloadStart() + 7, "field size " + fieldBits + " bits (must be 4, 8 or 16)");
        }
        int frames = frameCount(stz2, buf.u32(stz2.payloadStart() + 8));
        long tableBytes = ((long) frames * fieldBits + 7) / 8;
        buf.need(stz2, 12, tableBytes, frames + " sample sizes of " + fieldBits + " bits");
        int[] sizes = new int[frames];
        int at = stz2.payloadStart() + 12;
        for (int i = 0; i < frames; i++) {
            sizes[i] = switch (fieldBits) {
                case 4 -> (buf.u8(at + i / 2) >>> ((i & 1) == 0 ? 4 : 0)) & 0xF;
                case 8 -> buf.u8(at + i);
                default -> buf.u16(at + 2 * i);
            };
        }
        return sizes;
    }

    private int frameCount(Box box, long count) throws MovFormatException {
        if (count == 0) {
            throw buf.error(
                    box,
                    box.payloadStart() + 8,
                    "the video track has no samples"
                            + " (an empty movie, or a fragmented one: fragmented files are not supported)");
        }
        if (count > MovReader.MAX_FRAMES) {
            throw buf.error(
                    box,
                    box.payloadStart() + 8,
                    "sample count " + count + " is more than the " + MovReader.MAX_FRAMES
                            + " frames this reader accepts");
        }
        return (int) count;
    }

    private int[] constantSizes(Box stsz, long sizeBytes, int frames) throws MovFormatException {
        // Frames never overlap, so all of them must fit in the file: this bounds the count before allocating.
        if (sizeBytes > Integer.MAX_VALUE || sizeBytes * frames > fileSizeBytes) {
            throw buf.error(
                    stsz,
                    stsz.payloadStart() + 4,
                    frames + " frames of " + sizeBytes + " bytes do not fit in the file (" + fileSizeBytes + " bytes)");
        }
        int[] sizes = new int[frames];
        Arrays.fill(sizes, (int) sizeBytes);
        return sizes;
    }

    /** Decode times from stts and what they say about the frame rate. */
    private record Timing(long[] decodeTicks, boolean constant, Rational nominal) {}

    private Timing readStts(Box stts, int frames, long timescale) throws MovFormatException {
        buf.need(stts, 0, 8, "version, flags and entry count");
        long runs = buf.u32(stts.payloadStart() + 4);
        buf.checkTable(stts, 8, runs, 8, "(count, delta) runs");
        int first = stts.payloadStart() + 8;
        long total = 0;
        for (int r = 0; r < runs; r++) {
            total += buf.u32(first + 8 * r);
            if (total > frames) {
                throw buf.error(
                        stts,
                        first + 8 * r,
                        "the time-to-sample runs describe more than the " + frames
                                + " samples of the sample size table (" + total + " after run " + (r + 1) + " of "
                                + runs + ")");
            }
        }
        if (total != frames) {
            throw buf.error(
                    stts,
                    stts.payloadStart() + 4,
                    "the time-to-sample runs describe " + total + " samples but the sample size table has " + frames);
        }
        long[] ticks = new long[frames + 1];
        int frame = 0;
        long time = 0;
        long commonDelta = -1;
        boolean constant = true;
        for (int r = 0; r < runs; r++) {
            int count = buf.s32(first + 8 * r);
            long delta = buf.u32(first + 8 * r + 4);
            if (count == 0) {
                continue;
            }
            if (commonDelta < 0) {
                commonDelta = delta;
            } else if (delta != commonDelta) {
                constant = false;
            }
            for (int end = frame + count; frame < end; frame++) {
                ticks[frame] = time;
                time += delta;
            }
        }
        ticks[frames] = time;
        long nominalDelta = constant ? commonDelta : mostCommonDelta(first, (int) runs);
        Rational nominal = nominalDelta <= 0 ? Rational.ZERO : Rational.of(timescale, nominalDelta);
        return new Timing(ticks, constant, nominal);
    }

    /** The non-zero delta shared by the most frames; the earliest in the file on a tie; 0 when none. */
    private long mostCommonDelta(int first, int runs) {
        Map<Long, Long> frames = new HashMap<>();
        for (int r = 0; r < runs; r++) {
            long delta = buf.u32(first + 8 * r + 4);
            if (delta != 0) {
                frames.merge(delta, buf.u32(first + 8 * r), Long::sum);
            }
        }
        long best = 0;
        long bestFrames = 0;
        for (int r = 0; r < runs; r++) {
            long delta = buf.u32(first + 8 * r + 4);
            long n = delta == 0 ? 0 : frames.get(delta);
            if (n > bestFrames) {
                best = delta;
                bestFrames = n;
            }
        }
        return best;
    }

    /**
     * Walks the sample-to-chunk runs over the chunk offsets and fills every frame's offset (and
     * description index). Returns the description index of frame 0.
     */
    private int layOut(Box stsc, Box chunks, int[] sizes, long[] offsets, int[] descIndex) throws MovFormatException {
        boolean wide = chunks.type() == Fourcc.CO64;
        int entryBytes = wide ? 8 : 4;
        buf.need(chunks, 0, 8, "version, flags and entry count");
        long chunkCount = buf.u32(chunks.payloadStart() + 4);
        buf.checkTable(chunks, 8, chunkCount, entryBytes, "chunk offsets");
        int chunkTable = chunks.payloadStart() + 8;

        buf.need(stsc, 0, 8, "version, flags and entry count");
        long runs = buf.u32(stsc.payloadStart() + 4);
        buf.checkTable(stsc, 8, runs, 12, "(first chunk, samples per chunk, description) runs");
        int runTable = stsc.payloadStart() + 8;
        int frames = sizes.length;
        if (runs == 0) {
            throw buf.error(stsc, stsc.payloadStart() + 4, "no sample-to-chunk runs for " + frames + " frames");
        }
        checkRuns(stsc, runTable, (int) runs, chunkCount, chunks);
        boolean[] used = new boolean[descType.length];
        int frame = 0;
        for (int r = 0; r < runs; r++) {
            int at = runTable + 12 * r;
            long firstChunk = buf.u32(at);
            long perChunk = buf.u32(at + 4);
            long description = buf.u32(at + 8);
            long nextFirst = r + 1 < runs ? buf.u32(at + 12) : chunkCount + 1;
            used[(int) description - 1] = true;
            // Chunks firstChunk .. min(nextFirst - 1, chunkCount), 1-based.
            long lastChunk = Math.min(nextFirst - 1, chunkCount);
            for (long chunk = firstChunk; chunk <= lastChunk; chunk++) {
                int entry = chunkTable + (int) (chunk - 1) * entryBytes;
                long offset = wide ? buf.s64(entry) : buf.u32(entry);
                if (offset < 0 || offset > fileSizeBytes) {
                    throw buf.error(
                            chunks,
                            entry,
                            "chunk " + chunk + " starts at offset " + Long.toUnsignedString(offset)
                                    + ", beyond the end of the file (" + fileSizeBytes + " bytes)");
                }
                if (perChunk > frames - frame) {
                    throw buf.error(
                            stsc,
                            at + 4,
                            "chunk " + chunk + " would hold frames " + frame + ".." + (frame + perChunk - 1)
                                    + " but the sample size table has only " + frames + " frames");
                }
                for (int end = frame + (int) perChunk; frame < end; frame++) {
                    offsets[frame] = offset;
                    offset += sizes[frame];
                    if (offset > fileSizeBytes) {
                        throw buf.error(
                                chunks,
                                entry,
                                "frame " + frame + " (" + sizes[frame] + " bytes at offset "
                                        + offsets[frame] + ", in chunk " + chunk + ") runs past the end of the file ("
                                        + fileSizeBytes + " bytes): truncated file?");
                    }
                    if (descIndex != null) {
                        descIndex[frame] = (int) description;
                    }
                }
            }
        }
        if (frame < frames) {
            throw buf.error(
                    stsc,
                    stsc.payloadStart() + 4,
                    "the sample-to-chunk runs and " + chunkCount + " chunks place only " + frame + " of the " + frames
                            + " frames");
        }
        int firstDescription = descIndex == null ? 1 : descIndex[0];
        checkDescriptions(used, firstDescription);
        return firstDescription;
    }

    /** Each run starts after the previous one at a chunk that exists (the first at chunk 1) and names a description. */
    private void checkRuns(Box stsc, int runTable, int runs, long chunkCount, Box chunks) throws MovFormatException {
        long previous = 0;
        for (int r = 0; r < runs; r++) {
            int at = runTable + 12 * r;
            long firstChunk = buf.u32(at);
            long description = buf.u32(at + 8);
            if (r == 0 && firstChunk != 1) {
                throw buf.error(stsc, at, "the first run starts at chunk " + firstChunk + ", not 1");
            }
            if (firstChunk <= previous) {
                throw buf.error(
                        stsc,
                        at,
                        "run " + (r + 1) + " starts at chunk " + firstChunk + ", not after run " + r + "'s chunk "
                                + previous);
            }
            if (firstChunk > chunkCount) {
                throw buf.error(
                        stsc,
                        at,
                        "run " + (r + 1) + " starts at chunk " + firstChunk + " but there are only " + chunkCount
                                + " chunks in '" + chunks.name() + "'");
            }
            if (description < 1 || description > descType.length) {
                throw buf.error(
                        stsc,
                        at + 8,
                        "run " + (r + 1) + " uses sample description " + description + " but 'stsd' has "
                                + descType.length);
            }
            previous = firstChunk;
        }
    }

    /** Every description a frame uses must be HAP, with the size of frame 0's. */
    private void checkDescriptions(boolean[] used, int firstDescription) throws MovFormatException {
        int f = firstDescription - 1;
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                continue;
            }
            String fourcc = Fourcc.string(descType[i]);
            int at = descStart[i];
            if (!MovFile.HAP_FOURCCS.contains(fourcc)) {
                throw buf.error(
                        stsd,
                        at,
                        "sample description " + (i + 1) + " is '" + Fourcc.text(descType[i]) + "', not HAP (one of "
                                + String.join(" ", MovFile.HAP_FOURCCS) + ")");
            }
            if (descWidth[i] < 0) {
                throw buf.error(
                        stsd,
                        at,
                        "sample description " + (i + 1) + " is shorter than the " + VIDEO_DESCRIPTION_BYTES
                                + " bytes of a video sample description");
            }
            if (descWidth[i] != descWidth[f] || descHeight[i] != descHeight[f]) {
                throw buf.error(
                        stsd,
                        at,
                        "sample description " + (i + 1) + " is " + descWidth[i] + "x" + descHeight[i]
                                + " but description " + (f + 1) + " is " + descWidth[f] + "x" + descHeight[f]
                                + ": a size change inside one track is not supported");
            }
        }
    }
}
