package org.hapring.mov;

/**
 * Four-character codes: to and from the big-endian int in which box headers carry them.
 *
 * <p>Stateless; any thread.
 */
final class Fourcc {
    static final int MOOV = of("moov");
    static final int MDAT = of("mdat");
    static final int MVHD = of("mvhd");
    static final int TRAK = of("trak");
    static final int TKHD = of("tkhd");
    static final int EDTS = of("edts");
    static final int ELST = of("elst");
    static final int MDIA = of("mdia");
    static final int MDHD = of("mdhd");
    static final int HDLR = of("hdlr");
    static final int MINF = of("minf");
    static final int STBL = of("stbl");
    static final int STSD = of("stsd");
    static final int STTS = of("stts");
    static final int STSC = of("stsc");
    static final int STSZ = of("stsz");
    static final int STZ2 = of("stz2");
    static final int STCO = of("stco");
    static final int CO64 = of("co64");
    static final int CMOV = of("cmov");

    private Fourcc() {}

    static int of(String fourcc) {
        if (fourcc.length() != 4) {
            throw new IllegalArgumentException("a fourcc has 4 characters: \"" + fourcc + "\"");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (fourcc.charAt(i) & 0xFF);
        }
        return v;
    }

    /** The four characters (ISO-8859-1), unescaped: {@code Hap1}, {@code sowt}. */
    static String string(int fourcc) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) ((fourcc >>> (24 - 8 * i)) & 0xFF);
        }
        return new String(c);
    }

    /** For messages and box paths: printable ASCII as is, anything else as {@code \xNN}. */
    static String text(int fourcc) {
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int b = (fourcc >>> (24 - 8 * i)) & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.toString();
    }
}
