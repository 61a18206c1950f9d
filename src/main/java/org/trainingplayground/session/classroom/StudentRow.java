package org.trainingplayground.session.classroom;

/**
 * One student as the teacher's roster shows them: their current run, or, while none of their
 * pages is open, the last run the history kept.
 *
 * @param status {@code training}, {@code queued}, {@code paused}, {@code not started},
 *     {@code finished}, {@code diverged} or {@code away}
 * @param message why the run stopped (a diverged run's sentence), or null
 * @param step training steps taken; 0 before the first
 * @param loss the newest step's loss; NaN before the first
 * @param accuracy the newest test accuracy, 0 to 1; NaN before the first evaluation
 * @param lastSeen milliseconds since 1970 when a page of theirs was last open (now while open)
 */
public record StudentRow(
        String nickname,
        String status,
        String message,
        String dataset,
        String network,
        long parameters,
        String optimizer,
        double learningRate,
        int epoch,
        int epochs,
        long step,
        double loss,
        double accuracy,
        long lastSeen) {

    public boolean away() {
        return status.equals("away");
    }
}
