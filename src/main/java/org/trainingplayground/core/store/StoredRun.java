package org.trainingplayground.core.store;

import java.util.List;
import java.util.Map;

/**
 * A kept run as its page shows it: every evaluation, every epoch and every series.
 *
 * @param series by name: {@code loss}, then {@code grad:<tensor>} and {@code ratio:<tensor>}
 *     for each weight and bias tensor, in the network's order
 */
public record StoredRun(
        RunSummary summary,
        List<Evaluation> evaluations,
        List<Epoch> epochs,
        Map<String, List<Series.Point>> series) {

    public static final String LOSS = "loss";
    public static final String GRADIENT_PREFIX = "grad:";
    public static final String RATIO_PREFIX = "ratio:";

    /** An evaluation on the test split; NaN where the value was not finite. */
    public record Evaluation(long step, int epoch, long elapsedMs, double loss, double accuracy) {}

    public record Epoch(
            int epoch,
            long step,
            long elapsedMs,
            double trainLoss,
            double testLoss,
            double testAccuracy) {}
}
