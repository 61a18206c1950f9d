package org.trainingplayground.core.metrics;

/**
 * Receives what a run measures. Called on the scheduler thread: implementations must return
 * quickly (store the values, never block or render).
 */
public interface RunListener {

    /** The run is built: the loss of the untrained network and its first evaluation. */
    default void onReady(float initialLoss, EvalMetrics untrained) {}

    default void onStep(StepMetrics step) {}

    /** A step taken apart for the step-through view (single steps, and a few per second). */
    default void onStepDetail(StepDetail detail) {}

    default void onEvaluation(EvalMetrics eval) {}

    /**
     * How many of the test split's last samples this run keeps hidden (a class challenge's
     * check): they are left out of every evaluation and prediction reported, and scored alone
     * through {@link #onHiddenEvaluation}. Asked once, when the run is built; 0 hides none.
     *
     * @param testSize samples in the whole test split
     */
    default int hiddenTestSamples(int testSize) {
        return 0;
    }

    /**
     * The accuracy (0 to 1) on the hidden samples, right after each {@link #onEvaluation};
     * only for a run that hides some.
     */
    default void onHiddenEvaluation(long step, int epoch, float accuracy) {}

    /** Every test sample's prediction, after each evaluation (including the untrained one). */
    default void onPredictions(TestPredictions predictions) {}

    /**
     * What a network on 2-D points predicts over the plane: after the run is built, a few times
     * per second while training, and after each single step. Never called for image sets.
     */
    default void onBoundary(DecisionBoundary boundary) {}

    default void onEpoch(EpochMetrics epoch) {}

    /**
     * The run changed state.
     *
     * @param message a sentence for the user when the run failed, otherwise null
     */
    default void onStateChanged(RunState state, String message) {}
}
