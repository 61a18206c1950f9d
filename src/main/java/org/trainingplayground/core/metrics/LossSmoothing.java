package org.trainingplayground.core.metrics;

/**
 * The smoothed training loss every chart draws: an exponential moving average of the batch
 * losses, bias-corrected so that its first points are not dragged towards zero. Not
 * thread-safe.
 */
public final class LossSmoothing {

    /** Weight of the newest loss in the average. */
    public static final double FACTOR = 0.05;

    private double average;
    private double weight;

    /**
     * Takes the next loss (a non-finite one is skipped) and returns the smoothed value, NaN
     * until a finite loss has come.
     */
    public double next(double loss) {
        if (Double.isFinite(loss)) {
            average = (1 - FACTOR) * average + FACTOR * loss;
            weight = (1 - FACTOR) * weight + FACTOR;
        }
        return weight == 0 ? Double.NaN : average / weight;
    }
}
