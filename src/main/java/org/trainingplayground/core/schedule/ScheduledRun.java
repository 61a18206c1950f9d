package org.trainingplayground.core.schedule;

/**
 * What the scheduler asks of a run: its turn, and word of its place in the queue. Called on the
 * scheduler thread only. The run behind it lives in {@code core.train}; the scheduler knows
 * nothing of how a step is taken.
 */
public interface ScheduledRun {

    /**
     * One step if the run is due.
     *
     * @return 0 if a step was taken, otherwise nanoseconds until the next step is due
     */
    long takeTurn();

    /** A place freed up and this waiting run took it. */
    void admitted();

    /** Runs ahead of this one left the queue: its place moved up. */
    void movedInQueue();

    /** Its turn threw: it stops with {@code sentence}, the detail being in the log. */
    void fail(String sentence);
}
