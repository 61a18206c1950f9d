package org.trainingplayground.core;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that touches native training state. DJL allows a single gradient collector per
 * JVM, so every user's steps are interleaved here: round-robin, one step per active run per turn,
 * which gives every running run the same number of steps.
 *
 * <p>Commands (build, pause, close a run) are taken before the next step, so a click is answered
 * after at most one step of someone else's run.
 */
public final class TrainingScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingScheduler.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final ArrayDeque<Runnable> commands = new ArrayDeque<>();
    private final ArrayDeque<RunHandle> turns = new ArrayDeque<>();
    private final AtomicLong stepsTaken = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    private static TrainingScheduler jvmScheduler;

    /**
     * The scheduler of this JVM. There is one, whatever the number of engines (tests start
     * several), because the gradient-collector limit is per JVM.
     */
    public static synchronized TrainingScheduler forThisJvm() {
        if (jvmScheduler == null || jvmScheduler.closed) {
            jvmScheduler = new TrainingScheduler();
        }
        return jvmScheduler;
    }

    private TrainingScheduler() {
        thread = new Thread(this::loop, "training-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code command} on the scheduler thread before the next training step. */
    void execute(Runnable command) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The training scheduler is shut down.");
            }
            commands.add(command);
            workArrived.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Gives {@code run} a turn in every round from now on (scheduler thread only). */
    void activate(RunHandle run) {
        lock.lock();
        try {
            if (!turns.contains(run)) {
                turns.addLast(run);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Takes {@code run} out of the rotation (scheduler thread only). */
    void deactivate(RunHandle run) {
        lock.lock();
        try {
            turns.remove(run);
        } finally {
            lock.unlock();
        }
    }

    /** Number of runs currently taking turns. */
    public int activeRuns() {
        lock.lock();
        try {
            return turns.size();
        } finally {
            lock.unlock();
        }
    }

    /** Training steps taken by all runs since start. */
    public long stepsTaken() {
        return stepsTaken.get();
    }

    private void loop() {
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        // Turns in a row in which no run was due (all slowed down); a full round of them
        // means the thread may sleep until the earliest is due.
        int idleTurns = 0;
        long soonestDue = Long.MAX_VALUE;
        while (true) {
            Runnable command;
            RunHandle next = null;
            lock.lock();
            try {
                if (!turns.isEmpty() && idleTurns >= turns.size() && commands.isEmpty()) {
                    workArrived.awaitNanos(soonestDue);
                    idleTurns = 0;
                    soonestDue = Long.MAX_VALUE;
                }
                while (!closed && commands.isEmpty() && turns.isEmpty()) {
                    workArrived.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                command = commands.poll();
                if (command == null) {
                    next = turns.pollFirst();
                    turns.addLast(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                if (command != null) {
                    command.run();
                    idleTurns = 0;
                } else {
                    long wait = next.takeTurn();
                    if (wait == 0) {
                        stepsTaken.incrementAndGet();
                        idleTurns = 0;
                        soonestDue = Long.MAX_VALUE;
                    } else {
                        idleTurns++;
                        soonestDue = Math.min(soonestDue, wait);
                    }
                }
            } catch (RuntimeException | Error e) {
                // One run's failure must not stop everybody else's training.
                log.error("Training scheduler task failed", e);
                if (next != null) {
                    next.fail("The run stopped because of an internal error: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isSchedulerThread() {
        return Thread.currentThread() == thread;
    }
}
