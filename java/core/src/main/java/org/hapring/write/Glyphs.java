package org.hapring.write;

/**
 * A 5x7 bitmap font for the captions drawn into generated pictures: digits 0-9 and the letters
 * L (layer) and F (frame).
 *
 * <p>Immutable; any thread.
 */
final class Glyphs {
    static final int WIDTH = 5;
    static final int HEIGHT = 7;
    private static final String CHARS = "0123456789LF";
    private static final String[] ROWS = {
        ".###. #...# #..## #.#.# ##..# #...# .###.",
        "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
        ".###. #...# ....# ...#. ..#.. .#... #####",
        "##### ...#. ..#.. ...#. ....# #...# .###.",
        "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
        "##### #.... ####. ....# ....# #...# .###.",
        "..##. .#... #.... ####. #...# #...# .###.",
        "##### ....# ...#. ..#.. .#... .#... .#...",
        ".###. #...# #...# .###. #...# #...# .###.",
        ".###. #...# #...# .#### ....# ...#. .##..",
        "#.... #.... #.... #.... #.... #.... #####",
        "##### #.... #.... ####. #.... #.... #....",
    };
    private static final boolean[][] BITS = new boolean[CHARS.length()][WIDTH * HEIGHT];

    static {
        for (int c = 0; c < CHARS.length(); c++) {
            String[] rows = ROWS[c].split(" ");
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    BITS[c][y * WIDTH + x] = rows[y].charAt(x) == '#';
                }
            }
        }
    }

    private Glyphs() {}

    /** Whether cell ({@code x}, {@code y}) of character {@code ch} is inked; false for unknown characters. */
    static boolean ink(char ch, int x, int y) {
        int c = CHARS.indexOf(ch);
        return c >= 0 && BITS[c][y * WIDTH + x];
    }
}
