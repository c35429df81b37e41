package org.hapring.agent;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Runs one {@link Agent} on its own daemon thread: {@code doWork()} then {@code idle(work)} until
 * {@link #close()}. An exception escaping {@code doWork()} stops the agent and goes to the error handler
 * (the agent's owner decides what it means for playback).
 *
 * <p>Started and closed by the agent's owner (any thread); the loop runs on the runner's thread.
 */
public final class AgentRunner implements AutoCloseable {
    private final Agent agent;
    private final IdleStrategy idle;
    private final Consumer<Throwable> errorHandler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public AgentRunner(Agent agent, IdleStrategy idle, Consumer<Throwable> errorHandler) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        this.thread = new Thread(this::run, "hapring-" + agent.roleName());
        this.thread.setDaemon(true);
    }

    /** Starts the thread; returns this. */
    public AgentRunner start() {
        thread.start();
        return this;
    }

    public Thread thread() {
        return thread;
    }

    /** Ends an idle park at once (cheap; a no-op when the thread is busy). */
    public void wake() {
        LockSupport.unpark(thread);
    }

    /** What stopped the agent, or {@code null}. */
    public Throwable failure() {
        return failure;
    }

    private void run() {
        try {
            while (running) {
                idle.idle(agent.doWork());
            }
        } catch (Throwable t) {
            failure = t;
            errorHandler.accept(t);
        } finally {
            try {
                agent.onClose();
            } catch (RuntimeException e) {
                errorHandler.accept(e);
            }
        }
    }

    /** Stops the loop and waits (up to 30 s) for the thread, which then runs {@link Agent#onClose()}. */
    @Override
    public void close() {
        running = false;
        wake();
        if (Thread.currentThread() == thread || !thread.isAlive() && thread.getState() == Thread.State.NEW) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException(agent.roleName() + " did not stop within 30 s");
        }
    }
}
