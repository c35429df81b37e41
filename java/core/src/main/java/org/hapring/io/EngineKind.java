package org.hapring.io;

import java.util.Locale;

/**
 * The engines that {@link ReadEngines#create} builds, by their command-line names.
 *
 * <p>Immutable; any thread.
 */
public enum EngineKind {
    /** io_uring with fallbacks: uring, then uring-noreg on memlock trouble, then filechannel. */
    AUTO("auto"),
    /** io_uring, READ_FIXED into registered buffers, registered files. */
    URING("uring"),
    /** io_uring with plain IORING_OP_READ into unregistered buffers. */
    URING_NOREG("uring-noreg"),
    /** A thread pool doing FileChannel positional reads. */
    FILECHANNEL("filechannel"),
    /** The file mapped once; a read is a slice of the mapping. */
    MMAP("mmap"),
    /** Reads on the caller's thread at submit time (the original baseline). */
    SYNC("sync"),
    /** Completes instantly without I/O (tests of the layers above). */
    NULL("null");

    private final String cliName;

    EngineKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Parses a command-line name; the error lists the valid names. */
    public static EngineKind parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (EngineKind k : values()) {
            if (k.cliName.equals(n)) {
                return k;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (EngineKind k : values()) {
            valid.append(valid.isEmpty() ? "" : "|").append(k.cliName);
        }
        throw new IllegalArgumentException("engine=" + name + ": unknown engine, expected one of " + valid);
    }
}
