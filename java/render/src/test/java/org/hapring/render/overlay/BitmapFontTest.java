package org.hapring.render.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded font: every printable ASCII character has its own glyph, with shapes where they belong. */
class BitmapFontTest {
    private static String picture(char c) {
        StringBuilder b = new StringBuilder();
        for (int y = 0; y < BitmapFont.GLYPH_HEIGHT; y++) {
            for (int x = 0; x < BitmapFont.GLYPH_WIDTH; x++) {
                b.append(BitmapFont.ink(c, x, y) ? '#' : '.');
            }
            b.append('\n');
        }
        return b.toString();
    }

    @Test
    void everyPrintableCharacterHasADistinctGlyph() {
        assertEquals(95, BitmapFont.glyphCount());
        Map<String, Character> seen = new HashMap<>();
        for (char c = BitmapFont.FIRST; c <= BitmapFont.LAST; c++) {
            String p = picture(c);
            if (c != ' ') {
                assertTrue(p.contains("#"), "glyph of '" + c + "' is blank");
            }
            Character before = seen.put(p, c);
            assertEquals(null, before, "'" + c + "' looks like '" + before + "'");
        }
        assertFalse(picture(' ').contains("#"));
    }

    @Test
    void knownShapes() {
        assertEquals("""
                #....
                #....
                #....
                #....
                #....
                #....
                #####
                """, picture('L'));
        assertEquals("""
                .###.
                ..#..
                ..#..
                ..#..
                ..#..
                ..#..
                .###.
                """, picture('I'));
        assertEquals("""
                .....
                .....
                .....
                .....
                .....
                .##..
                .##..
                """, picture('.'));
        assertNotEquals(picture('0'), picture('O'));
    }

    @Test
    void charactersOutsideTheTableDrawAsQuestionMarks() {
        assertEquals(picture('?'), picture('\u00e9'));
        assertEquals(picture('?'), picture('\n'));
        assertFalse(BitmapFont.ink('A', 5, 0), "outside the 5x7 glyph");
        assertFalse(BitmapFont.ink('A', 0, -1));
    }
}
