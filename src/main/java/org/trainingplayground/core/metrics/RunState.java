package org.trainingplayground.core.metrics;

/** Where a run is in its life. */
public enum RunState {
    /** Being built on the scheduler thread. */
    CREATING,
    /** Built, weights initialised, no step taken or paused by the user. */
    PAUSED,
    /** Started while every place was taken; starts by itself when one frees up. */
    QUEUED,
    /** Taking steps whenever the scheduler gives it a turn. */
    RUNNING,
    /** All epochs done. */
    FINISHED,
    /** Stopped by a diverging loss or an error; the message says which. */
    FAILED,
    /** Native memory freed; the run can no longer be used. */
    CLOSED;

    public boolean canStart() {
        return this == PAUSED;
    }
}
