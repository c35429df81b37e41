package org.hapring.write;

import org.hapring.decode.HapVariant;

/**
 * Builds the 'moov' box of a one-track HAP movie whose samples lie back to back in one mdat, one
 * sample per chunk:
 *
 * <pre>
 *   moov
 *     mvhd                      timescale = the track's, duration = frames x delta
 *     trak
 *       tkhd                    track 1, enabled + in movie, width/height (16.16)
 *       edts/elst               one entry: whole duration, media time 0, rate 1.0
 *       mdia
 *         mdhd                  timescale, duration, language 'und'
 *         hdlr                  mhlr / vide "VideoHandler"
 *         minf
 *           vmhd                graphics mode dither copy
 *           hdlr                dhlr / alis "DataHandler"
 *           dinf/dref           one 'alis' self reference
 *           stbl
 *             stsd              one HAP visual sample entry (fourcc, size, 72 dpi, depth 24 or 32, name)
 *             stts              one run: frames x delta
 *             stsc              one run: 1 sample per chunk
 *             stsz              constant size when every frame has the same size, else a table
 *             stco | co64       chunk offsets, 64-bit when any offset reaches 4 GiB
 * </pre>
 *
 * Times use version 1 boxes when the duration exceeds 32 bits. Creation and modification times are
 * 0, so the same frames give the same file.
 *
 * <p>Stateless; any thread.
 */
final class MoovBuilder {
    /** Bytes each sample adds to a moov with a size table and co64. */
    static final int BYTES_PER_SAMPLE_MAX = 12;

    private MoovBuilder() {}

    /** What to build: the track, its samples, and test switches that force the 64-bit forms. */
    record Track(
            HapVariant variant,
            int widthPixels,
            int heightPixels,
            FrameRate rate,
            int[] sampleSizes,
            int sampleCount,
            long firstSampleOffset,
            boolean forceCo64,
            boolean forceVersion1,
            boolean forceSizeTable) {}

    /** The largest moov a track of {@code maxSamples} samples can need. */
    static int maxBytes(HapVariant variant, int widthPixels, int heightPixels, FrameRate rate, long maxSamples) {
        // one sample in the largest forms (version 1 times, a size table, co64): every table has its entry
        byte[] one = build(new Track(variant, widthPixels, heightPixels, rate, new int[1], 1, 0, true, true, true));
        long total = one.length + Math.max(0, maxSamples - 1) * BYTES_PER_SAMPLE_MAX;
        if (total > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(
                    maxSamples + " frames need a moov of " + total + " bytes: too many frames");
        }
        return (int) total;
    }

    static byte[] build(Track t) {
        long delta = t.rate().sampleDelta();
        long timescale = t.rate().timescale();
        long duration = t.sampleCount() * delta;
        boolean v1 = t.forceVersion1() || duration > 0xFFFF_FFFFL;
        long lastOffset = t.firstSampleOffset();
        for (int i = 0; i < t.sampleCount() - 1; i++) {
            lastOffset += Integer.toUnsignedLong(t.sampleSizes()[i]);
        }
        boolean co64 = t.forceCo64() || lastOffset > 0xFFFF_FFFFL;

        BoxBuffer b = new BoxBuffer();
        int moov = b.start("moov");
        int mvhd = b.startFull("mvhd", v1 ? 1 : 0, 0);
        times(b, v1, timescale, duration);
        b.u32(0x10000);
        b.u16(0x100);
        b.zeros(10);
        b.identityMatrix();
        b.zeros(24);
        b.u32(2);
        b.end(mvhd);

        int trak = b.start("trak");
        int tkhd = b.startFull("tkhd", v1 ? 1 : 0, 0x3);
        if (v1) {
            b.u64(0);
            b.u64(0);
            b.u32(1);
            b.u32(0);
            b.u64(duration);
        } else {
            b.u32(0);
            b.u32(0);
            b.u32(1);
            b.u32(0);
            b.u32(duration);
        }
        b.zeros(8);
        b.u16(0);
        b.u16(0);
        b.u16(0);
        b.u16(0);
        b.identityMatrix();
        b.u32((long) t.widthPixels() << 16);
        b.u32((long) t.heightPixels() << 16);
        b.end(tkhd);

        int edts = b.start("edts");
        int elst = b.startFull("elst", v1 ? 1 : 0, 0);
        b.u32(1);
        if (v1) {
            b.u64(duration);
            b.u64(0);
        } else {
            b.u32(duration);
            b.u32(0);
        }
        b.u32(0x10000);
        b.end(elst);
        b.end(edts);

        int mdia = b.start("mdia");
        int mdhd = b.startFull("mdhd", v1 ? 1 : 0, 0);
        times(b, v1, timescale, duration);
        b.u16(0x55C4);
        b.u16(0);
        b.end(mdhd);
        handler(b, "mhlr", "vide", "VideoHandler");

        int minf = b.start("minf");
        int vmhd = b.startFull("vmhd", 0, 1);
        b.u16(0x40);
        b.u16(0x8000);
        b.u16(0x8000);
        b.u16(0x8000);
        b.end(vmhd);
        handler(b, "dhlr", "alis", "DataHandler");
        int dinf = b.start("dinf");
        int dref = b.startFull("dref", 0, 0);
        b.u32(1);
        int alis = b.startFull("alis", 0, 1);
        b.end(alis);
        b.end(dref);
        b.end(dinf);
        sampleTable(b, t, delta, co64);
        b.end(minf);
        b.end(mdia);
        b.end(trak);
        b.end(moov);
        return b.toByteArray();
    }

