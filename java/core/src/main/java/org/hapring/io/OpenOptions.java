package org.hapring.io;

/**
 * How a file is opened by {@link ReadEngine#open}.
 *
 * @param direct ask for O_DIRECT (bypass the page cache). Engines that cannot do it, and filesystems that
 *     refuse it (tmpfs answers EINVAL), fall back to buffered reads for that file with one notice;
 *     {@link FileHandle#direct()} tells what was granted.
 *
 * <p>Immutable; any thread.
 */
public record OpenOptions(boolean direct) {
    public static final OpenOptions BUFFERED = new OpenOptions(false);
    public static final OpenOptions DIRECT = new OpenOptions(true);
}
