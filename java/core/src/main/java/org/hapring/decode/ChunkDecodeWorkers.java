package org.hapring.decode;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Decompresses a frame's Snappy chunks in parallel on an {@link Executor} the owner supplies,
 * with a fixed set of reusable helper tasks (no allocation per frame).
 *
 * <p>Protocol, per frame: {@link #start} marks up to {@code helpers} tasks QUEUED and executes them;
 * the owner's thread does its own work, then {@link #finish} drains the batch itself too, revokes
 * the tasks that have not started (QUEUED to IDLE), and parks until the running ones are IDLE. A task
 * only works if it moves itself from QUEUED to RUNNING, so a task that starts late (or a second queue
 * entry of the same object) finds nothing to do. The owner never waits for a task that has not
 * started, so a saturated executor, one whose threads include the caller, or one that rejects,
 * cannot stall a frame: the owner then decodes everything on its own thread.
 *
 * <p>The tasks are {@link ForkJoinTask}s as well as {@link Runnable}s: a {@link ForkJoinPool} runs
 * them as they are instead of wrapping each {@code execute} in a new task object. Their
 * {@code exec} reports "not complete", so their fork/join state never changes and they can be
 * executed again without {@code reinitialize}; completion is signalled through the state above.
 *
 * <p>{@link #start} and {@link #finish} are called by the owning decoder's thread only; the tasks
 * run on the executor's threads.
 */
final class ChunkDecodeWorkers {
    private static final int IDLE = 0;
    private static final int QUEUED = 1;
    private static final int RUNNING = 2;

    private final Executor executor;
    private final Task[] tasks;
    private int startedTasks;
    // both written before the QUEUED store that publishes them to the tasks
    private SnappyBatch batch;
    private Thread owner;

    ChunkDecodeWorkers(Executor executor, int helpers) {
        this.executor = Objects.requireNonNull(executor, "executor");
        if (helpers < 1) {
            throw new IllegalArgumentException("helpers=" + helpers + " must be at least 1");
        }
        tasks = new Task[helpers];
        for (int i = 0; i < helpers; i++) {
            tasks[i] = new Task();
        }
    }

    int helpers() {
        return tasks.length;
    }

    /** Hands {@code batch} to helper tasks; the owner must call {@link #finish} afterwards, always. */
    void start(SnappyBatch work) {
        batch = work;
        owner = Thread.currentThread();
        int n = Math.min(tasks.length, work.count() - 1);
        startedTasks = Math.max(0, n);
        for (int i = 0; i < startedTasks; i++) {
            Task t = tasks[i];
            t.state.set(QUEUED);
            try {
                executor.execute(t);
            } catch (RejectedExecutionException e) {
                t.state.compareAndSet(QUEUED, IDLE);
            }
        }
    }

    /** Drains the batch on the owner's thread too, then waits until no helper is still working on it. */
    void finish() {
        batch.drain();
        for (int i = 0; i < startedTasks; i++) {
            tasks[i].state.compareAndSet(QUEUED, IDLE);
        }
        boolean interrupted = false;
        for (int i = 0; i < startedTasks; i++) {
            while (tasks[i].state.get() != IDLE) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        startedTasks = 0;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Task extends ForkJoinTask<Void> implements Runnable {
        final AtomicInteger state = new AtomicInteger(IDLE);

        @Override
        public void run() {
            if (!state.compareAndSet(QUEUED, RUNNING)) {
                return;
            }
            Thread waiting = owner;
            try {
                batch.drain();
            } finally {
                state.set(IDLE);
                LockSupport.unpark(waiting);
            }
        }

        @Override
        protected boolean exec() {
            run();
            return false;
        }

        @Override
        public Void getRawResult() {
            return null;
        }

        @Override
        protected void setRawResult(Void value) {}
    }
}