    private static void times(BoxBuffer b, boolean v1, long timescale, long duration) {
        if (v1) {
            b.u64(0);
            b.u64(0);
            b.u32(timescale);
            b.u64(duration);
        } else {
            b.u32(0);
            b.u32(0);
            b.u32(timescale);
            b.u32(duration);
        }
    }

    private static void handler(BoxBuffer b, String type, String subtype, String name) {
        int hdlr = b.startFull("hdlr", 0, 0);
        b.fourcc(type);
        b.fourcc(subtype);
        b.u32(0);
        b.u32(0);
        b.u32(0);
        b.pascal(name, 0);
        b.end(hdlr);
    }

    private static void sampleTable(BoxBuffer b, Track t, long delta, boolean co64) {
        int n = t.sampleCount();
        int stbl = b.start("stbl");
        int stsd = b.startFull("stsd", 0, 0);
        b.u32(1);
        int entry = b.start(t.variant().fourcc());
        b.zeros(6);
        b.u16(1); // data reference index
        b.u16(0); // version
        b.u16(0); // revision
        b.u32(0); // vendor
        b.u32(0); // temporal quality
        b.u32(0x200); // spatial quality: normal
        b.u16(t.widthPixels());
        b.u16(t.heightPixels());
        b.u32(0x00480000); // 72 dpi
        b.u32(0x00480000);
        b.u32(0); // data size
        b.u16(1); // frames per sample
        b.pascal(compressorName(t.variant()), 32);
        b.u16(depth(t.variant()));
        b.u16(0xFFFF); // no colour table
        b.end(entry);
        b.end(stsd);

        int stts = b.startFull("stts", 0, 0);
        b.u32(n > 0 ? 1 : 0);
        if (n > 0) {
            b.u32(n);
            b.u32(delta);
        }
        b.end(stts);

        int stsc = b.startFull("stsc", 0, 0);
        b.u32(n > 0 ? 1 : 0);
        if (n > 0) {
            b.u32(1);
            b.u32(1);
            b.u32(1);
        }
        b.end(stsc);

        int stsz = b.startFull("stsz", 0, 0);
        boolean constant = !t.forceSizeTable() && n > 0;
        for (int i = 1; i < n && constant; i++) {
            constant = t.sampleSizes()[i] == t.sampleSizes()[0];
        }
        b.u32(constant ? Integer.toUnsignedLong(t.sampleSizes()[0]) : 0);
        b.u32(n);
        if (!constant) {
            for (int i = 0; i < n; i++) {
                b.u32(Integer.toUnsignedLong(t.sampleSizes()[i]));
            }
        }
        b.end(stsz);

        int stco = b.startFull(co64 ? "co64" : "stco", 0, 0);
        b.u32(n);
        long offset = t.firstSampleOffset();
        for (int i = 0; i < n; i++) {
            if (co64) {
                b.u64(offset);
            } else {
                b.u32(offset);
            }
            offset += Integer.toUnsignedLong(t.sampleSizes()[i]);
        }
        b.end(stco);
        b.end(stbl);
    }

    /** The compressor name in the sample description, as Vidvox's codec names its formats. */
    static String compressorName(HapVariant v) {
        return switch (v) {
            case HAP -> "Hap";
            case HAP_ALPHA -> "Hap Alpha";
            case HAP_Q -> "Hap Q";
            case HAP_Q_ALPHA -> "Hap Q Alpha";
            case HAP_ALPHA_ONLY -> "Hap Alpha-Only";
            case HAP_R -> "Hap R";
            case HAP_HDR -> "Hap HDR";
        };
    }

    /** 32 for variants that carry alpha, else 24. */
    static int depth(HapVariant v) {
        return switch (v) {
            case HAP_ALPHA, HAP_Q_ALPHA, HAP_ALPHA_ONLY, HAP_R -> 32;
            case HAP, HAP_Q, HAP_HDR -> 24;
        };
    }
}
