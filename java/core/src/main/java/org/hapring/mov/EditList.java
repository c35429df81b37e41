package org.hapring.mov;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A track's edit list ({@code elst}, versions 0 and 1): its entries, and the two numbers the sample table
 * applies to frame times: the media time the first non-empty edit starts at, and how long the empty edits
 * before it last.
 *
 * <p>Stateless; called by the one thread that parses the file.
 */
final class EditList {
    static final int MAX_EDITS = 4096;

    private EditList() {}

    /** The entries of {@code elst}. */
    static List<EditEntry> read(MoovBuffer buf, Box elst) throws MovFormatException {
        int version = buf.version(elst, 8);
        if (version > 1) {
            throw buf.error(elst, elst.payloadStart(), "unsupported 'elst' version " + version);
        }
        int entryBytes = version == 1 ? 20 : 12;
        long count = buf.u32(elst.payloadStart() + 4);
        buf.checkTable(elst, 8, count, entryBytes, "edits");
        if (count > MAX_EDITS) {
            throw buf.error(elst, elst.payloadStart() + 4, "more than " + MAX_EDITS + " edits (" + count + ")");
        }
        List<EditEntry> edits = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            int at = elst.payloadStart() + 8 + i * entryBytes;
            long duration = version == 1 ? buf.s64(at) : buf.u32(at);
            long mediaTime = version == 1 ? buf.s64(at + 8) : buf.s32(at + 4);
            int rate = buf.s32(at + (version == 1 ? 16 : 8));
            if (duration < 0) {
                throw buf.error(
                        elst,
                        at,
                        "edit " + (i + 1) + " has duration " + Long.toUnsignedString(duration) + " (out of range)");
            }
            if (mediaTime < -1) {
                throw buf.error(
                        elst,
                        at + (version == 1 ? 8 : 4),
                        "edit " + (i + 1) + " has media time " + mediaTime
                                + " (only -1, an empty edit, may be negative)");
            }
            edits.add(new EditEntry(duration, mediaTime, rate));
        }
        return edits;
    }

    /** The media time the first non-empty edit starts at (0 without one). */
    static long mediaStartTicks(List<EditEntry> edits) {
        for (EditEntry e : edits) {
            if (!e.emptyEdit()) {
                return e.mediaTimeTicks();
            }
        }
        return 0;
    }

    /** The duration of the empty edits before the first non-empty one, converted to media ticks (rounded). */
    static long emptyEditTicks(MoovBuffer buf, Box elst, List<EditEntry> edits, long timescale, long movieTimescale)
            throws MovFormatException {
        BigInteger movieTicks = BigInteger.ZERO;
        for (EditEntry e : edits) {
            if (!e.emptyEdit()) {
                break;
            }
            movieTicks = movieTicks.add(BigInteger.valueOf(e.segmentDurationMovieTicks()));
        }
        if (movieTicks.signum() == 0) {
            return 0;
        }
        if (movieTimescale == 0) {
            throw buf.error(
                    elst,
                    elst.start(),
                    "the edit list starts with an empty edit but the movie" + " timescale ('mvhd') is 0");
        }
        BigInteger media = new BigDecimal(movieTicks.multiply(BigInteger.valueOf(timescale)))
                .divide(new BigDecimal(movieTimescale), 0, RoundingMode.HALF_UP)
                .toBigInteger();
        if (media.bitLength() > 62) {
            throw buf.error(
                    elst,
                    elst.start(),
                    "the empty edits last " + movieTicks + " movie ticks," + " too long to express in media ticks");
        }
        return media.longValue();
    }
}
