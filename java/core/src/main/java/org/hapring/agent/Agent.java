package org.hapring.agent;

/**
 * A unit of work run in a loop by one thread (Agrona's model): {@link #doWork()} does whatever is ready and
 * says how much, so that the runner can idle when there was nothing. Tests call {@link #doWork()} themselves
 * to drive an agent step by step.
 *
 * <p>Called by the one thread that runs the agent (an {@link AgentRunner}'s thread, or a test thread).
 */
public interface Agent {
    /** Does the work that is ready; returns a count of it (0 = idle, so the runner may back off). */
    int doWork() throws Exception;

    /** A short name for the thread and for messages. */
    String roleName();

    /** Called once on the agent's thread after the last {@link #doWork()}. */
    default void onClose() {}
}
