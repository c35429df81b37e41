package org.hapring.render.overlay;

/**
 * A 5x7 pixel font for the stats overlay, our own glyph table for printable ASCII (0x20 to 0x7E): no system
 * font is needed and nothing is loaded at run time. Each glyph is seven rows, top first; in a row, bit 4 is
 * the leftmost pixel. Glyphs sit in 6x8 cells (one pixel of spacing right and below). Characters outside the
 * table draw as {@code ?}.
 *
 * <p>Immutable; any thread.
 */
public final class BitmapFont {
    public static final int GLYPH_WIDTH = 5;
    public static final int GLYPH_HEIGHT = 7;
    public static final int CELL_WIDTH = 6;
    public static final int CELL_HEIGHT = 8;
    public static final char FIRST = ' ';
    public static final char LAST = '~';

    /** Rows of each glyph from ' ' to '~', hex, top row first. */
    private static final String[] TABLE = {
        "00 00 00 00 00 00 00", "04 04 04 04 04 00 04", "0A 0A 0A 00 00 00 00", "0A 0A 1F 0A 1F 0A 0A", // space ! " #
        "04 0F 14 0E 05 1E 04", "18 19 02 04 08 13 03", "0C 12 14 08 15 12 0D", "0C 04 08 00 00 00 00", // $ % & '
        "02 04 08 08 08 04 02", "08 04 02 02 02 04 08", "00 04 15 0E 15 04 00", "00 04 04 1F 04 04 00", // ( ) * +
        "00 00 00 00 0C 04 08", "00 00 00 1F 00 00 00", "00 00 00 00 00 0C 0C", "00 01 02 04 08 10 00", // , - . /
        "0E 11 13 15 19 11 0E", "04 0C 04 04 04 04 0E", "0E 11 01 02 04 08 1F", "1F 02 04 02 01 11 0E", // 0 1 2 3
        "02 06 0A 12 1F 02 02", "1F 10 1E 01 01 11 0E", "06 08 10 1E 11 11 0E", "1F 01 02 04 08 08 08", // 4 5 6 7
        "0E 11 11 0E 11 11 0E", "0E 11 11 0F 01 02 0C", "00 0C 0C 00 0C 0C 00", "00 0C 0C 00 0C 04 08", // 8 9 : ;
        "02 04 08 10 08 04 02", "00 00 1F 00 1F 00 00", "08 04 02 01 02 04 08", "0E 11 01 02 04 00 04", // < = > ?
        "0E 11 01 0D 15 15 0E", "0E 11 11 11 1F 11 11", "1E 11 11 1E 11 11 1E", "0E 11 10 10 10 11 0E", // @ A B C
        "1C 12 11 11 11 12 1C", "1F 10 10 1E 10 10 1F", "1F 10 10 1E 10 10 10", "0E 11 10 17 11 11 0F", // D E F G
        "11 11 11 1F 11 11 11", "0E 04 04 04 04 04 0E", "07 02 02 02 02 12 0C", "11 12 14 18 14 12 11", // H I J K
        "10 10 10 10 10 10 1F", "11 1B 15 15 11 11 11", "11 11 19 15 13 11 11", "0E 11 11 11 11 11 0E", // L M N O
        "1E 11 11 1E 10 10 10", "0E 11 11 11 15 12 0D", "1E 11 11 1E 14 12 11", "0F 10 10 0E 01 01 1E", // P Q R S
        "1F 04 04 04 04 04 04", "11 11 11 11 11 11 0E", "11 11 11 11 11 0A 04", "11 11 11 15 15 15 0A", // T U V W
        "11 11 0A 04 0A 11 11", "11 11 11 0A 04 04 04", "1F 01 02 04 08 10 1F", "0E 08 08 08 08 08 0E", // X Y Z [
        "00 10 08 04 02 01 00", "0E 02 02 02 02 02 0E", "04 0A 11 00 00 00 00", "00 00 00 00 00 00 1F", // \ ] ^ _
        "08 04 02 00 00 00 00", "00 00 0E 01 0F 11 0F", "10 10 16 19 11 11 1E", "00 00 0E 10 10 11 0E", // ` a b c
        "01 01 0D 13 11 11 0F", "00 00 0E 11 1F 10 0E", "06 09 08 1C 08 08 08", "00 0F 11 11 0F 01 0E", // d e f g
        "10 10 16 19 11 11 11", "04 00 0C 04 04 04 0E", "02 00 06 02 02 12 0C", "10 10 12 14 18 14 12", // h i j k
        "0C 04 04 04 04 04 0E", "00 00 1A 15 15 11 11", "00 00 16 19 11 11 11", "00 00 0E 11 11 11 0E", // l m n o
        "00 00 1E 11 1E 10 10", "00 00 0D 13 0F 01 01", "00 00 16 19 10 10 10", "00 00 0E 10 0E 01 1E", // p q r s
        "08 08 1C 08 08 09 06", "00 00 11 11 11 13 0D", "00 00 11 11 11 0A 04", "00 00 11 11 15 15 0A", // t u v w
        "00 00 11 0A 04 0A 11", "00 00 11 11 0F 01 0E", "00 00 1F 02 04 08 1F", "02 04 04 08 04 04 02", // x y z {
        "04 04 04 04 04 04 04", "08 04 04 02 04 04 08", "00 00 08 15 02 00 00", // | } ~
    };

    private static final byte[][] ROWS = new byte[LAST - FIRST + 1][GLYPH_HEIGHT];

    static {
        if (TABLE.length != ROWS.length) {
            throw new ExceptionInInitializerError(
                    "glyph table has " + TABLE.length + " entries, expected " + ROWS.length);
        }
        for (int g = 0; g < TABLE.length; g++) {
            String[] hex = TABLE[g].split(" ");
            for (int r = 0; r < GLYPH_HEIGHT; r++) {
                ROWS[g][r] = (byte) Integer.parseInt(hex[r], 16);
            }
        }
    }

    private BitmapFont() {}

    /** Whether pixel ({@code x}, {@code y}) of {@code ch}'s glyph is inked (x 0..4 left to right, y 0..6 top down). */
    public static boolean ink(char ch, int x, int y) {
        if (x < 0 || x >= GLYPH_WIDTH || y < 0 || y >= GLYPH_HEIGHT) {
            return false;
        }
        return (ROWS[glyphIndex(ch)][y] >> (GLYPH_WIDTH - 1 - x) & 1) != 0;
    }

    /** The table index of {@code ch}'s glyph ({@code ?} for characters outside the table). */
    public static int glyphIndex(char ch) {
        return ch >= FIRST && ch <= LAST ? ch - FIRST : '?' - FIRST;
    }

    /** Glyphs in the table. */
    public static int glyphCount() {
        return ROWS.length;
    }
}
