package org.hapring.io;

import java.util.function.Consumer;

/**
 * The default sink of the engines' one-line notices: {@code System.Logger} "org.hapring.io" at WARNING.
 *
 * <p>Stateless; any thread.
 */
final class Notices {
    private static final System.Logger LOG = System.getLogger("org.hapring.io");

    private Notices() {}

    static Consumer<String> systemLogger() {
        return message -> LOG.log(System.Logger.Level.WARNING, message);
    }
}
