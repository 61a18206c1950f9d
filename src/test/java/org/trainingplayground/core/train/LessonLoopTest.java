package org.trainingplayground.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainingplayground.core.train.TestEngine.onScheduler;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.Init;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/** The four ideas of the lesson, checked on real steps: loss, backward, gradient descent. */
class LessonLoopTest {

    private static final RunSpec LESSON = RunSpec.lesson();

    private static TrainingRun newRun(RunSpec spec) throws Exception {
        return TestEngine.newTrainingRun(spec);
    }

    private static StepDetail stepWithDetail(TrainingRun run) throws Exception {
        return onScheduler(() -> run.step(true).detail());
    }

    private static void close(TrainingRun run) throws Exception {
        onScheduler(() -> {
            run.close();
            return null;
        });
    }

    @Test
    void crossEntropyOnLogitsAndLogSoftmaxPlusNllGiveEqualLossesAndGradients() throws Exception {
        TrainingRun crossEntropy = newRun(LESSON.withLoss(LossKind.CROSS_ENTROPY));
        TrainingRun nll = newRun(LESSON.withLoss(LossKind.NLL));
        try {
            for (int i = 0; i < 3; i++) {
                StepDetail a = stepWithDetail(crossEntropy);
                StepDetail b = stepWithDetail(nll);
                assertEquals(a.loss(), b.loss(), 1e-6, "loss at step " + (i + 1));
                assertArrayEquals(a.sampleLosses(), b.sampleLosses(), 1e-5f);
                assertArrayEquals(a.gradNorms(), b.gradNorms(), 1e-6f);
                assertEquals(a.watchedGradient(), b.watchedGradient(), 1e-8);
            }
        } finally {
            close(crossEntropy);
            close(nll);
        }
    }

    @Test
    void theBatchLossIsTheMeanOfTheSampleLosses() throws Exception {
        for (LossKind kind : LossKind.values()) {
            TrainingRun run = newRun(LESSON.withLoss(kind));
            try {
                StepDetail detail = stepWithDetail(run);
                double mean = 0;
                for (float loss : detail.sampleLosses()) {
                    mean += loss;
                }
                mean /= detail.sampleLosses().length;
                assertEquals(detail.loss(), mean, 1e-5, kind.label());
                assertEquals(64, detail.sampleLosses().length);
            } finally {
                close(run);
            }
        }
    }

    @Test
    void oneSgdStepMovesEachWeightByLearningRateTimesItsGradient() throws Exception {
        double rate = 0.1;
        TrainingRun run = newRun(LESSON.withOptimizer(OptimizerSpec.sgd(rate)));
        try {
            StepDetail detail = stepWithDetail(run);
            // w ← w − lr · ∂loss/∂w, by hand for the watched weight...
            assertEquals(
                    detail.watchedBefore() - rate * detail.watchedGradient(),
                    detail.watchedAfter(),
                    1e-6);
            assertTrue(detail.watchedGradient() != 0, "the centre pixel's weight has a gradient");
            // ...and for whole tensors: ‖Δw‖ = lr · ‖∂loss/∂w‖.
            for (int p = 0; p < detail.gradNorms().length; p++) {
                assertEquals(
                        rate * detail.gradNorms()[p],
                        detail.updateNorms()[p],
                        1e-4 * detail.updateNorms()[p] + 1e-9,
                        "tensor " + p);
            }
        } finally {
            close(run);
        }
    }

    @Test
    void forgettingZeroGradAddsEachStepsGradientToThePreviousOnes() throws Exception {
        TrainingRun clearing = newRun(LESSON);
        TrainingRun forgetting = newRun(LESSON);
        onScheduler(() -> {
            forgetting.setZeroGrad(false);
            return null;
        });
        try {
            StepDetail first = stepWithDetail(clearing);
            StepDetail firstForgetting = stepWithDetail(forgetting);
            assertEquals(first.watchedGradient(), firstForgetting.watchedGradient(), 1e-9);
            assertFalse(firstForgetting.gradientsAccumulated(), "nothing to carry over yet");
            // The first updates were equal, so at step 2 both see the same weights and data.
            StepDetail second = stepWithDetail(clearing);
            StepDetail secondForgetting = stepWithDetail(forgetting);
            assertTrue(secondForgetting.gradientsAccumulated());
            assertEquals(
                    first.watchedGradient() + second.watchedGradient(),
                    secondForgetting.watchedGradient(),
                    1e-6);
        } finally {
            close(clearing);
            close(forgetting);
        }
    }

    @Test
    void aNewLearningRateAppliesFromTheNextStep() throws Exception {
        TrainingRun run = newRun(LESSON.withOptimizer(OptimizerSpec.sgd(0.1)));
        try {
            stepWithDetail(run);
            onScheduler(() -> {
                run.setLearningRate(0.01);
                return null;
            });
            StepDetail detail = stepWithDetail(run);
            assertEquals(
                    detail.watchedBefore() - 0.01 * detail.watchedGradient(),
                    detail.watchedAfter(),
                    1e-7);
        } finally {
            close(run);
        }
    }

    @Test
    void everyInitialisationAndActivationTrains() throws Exception {
        for (Init init : Init.values()) {
            for (Activation activation : Activation.values()) {
                NetworkSpec network = new NetworkSpec(
                        784,
                        List.of(new LayerSpec(32, activation), new LayerSpec(16, activation)),
                        10,
                        init);
                TrainingRun run =
                        newRun(LESSON.withNetwork(network).withOptimizer(OptimizerSpec.adam(0.01)));
                try {
                    float before = onScheduler(run::initialLoss);
                    for (int i = 0; i < 30; i++) {
                        onScheduler(run::step);
                    }
                    float after = onScheduler(() -> run.evaluate(1).metrics().loss());
                    assertTrue(
                            after < before,
                            init + "/" + activation + ": " + before + " -> " + after);
                } finally {
                    close(run);
                }
            }
        }
    }

    @Test
    void mseOnOneHotTargetsStartsNearItsOwnChanceLevel() throws Exception {
        TrainingRun run = newRun(LESSON.withLoss(LossKind.MSE));
        try {
            // Small logits against a one-hot target: about (1 + 9·0)/10 = 0.1 per class.
            assertEquals(0.1, onScheduler(run::initialLoss), 0.05);
        } finally {
            close(run);
        }
    }
}
