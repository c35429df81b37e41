package org.hapring.agent;

/**
 * What an agent's thread does after a {@link Agent#doWork()} that found nothing: spin, yield, park. A
 * {@link java.util.concurrent.locks.LockSupport#unpark} of the thread ends a park early, so producers wake an
 * idle consumer at once.
 *
 * <p>Each instance belongs to one thread (it keeps that thread's backoff state).
 */
public interface IdleStrategy {
    /** Idles after {@code workCount} units of work ({@code > 0} resets the backoff). */
    void idle(int workCount);

    /** Forgets the backoff state. */
    void reset();
}
