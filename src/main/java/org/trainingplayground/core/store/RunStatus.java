package org.trainingplayground.core.store;

import java.util.Locale;

/** Where a kept run stands, as the history shows it. */
public enum RunStatus {
    /** Training, or waiting for a place to train. */
    RUNNING,
    /** Paused by its learner (or because none of their pages was seen). */
    PAUSED,
    /** All its epochs done. */
    FINISHED,
    /** Stopped by a diverging loss or an error; its message says which. */
    FAILED,
    /** Thrown away before the end: its learner pressed Reset, or their session ended. */
    STOPPED,
    /** The server stopped (or crashed) while the run was still going. */
    INTERRUPTED;

    /** The word stored in the database and shown on the page. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus ofWord(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** True once the run can take no further step in this process. */
    public boolean ended() {
        return this != RUNNING && this != PAUSED;
    }
}
