package org.hapring.decode.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The documented half-float to 8-bit mapping: clamp to [0, 1], then round(x * 255) with halves up. */
class HalfFloatTest {

    @Test
    void clampsAndRounds() {
        assertEquals(0, HalfFloat.toUnorm8((short) 0x0000));
        assertEquals(0, HalfFloat.toUnorm8((short) 0x8000), "-0");
        assertEquals(0, HalfFloat.toUnorm8((short) 0xBC00), "-1");
        assertEquals(0, HalfFloat.toUnorm8((short) 0x7E00), "NaN");
        assertEquals(255, HalfFloat.toUnorm8((short) 0x3C00), "1.0");
        assertEquals(255, HalfFloat.toUnorm8((short) 0x7BFF), "65504");
        assertEquals(255, HalfFloat.toUnorm8((short) 0x7C00), "+inf");
        assertEquals(128, HalfFloat.toUnorm8((short) 0x3800), "0.5 * 255 = 127.5 rounds up");
        assertEquals(64, HalfFloat.toUnorm8((short) 0x3400), "0.25 * 255 = 63.75");
        assertEquals(0, HalfFloat.toUnorm8((short) 0x0001), "smallest subnormal");
    }

    @Test
    void everyEightBitLevelRoundTrips() {
        for (int v = 0; v <= 255; v++) {
            short h = Float.floatToFloat16(v / 255f);
            assertEquals(v, HalfFloat.toUnorm8(h), "level " + v);
        }
    }
}
