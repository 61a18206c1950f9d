package org.trainingplayground.session;

import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.LossKind;

/**
 * What the status line shows, as one consistent snapshot.
 *
 * @param step training steps taken so far
 * @param stepInEpoch steps taken in the current epoch (for the progress bar)
 * @param latestLoss loss of the newest step, NaN before the first
 * @param latestAccuracy newest validation accuracy 0..1, NaN before the first evaluation
 * @param loss which loss the run measures (it sets what "untrained" looks like)
 * @param initialLoss loss of the untrained network, NaN until it is built
 * @param stepsPerSecond recent training speed, 0 when not training
 * @param message a sentence for the user (why the run failed), or null
 * @param queuePosition the run's place in the queue for a free place, 1 for the next to start;
 *     0 when it is not waiting
 * @param activeRuns runs of the whole server training at the moment (every user's)
 * @param historyNote what the learner should know of their run history (it is not being saved
 *     right now, or old runs were removed), or null
 * @param keptRunId the run's id in the history, or null while it is not kept (no step yet)
 */
public record SessionStatus(
        RunState state,
        int epoch,
        int epochs,
        long step,
        int stepInEpoch,
        int stepsPerEpoch,
        float latestLoss,
        float latestAccuracy,
        LossKind loss,
        int classes,
        float initialLoss,
        double stepsPerSecond,
        String message,
        int queuePosition,
        int activeRuns,
        String historyNote,
        String keptRunId) {

    /**
     * Seconds until the run's last epoch ends at its recent speed; NaN when it is not training
     * (paused, waiting, finished) or has no speed yet.
     */
    public double secondsLeft() {
        if (state != RunState.RUNNING || !(stepsPerSecond > 0)) {
            return Double.NaN;
        }
        long stepsLeft = Math.max(0, (long) epochs * stepsPerEpoch - step);
        return stepsLeft / stepsPerSecond;
    }

    /** Fraction of the current epoch done, 0 to 1. */
    public double epochProgress() {
        return stepsPerEpoch == 0 ? 0 : Math.min(1.0, (double) stepInEpoch / stepsPerEpoch);
    }
}
