package org.trainingplayground.core.store;

import java.time.Instant;

/**
 * A kept run as the list of runs shows it.
 *
 * @param endedAt when it finished, failed, stopped or was interrupted; null while it goes on
 * @param message the sentence of a failed run; null otherwise
 * @param steps training steps taken
 * @param epochsDone epochs completed
 * @param testAccuracy the latest test accuracy, 0 to 1; NaN before the first evaluation
 */
public record RunSummary(
        RunStart start,
        Instant updatedAt,
        Instant endedAt,
        RunStatus status,
        String message,
        long steps,
        int epochsDone,
        double testAccuracy) {

    public String id() {
        return start.id();
    }

    /** The same run, a step further on. */
    RunSummary progressed(Instant now, long newSteps, int newEpochsDone, double accuracy) {
        return new RunSummary(
                start, now, endedAt, status, message, newSteps, newEpochsDone, accuracy);
    }

    /** The same run in a new status; an ended one gets its end time. */
    RunSummary withStatus(Instant now, RunStatus newStatus, String newMessage) {
        return new RunSummary(
                start,
                now,
                newStatus.ended() ? now : null,
                newStatus,
                newMessage,
                steps,
                epochsDone,
                testAccuracy);
    }
}
