package org.trainingplayground.core.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
 * <p>At most {@link #maxActiveRuns()} runs take turns; a run started beyond that waits in a
 * first-come, first-served queue and takes the first place that frees up (a run pausing,
 * finishing, failing or closing). Each step then costs the same wherever it comes from, so a
 * full class slows everyone down alike instead of some runs starving.
 *
 * <p>Commands (build, pause, close a run) are taken before the next step, so a click is answered
 * after at most one step of someone else's run.
 */
public final class TrainingScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrainingScheduler.class);

    /** The name of the thread that takes every step (benchmarks measure its CPU time). */
    public static final String THREAD_NAME = "training-scheduler";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final ArrayDeque<Runnable> commands = new ArrayDeque<>();
    private final ArrayDeque<ScheduledRun> turns = new ArrayDeque<>();
    /** Runs started while every place was taken, first come first served. */
    private final ArrayDeque<ScheduledRun> waiting = new ArrayDeque<>();

    private int maxActiveRuns = Integer.MAX_VALUE;
    private final AtomicLong stepsTaken = new AtomicLong();
    private final Thread thread;
    /** Set-up of the engine's own for the thread (gradient mode), before any step. */
    private final Runnable onThreadStart;

    private volatile boolean closed;

    private static TrainingScheduler jvmScheduler;

    /**
     * The scheduler of this JVM. There is one, whatever the number of engines (tests start
     * several), because the gradient-collector limit is per JVM.
     *
     * @param onThreadStart runs first on a new scheduler's thread; unused if one already runs
     */
    public static synchronized TrainingScheduler forThisJvm(Runnable onThreadStart) {
        if (jvmScheduler == null || jvmScheduler.closed) {
            jvmScheduler = new TrainingScheduler(onThreadStart);
        }
        return jvmScheduler;
    }

    private TrainingScheduler(Runnable onThreadStart) {
        this.onThreadStart = onThreadStart;
        thread = new Thread(this::loop, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code command} on the scheduler thread before the next training step. */
    public void execute(Runnable command) {
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

    /**
     * Most runs taking turns at once; runs started beyond it wait in a queue. Raising it lets
     * waiting runs start at once; lowering it lets running runs go on, and new ones wait until
     * enough have stopped.
     *
     * @throws IllegalArgumentException with a sentence unless {@code runs} is at least 1
     */
    public void setMaxActiveRuns(int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("At least one run must be able to train at"
                    + " once, so the most active runs must be 1 or more, not " + runs + ".");
        }
        lock.lock();
        try {
            maxActiveRuns = runs;
        } finally {
            lock.unlock();
        }
        execute(this::admitWaiting);
    }

    /** Most runs taking turns at once ({@link Integer#MAX_VALUE}: no limit). */
    public int maxActiveRuns() {
        lock.lock();
        try {
            return maxActiveRuns;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives {@code run} a turn in every round from now on if a place is free, otherwise puts it
     * at the end of the queue (scheduler thread only).
     *
     * @return true if it takes turns now, false if it waits
     */
    public boolean activateOrQueue(ScheduledRun run) {
        lock.lock();
        try {
            if (turns.contains(run)) {
                return true;
            }
            if (turns.size() < maxActiveRuns && waiting.isEmpty()) {
                takesNextTurn(run);
                return true;
            }
            if (!waiting.contains(run)) {
                waiting.addLast(run);
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a run that starts at the front of the round (lock held): its first step comes
     * next, so the student who pressed Start sees the chart move at once rather than after a
     * whole round (40 runs: about 100 ms). From then on it takes one turn per round like the
     * others; a run started again after a pause gains at most that one early step.
     */
    private void takesNextTurn(ScheduledRun run) {
        turns.addFirst(run);
    }

    /**
     * Takes {@code run} out of the rotation or out of the queue (scheduler thread only); a place
     * it frees goes to the first waiting run.
     */
    public void deactivate(ScheduledRun run) {
        boolean changed;
        lock.lock();
        try {
            changed = turns.remove(run) | waiting.remove(run);
        } finally {
            lock.unlock();
        }
        if (changed) {
            admitWaiting();
        }
    }

    /**
     * Moves waiting runs into free places, then tells every run still waiting that its place
     * in line may have changed (scheduler thread only).
     */
    private void admitWaiting() {
        List<ScheduledRun> admitted = new ArrayList<>();
        List<ScheduledRun> stillWaiting;
        lock.lock();
        try {
            while (!waiting.isEmpty() && turns.size() < maxActiveRuns) {
                ScheduledRun first = waiting.pollFirst();
                takesNextTurn(first);
                admitted.add(first);
            }
            stillWaiting = List.copyOf(waiting);
        } finally {
            lock.unlock();
        }
        // Outside the lock: listeners may call back into the scheduler.
        admitted.forEach(ScheduledRun::admitted);
        stillWaiting.forEach(ScheduledRun::movedInQueue);
    }

    /** {@code run}'s place in the queue, 1 for the next to start; 0 if it is not waiting. */
    public int queuePosition(ScheduledRun run) {
        lock.lock();
        try {
            int position = 1;
            for (ScheduledRun waitingRun : waiting) {
                if (waitingRun == run) {
                    return position;
                }
                position++;
            }
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** Number of runs waiting for a place. */
    public int queuedRuns() {
        lock.lock();
        try {
            return waiting.size();
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
        BackgroundPriority.lowerCurrentThread();
        onThreadStart.run();
        // Turns in a row in which no run was due (all slowed down); a full round of them
        // means the thread may sleep until the earliest is due.
        int idleTurns = 0;
        long soonestDue = Long.MAX_VALUE;
        while (true) {
            Runnable command;
            ScheduledRun next = null;
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
                    // The detail is in the log line above; a page shows a sentence only.
                    next.fail("The run stopped because of an internal error; press Reset to"
                            + " start again.");
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

    /** True while the scheduler thread is there to take steps (readiness checks ask). */
    public boolean isRunning() {
        return !closed && thread.isAlive();
    }
}
