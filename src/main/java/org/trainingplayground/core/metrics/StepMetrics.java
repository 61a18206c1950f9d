package org.trainingplayground.core.metrics;

import org.trainingplayground.core.spec.NetworkSpec;

/**
 * What one training step measured.
 *
 * @param step 1-based number of this step within the run
 * @param epoch 1-based epoch the step belongs to
 * @param stepInEpoch 1-based position of the step within its epoch
 * @param stepsPerEpoch number of steps in a full epoch
 * @param loss mean cross-entropy of the batch before the update
 * @param gradNorms L2 norm of the gradient of each parameter tensor, in the order of {@link
 *     NetworkSpec#parameterNames()}
 * @param updateRatios for each parameter tensor, ‖update‖ / ‖weight before the update‖: around
 *     1e-3 is healthy, much larger means the learning rate is too high; NaN on the steps
 *     where it was not measured (it is measured every 25th step)
 * @param nanos wall time of the step (forward, loss, backward, norms, update)
 */
public record StepMetrics(
        long step,
        int epoch,
        int stepInEpoch,
        int stepsPerEpoch,
        float loss,
        float[] gradNorms,
        float[] updateRatios,
        long nanos) {

    /**
     * A loss beyond this has exploded: cross-entropy starts near ln(10) ≈ 2.3 and MSE near 0.1,
     * so 10,000 means the logits are astronomically wrong (ReLU networks often reach it with a
     * huge learning rate without ever becoming NaN).
     */
    public static final float EXPLODED_LOSS = 10_000f;

    /** True when the loss is NaN, infinite or exploded: the run has diverged. */
    public boolean diverged() {
        return !Float.isFinite(loss) || Math.abs(loss) > EXPLODED_LOSS;
    }
}
