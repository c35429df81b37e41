package org.hapring.render.compose;

/**
 * Where a layer's picture lands on the canvas: the picture's rectangle ({@code x0,y0} top-left to
 * {@code x1,y1} bottom-right, canvas pixels, y down; may reach outside the canvas) and the clip rectangle (the
 * layer's box within the canvas). Pure arithmetic: shared by the GL compositor and the CPU reference.
 *
 * <p>Immutable; any thread.
 */
public record Placement(double x0, double y0, double x1, double y1, PixelBox clip) {

    /** Places a {@code pictureWidth x pictureHeight} picture by {@code look} on the canvas. */
    public static Placement of(LayerLook look, int pictureWidth, int pictureHeight, int canvasWidth, int canvasHeight) {
        if (pictureWidth < 1 || pictureHeight < 1 || canvasWidth < 1 || canvasHeight < 1) {
            throw new IllegalArgumentException("picture " + pictureWidth + "x" + pictureHeight + " on canvas "
                    + canvasWidth + "x" + canvasHeight + ": sizes must be >= 1");
        }
        PixelBox box = look.box() == null ? new PixelBox(0, 0, canvasWidth, canvasHeight) : look.box();
        double w;
        double h;
        switch (look.fit()) {
            case FIT -> {
                double s = Math.min((double) box.width() / pictureWidth, (double) box.height() / pictureHeight);
                w = pictureWidth * s;
                h = pictureHeight * s;
            }
            case FILL -> {
                double s = Math.max((double) box.width() / pictureWidth, (double) box.height() / pictureHeight);
                w = pictureWidth * s;
                h = pictureHeight * s;
            }
            case STRETCH -> {
                w = box.width();
                h = box.height();
            }
            case NATIVE -> {
                w = pictureWidth;
                h = pictureHeight;
            }
            default -> throw new IllegalStateException(look.fit().toString());
        }
        w *= look.scale();
        h *= look.scale();
        double cx = box.x() + box.width() / 2.0 + look.offsetXPixels();
        double cy = box.y() + box.height() / 2.0 + look.offsetYPixels();
        double x0 = cx - w / 2;
        double y0 = cy - h / 2;
        if (look.fit() == FitMode.NATIVE && look.scale() == 1.0) {
            // whole pixels: each picture pixel covers exactly one canvas pixel
            x0 = Math.floor(x0 + 0.5);
            y0 = Math.floor(y0 + 0.5);
        }
        return new Placement(x0, y0, x0 + w, y0 + h, box.clipTo(canvasWidth, canvasHeight));
    }

    public double width() {
        return x1 - x0;
    }

    public double height() {
        return y1 - y0;
    }

    /** Nothing of the picture can show (outside its clip, or zero size). */
    public boolean isEmpty() {
        return clip.isEmpty()
                || x1 <= clip.x()
                || y1 <= clip.y()
                || x0 >= clip.x() + clip.width()
                || y0 >= clip.y() + clip.height()
                || width() <= 0
                || height() <= 0;
    }
}
