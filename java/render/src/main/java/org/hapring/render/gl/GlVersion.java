package org.hapring.render.gl;

/**
 * The OpenGL core-profile versions the outputs ask for, best first: 4.5 (texture storage, buffer storage,
 * BPTC in core), then 3.3 with the features as extensions (the renderer checks them in {@link GlDriver}).
 *
 * <p>Immutable; any thread.
 */
record GlVersion(int major, int minor) {
    static final GlVersion[] WANTED = {new GlVersion(4, 5), new GlVersion(3, 3)};

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
