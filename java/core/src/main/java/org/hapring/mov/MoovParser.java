package org.hapring.mov;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a {@code moov} box: the movie header, a {@link Track} summary of every {@code trak}, and the
 * full {@link SampleTable} of the first video track whose first sample description is a HAP fourcc.
 *
 * <p>Only the boxes on the paths it needs are entered ({@code trak/edts/elst},
 * {@code trak/mdia/{mdhd,hdlr,minf/stbl/*}}); everything else (udta, dinf, tapt, ...) is skipped whole.
 * Tracks other than the HAP video track need only {@code tkhd}, {@code mdhd} and {@code hdlr}.
 *
 * <p>Used by the one thread that reads the file; not thread-safe.
 */
final class MoovParser {
    /** More tracks than this make a file unreadable (a guard against absurd files, not a real limit). */
    static final int MAX_TRACKS = 1024;

    /** The boxes of one {@code trak} this reader looks at; null where absent. */
    record TrakBoxes(
            int ordinal,
            Box trak,
            Box tkhd,
            Box elst,
            Box mdia,
            Box mdhd,
            Box hdlr,
            Box minf,
            Box stbl,
            Box stsd,
            Box stts,
            Box stsc,
            Box stsz,
            Box stz2,
            Box stco,
            Box co64) {}

    private final MoovBuffer buf;

    private MoovParser(MoovBuffer buf) {
        this.buf = buf;
    }

    static MovFile parse(MoovBuffer buf, int moovHeaderBytes, long fileSizeBytes, boolean moovBeforeMdat)
            throws MovFormatException {
        return new MoovParser(buf).parse(buf.root(moovHeaderBytes), fileSizeBytes, moovBeforeMdat);
    }

    private MovFile parse(Box moov, long fileSizeBytes, boolean moovBeforeMdat) throws MovFormatException {
        Box mvhd = null;
        List<TrakBoxes> traks = new ArrayList<>();
        MoovBuffer.Cursor c = buf.children(moov);
        while (c.next()) {
            if (c.type() == Fourcc.MVHD && mvhd == null) {
                mvhd = c.box();
            } else if (c.type() == Fourcc.TRAK) {
                int ordinal = traks.size() + 1;
                Box trak = c.box("trak[" + ordinal + "]");
                if (ordinal > MAX_TRACKS) {
                    throw buf.error(trak, trak.start(), "more than " + MAX_TRACKS + " tracks");
                }
                traks.add(trakBoxes(ordinal, trak));
            } else if (c.type() == Fourcc.CMOV) {
                Box cmov = c.box();
                throw buf.error(
                        cmov,
                        cmov.start(),
                        "compressed movie headers ('cmov') are not supported;"
                                + " re-save the movie without header compression");
            }
        }
        if (mvhd == null) {
            throw buf.error(moov, moov.start(), "missing mandatory box 'mvhd'");
        }
        long movieTimescale = movieTimescale(mvhd);
        DisplayMatrix movieMatrix = matrixAt(mvhd, buf.version(mvhd, 4) == 1 ? 48 : 36);
        List<Track> tracks = new ArrayList<>(traks.size());
        TrakBoxes video = null;
        Track videoTrack = null;
        TrakBoxes firstVideo = null;
        for (TrakBoxes t : traks) {
            Track track = track(t);
            tracks.add(track);
            if (track.isVideo()) {
                if (firstVideo == null) {
                    firstVideo = t;
                }
                if (video == null && MovFile.HAP_FOURCCS.contains(track.fourcc())) {
                    video = t;
                    videoTrack = track;
                }
            }
        }
        long moovOffset = buf.fileOffset(0);
        if (video == null) {
            MovFormatException problem = firstVideo == null
                    ? buf.error(moov, moov.start(), "no video track (tracks: " + describe(tracks) + ")")
                    : notHap(firstVideo, tracks.get(firstVideo.ordinal() - 1));
            return new MovFile(
                    buf.file(), fileSizeBytes, moovBeforeMdat, moovOffset, moov.end(), tracks, null, problem);
        }
        SampleTable table =
                new SampleTableBuilder(buf, video, fileSizeBytes).build(videoTrack, movieTimescale, movieMatrix);
        return new MovFile(buf.file(), fileSizeBytes, moovBeforeMdat, moovOffset, moov.end(), tracks, table, null);
    }

    /** Why the first video track cannot be used: a missing sample table, or a format that is not HAP. */
    private MovFormatException notHap(TrakBoxes t, Track track) {
        if (t.minf() == null) {
            return buf.error(t.mdia(), t.mdia().start(), "missing mandatory box 'minf'");
        }
        if (t.stbl() == null) {
            return buf.error(t.minf(), t.minf().start(), "missing mandatory box 'stbl'");
        }
        if (t.stsd() == null) {
            return buf.error(t.stbl(), t.stbl().start(), "missing mandatory box 'stsd'");
        }
        if (track.fourcc().isEmpty()) {
            return buf.error(
                    t.stsd(),
                    t.stsd().start(),
                    "the video track (id " + track.trackId() + ") has no sample description");
        }
        return buf.error(
                t.stsd(),
                t.stsd().start(),
                "the video track (id " + track.trackId() + ") is '" + Fourcc.text(Fourcc.of(track.fourcc()))
                        + "', not HAP (one of " + String.join(" ", MovFile.HAP_FOURCCS) + ")");
    }

    private static String describe(List<Track> tracks) {
        if (tracks.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        for (Track t : tracks) {
            sb.append(sb.isEmpty() ? "" : ", ")
                    .append("id ")
                    .append(t.trackId())
                    .append(' ')
                    .append(Fourcc.text(Fourcc.of(t.handlerType())))
                    .append(" '")
                    .append(t.fourcc().isEmpty() ? "" : Fourcc.text(Fourcc.of(t.fourcc())))
                    .append('\'');
        }
        return sb.toString();
    }

    private TrakBoxes trakBoxes(int ordinal, Box trak) throws MovFormatException {
        Box[] t = find(trak, Fourcc.TKHD, Fourcc.EDTS, Fourcc.MDIA);
        Box elst = t[1] == null ? null : find(t[1], Fourcc.ELST)[0];
        Box[] m = t[2] == null ? new Box[3] : find(t[2], Fourcc.MDHD, Fourcc.HDLR, Fourcc.MINF);
        Box stbl = m[2] == null ? null : find(m[2], Fourcc.STBL)[0];
        Box[] s = stbl == null
                ? new Box[7]
                : find(stbl, Fourcc.STSD, Fourcc.STTS, Fourcc.STSC, Fourcc.STSZ, Fourcc.STZ2, Fourcc.STCO, Fourcc.CO64);
        return new TrakBoxes(
                ordinal, trak, t[0], elst, t[2], m[0], m[1], m[2], stbl, s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
    }

    /** The first child of each wanted type (null where absent), walking every child once. */
    private Box[] find(Box parent, int... types) throws MovFormatException {
        Box[] found = new Box[types.length];
        MoovBuffer.Cursor c = buf.children(parent);
        while (c.next()) {
            for (int i = 0; i < types.length; i++) {
                if (c.type() == types[i] && found[i] == null) {
                    found[i] = c.box();
                }
            }
        }
        return found;
    }

    private Box require(Box box, Box parent, String name) throws MovFormatException {
        if (box == null) {
            throw buf.error(parent, parent.start(), "missing mandatory box '" + name + "'");
        }
        return box;
    }

    private long movieTimescale(Box mvhd) throws MovFormatException {
        int version = buf.version(mvhd, 4);
        int at = switch (version) {
            case 0 -> 12;
            case 1 -> 20;
            default -> throw buf.error(mvhd, mvhd.payloadStart(), "unsupported 'mvhd' version " + version);
        };
        buf.need(mvhd, at, 4, "the movie timescale");
        return buf.u32(mvhd.payloadStart() + at);
    }

    /** The 3x3 matrix at {@code at} bytes into a box's payload; identity when the box is too short to hold one. */
    private DisplayMatrix matrixAt(Box box, int at) {
        if (box.payloadStart() + at + 36 > box.end()) {
            return DisplayMatrix.IDENTITY;
        }
        int[] m = new int[9];
        for (int i = 0; i < 9; i++) {
            m[i] = buf.s32(box.payloadStart() + at + 4 * i);
        }
        return new DisplayMatrix(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
    }

    private Track track(TrakBoxes t) throws MovFormatException {
        Box tkhd = require(t.tkhd(), t.trak(), "tkhd");
        Box mdia = require(t.mdia(), t.trak(), "mdia");
        Box mdhd = require(t.mdhd(), mdia, "mdhd");
        Box hdlr = require(t.hdlr(), mdia, "hdlr");

        int tkhdVersion = buf.version(tkhd, 4);
        int idAt = tkhdVersion == 1 ? 20 : 12;
        buf.need(tkhd, idAt, 4, "the track id");
        long trackId = buf.u32(tkhd.payloadStart() + idAt);
        if (trackId > Integer.MAX_VALUE) {
            throw buf.error(tkhd, tkhd.payloadStart() + idAt, "track id " + trackId + " is out of range");
        }

        DisplayMatrix matrix = matrixAt(tkhd, tkhdVersion == 1 ? 52 : 40);

        buf.need(hdlr, 8, 4, "the handler type");
        String handler = Fourcc.string(buf.s32(hdlr.payloadStart() + 8));

        int mdhdVersion = buf.version(mdhd, 4);
        long timescale;
        long durationTicks;
        if (mdhdVersion == 0) {
            buf.need(mdhd, 12, 8, "timescale and duration");
            timescale = buf.u32(mdhd.payloadStart() + 12);
            long d = buf.u32(mdhd.payloadStart() + 16);
            durationTicks = d == 0xFFFF_FFFFL ? -1 : d;
        } else if (mdhdVersion == 1) {
            buf.need(mdhd, 20, 12, "timescale and duration");
            timescale = buf.u32(mdhd.payloadStart() + 20);
            durationTicks = buf.s64(mdhd.payloadStart() + 24);
            if (durationTicks < -1) {
                throw buf.error(
                        mdhd,
                        mdhd.payloadStart() + 24,
                        "duration " + Long.toUnsignedString(durationTicks) + " is out of range");
            }
        } else {
            throw buf.error(mdhd, mdhd.payloadStart(), "unsupported 'mdhd' version " + mdhdVersion);
        }

        String fourcc = "";
        if (t.stsd() != null) {
            Box stsd = t.stsd();
            buf.need(stsd, 0, 8, "version, flags and entry count");
            if (buf.u32(stsd.payloadStart() + 4) > 0) {
                MoovBuffer.Cursor entries = buf.children(stsd, stsd.payloadStart() + 8);
                if (!entries.next()) {
                    throw buf.error(
                            stsd,
                            stsd.payloadStart() + 8,
                            "entry count is " + buf.u32(stsd.payloadStart() + 4)
                                    + " but no sample description follows");
                }
                fourcc = Fourcc.string(entries.type());
            }
        }
        long samples = 0;
        Box sizes = t.stsz() != null ? t.stsz() : t.stz2();
        if (sizes != null) {
            buf.need(sizes, 8, 4, "the sample count");
            samples = buf.u32(sizes.payloadStart() + 8);
        }
        return new Track(
                (int) trackId,
                handler,
                fourcc,
                timescale,
                durationTicks,
                (int) Math.min(samples, Integer.MAX_VALUE),
                matrix);
    }
}
