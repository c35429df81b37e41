package org.hapring.render;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hapring.render.gl.EglOffscreenOutput;
import org.hapring.render.gl.GlUnavailableException;

/**
 * Opens the headless GL output for a test, or skips the test with the reason (no libEGL, no surfaceless
 * platform, no GL 3.3 context: install libegl1 libegl-mesa0 libgl1-mesa-dri, as .ci/run does).
 *
 * <p>Called on the test thread, which then owns the context.
 */
final class GlTestOutput {
    private GlTestOutput() {}

    static EglOffscreenOutput openOrSkip() {
        try {
            return EglOffscreenOutput.open();
        } catch (GlUnavailableException e) {
            assumeTrue(false, "no OpenGL here: " + e.getMessage());
            throw new AssertionError(e);
        }
    }
}
