package org.hapring.io;

/**
 * A snapshot of an engine's counters since it was created.
 *
 * @param enterCalls downcalls that entered the kernel to submit or wait (io_uring_enter for uring; 0 for
 *     engines without a submission syscall)
 * @param submitCalls calls of {@link ReadEngine#submit()} that had something to submit
 * @param readsSubmitted reads handed to the kernel or the pool (resubmissions of short reads included)
 * @param readsCompleted reads delivered as successful completions
 * @param readsFailed reads delivered as errors
 * @param bytesRead bytes delivered to successful completions (the requested lengths)
 * @param shortReadsResubmitted short transfers continued with a new read for the rest
 * @param retries reads or waits retried after EINTR or EAGAIN
 * @param busyRejections {@link ReadEngine#queue} calls answered BUSY
 *
 * <p>Immutable; any thread.
 */
public record EngineStats(
        long enterCalls,
        long submitCalls,
        long readsSubmitted,
        long readsCompleted,
        long readsFailed,
        long bytesRead,
        long shortReadsResubmitted,
        long retries,
        long busyRejections) {

    /** The counters accumulated between {@code earlier} and this snapshot. */
    public EngineStats minus(EngineStats earlier) {
        return new EngineStats(
                enterCalls - earlier.enterCalls,
                submitCalls - earlier.submitCalls,
                readsSubmitted - earlier.readsSubmitted,
                readsCompleted - earlier.readsCompleted,
                readsFailed - earlier.readsFailed,
                bytesRead - earlier.bytesRead,
                shortReadsResubmitted - earlier.shortReadsResubmitted,
                retries - earlier.retries,
                busyRejections - earlier.busyRejections);
    }
}
