package org.hapring.write;

import org.hapring.write.bc.PixelSource;

/**
 * The still picture behind the {@code pattern} content (which scrolls it one block per frame):
 *
 * <pre>
 *   top 50 %      eight colour bars: white yellow cyan green magenta red blue black
 *   next 12.5 %   grey ramp, black to white, left to right
 *   next 12.5 %   hue ramp (full saturation)
 *   bottom 25 %   32-pixel checkerboard, dark grey / light grey
 *   everywhere    a 2-pixel mid-grey grid every 64 pixels
 *   alpha         a soft disc (opaque inside 70 % of its radius, fading to its edge; radius 45 % of
 *                 the shorter side, centred) over a vertical ramp from 0 (top) to 96 (bottom)
 * </pre>
 *
 * <p>Immutable; any thread.
 */
final class TestCard implements PixelSource {
    private static final int[] BARS = {
        0xFFFFFF, 0xFFFF00, 0x00FFFF, 0x00FF00, 0xFF00FF, 0xFF0000, 0x0000FF, 0x000000,
    };
    private static final int GRID_PIXELS = 64;
    private static final int CHECKER_PIXELS = 32;

    private final int widthPixels;
    private final int heightPixels;
    private final float centreX;
    private final float centreY;
    private final float radius;

    TestCard(int widthPixels, int heightPixels) {
        this.widthPixels = widthPixels;
        this.heightPixels = heightPixels;
        this.centreX = widthPixels / 2f;
        this.centreY = heightPixels / 2f;
        this.radius = 0.45f * Math.min(widthPixels, heightPixels);
    }

    @Override
    public int rgba(int x, int y) {
        return rgb(x, y) << 8 | alpha(x, y);
    }

    private int rgb(int x, int y) {
        if (x % GRID_PIXELS < 2 || y % GRID_PIXELS < 2) {
            return 0x808080;
        }
        float u = (x + 0.5f) / widthPixels;
        float v = (y + 0.5f) / heightPixels;
        if (v < 0.5f) {
            return BARS[Math.min(BARS.length - 1, (int) (u * BARS.length))];
        }
        if (v < 0.625f) {
            int g = Math.round(u * 255);
            return g << 16 | g << 8 | g;
        }
        if (v < 0.75f) {
            return hue(u);
        }
        boolean dark = ((x / CHECKER_PIXELS) + (y / CHECKER_PIXELS)) % 2 == 0;
        return dark ? 0x303030 : 0xC8C8C8;
    }

    private int alpha(int x, int y) {
        float dx = x + 0.5f - centreX;
        float dy = y + 0.5f - centreY;
        float d = (float) Math.sqrt(dx * dx + dy * dy) / radius;
        float disc = d < 0.7f ? 1f : d > 1f ? 0f : (1f - d) / 0.3f;
        float ramp = 96f / 255f * (y + 0.5f) / heightPixels;
        return Math.round(255 * Math.max(disc, ramp));
    }

    /** Fully saturated colour of hue {@code h} in [0, 1). */
    private static int hue(float h) {
        float s = h * 6;
        int sector = Math.min(5, (int) s);
        int rise = Math.round((s - sector) * 255);
        int fall = 255 - rise;
        return switch (sector) {
            case 0 -> 0xFF0000 | rise << 8;
            case 1 -> fall << 16 | 0xFF00;
            case 2 -> 0xFF00 | rise;
            case 3 -> fall << 8 | 0xFF;
            case 4 -> rise << 16 | 0xFF;
            default -> 0xFF0000 | fall;
        };
    }
}
