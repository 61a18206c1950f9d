package org.trainingplayground.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainingplayground.core.train.TestEngine.onScheduler;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

class TrainingRunTest {

    private static final RunSpec LESSON = RunSpec.lesson();

    private static TrainingRun newRun(RunSpec spec) throws Exception {
        return TestEngine.newTrainingRun(spec);
    }

    private static List<StepMetrics> steps(TrainingRun run, int count) throws Exception {
        return onScheduler(() -> {
            List<StepMetrics> result = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                result.add(run.step());
            }
            return result;
        });
    }

    @Test
    void theUntrainedLossIsCloseToLnTen() throws Exception {
        TrainingRun run = newRun(LESSON);
        try {
            float loss = onScheduler(run::initialLoss);
            assertEquals(Math.log(10), loss, 0.1, "an untrained network guesses about 1/10 each");
        } finally {
            onScheduler(() -> {
                run.close();
                return null;
            });
        }
    }

    @Test
    void aFewStepsLowerTheLoss() throws Exception {
        TrainingRun run = newRun(LESSON.withOptimizer(OptimizerSpec.sgd(0.1)));
        try {
            float before = onScheduler(() -> run.evaluate(0).metrics().loss());
            steps(run, 40);
            EvalMetrics after = onScheduler(() -> run.evaluate(1).metrics());
            // PyTorch itself gets from 2.31 to about 2.0 in these 40 steps.
            assertTrue(after.loss() < before - 0.15, "test loss " + before + " -> " + after.loss());
            assertTrue(after.accuracy() > 0.2, "accuracy after 40 steps: " + after.accuracy());
        } finally {
            onScheduler(() -> {
                run.close();
                return null;
            });
        }
    }

    @Test
    void everyGradientNormIsFiniteAndPositive() throws Exception {
        TrainingRun run = newRun(LESSON);
        try {
            for (StepMetrics step : steps(run, 5)) {
                assertEquals(6, step.gradNorms().length, "weight and bias of three layers");
                for (float norm : step.gradNorms()) {
                    assertTrue(Float.isFinite(norm) && norm > 0, "norm " + norm);
                }
            }
        } finally {
            onScheduler(() -> {
                run.close();
                return null;
            });
        }
    }

    @Test
    void theSameSeedGivesTheSameLossesAndAnotherSeedDoesNot() throws Exception {
        float[] first = losses(LESSON.withSeed(7));
        float[] again = losses(LESSON.withSeed(7));
        float[] other = losses(LESSON.withSeed(8));
        assertArrayEquals(first, again);
        assertTrue(first[0] != other[0] || first[9] != other[9]);
    }

    @Test
    void withoutInstrumentationARunTakesTheSameStepsAndMeasuresNothing() throws Exception {
        float[] instrumented = losses(LESSON.withSeed(7));
        TrainingRun run = newRun(LESSON.withSeed(7));
        try {
            run.setInstrumented(false);
            List<StepMetrics> steps = steps(run, 10);
            for (int i = 0; i < steps.size(); i++) {
                assertEquals(instrumented[i], steps.get(i).loss());
                for (float norm : steps.get(i).gradNorms()) {
                    assertTrue(Float.isNaN(norm));
                }
            }
        } finally {
            onScheduler(() -> {
                run.close();
                return null;
            });
        }
    }

    private static float[] losses(RunSpec spec) throws Exception {
        TrainingRun run = newRun(spec);
        try {
            List<StepMetrics> steps = steps(run, 10);
            float[] losses = new float[steps.size()];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = steps.get(i).loss();
            }
            return losses;
        } finally {
            onScheduler(() -> {
                run.close();
                return null;
            });
        }
    }

    @Test
    void anEpochVisitsEveryTrainingSampleOnce() throws Exception {
        RunSpec spec = LESSON.withEpochs(1);
        TrainingRun run = newRun(spec);
        try {
            List<StepMetrics> steps = steps(run, run.stepsPerEpoch());
            assertEquals(938, steps.size(), "60,000 samples in batches of 64");
            assertTrue(onScheduler(run::epochComplete));
            onScheduler(run::finishEpoch);
            assertTrue(onScheduler(run::finished));
        } finally {
            onScheduler(() -> {
                run.close();
                return null;
            });
        }
    }

    @Test
    void closingRunsReturnsNativeMemoryToWhereItWas() throws Exception {
        TrainingEngine engine = TestEngine.get();
        // Warm up once: the first run may create engine-wide arrays.
        cycle(OptimizerSpec.adam(0.001));
        int before = onScheduler(engine::liveArrays);
        for (int i = 0; i < 30; i++) {
            cycle(
                    i % 2 == 0
                            ? OptimizerSpec.adam(0.001)
                            : new OptimizerSpec(
                                    OptimizerKind.SGD, 0.01, 0.9, false, 0.9, 0.999, 0));
        }
        int after = onScheduler(engine::liveArrays);
        assertEquals(before, after, "live native arrays after 30 open/train/close cycles");
    }

    @Test
    void aRunKeepsTheSameNumberOfNativeArraysFromOneStepToTheNext() throws Exception {
        TrainingEngine engine = TestEngine.get();
        for (OptimizerSpec optimizer : List.of(
                OptimizerSpec.sgd(0.05),
                new OptimizerSpec(OptimizerKind.SGD, 0.01, 0.9, false, 0.9, 0.999, 0),
                OptimizerSpec.adam(0.001))) {
            TrainingRun run = newRun(LESSON.withOptimizer(optimizer));
            try {
                // Plain steps, steps that measure the update (every 25th) and steps taken
                // apart for the step view, so every path through a step is counted.
                int afterWarmUp = onScheduler(() -> {
                    takeSteps(run, 5);
                    return engine.liveArrays();
                });
                int later = onScheduler(() -> {
                    takeSteps(run, 40);
                    return engine.liveArrays();
                });
                assertEquals(
                        afterWarmUp,
                        later,
                        "live arrays after 5 and after 45 steps with " + optimizer.kind());
            } finally {
                onScheduler(() -> {
                    run.close();
                    return null;
                });
            }
        }
    }

    private static void takeSteps(TrainingRun run, int count) {
        for (int i = 0; i < count; i++) {
            run.step(i % 7 == 0);
        }
    }

    @Test
    void anOptimizersStateBelongsToItsRunAndIsFreedWithIt() throws Exception {
        TrainingEngine engine = TestEngine.get();
        // DJL detaches optimizer state from every manager; untracked, it was never freed.
        for (OptimizerSpec optimizer : List.of(
                OptimizerSpec.adam(0.001),
                new OptimizerSpec(OptimizerKind.SGD, 0.01, 0.9, false, 0.9, 0.999, 0),
                new OptimizerSpec(OptimizerKind.SGD, 0.01, 0.9, true, 0.9, 0.999, 0))) {
            int before = onScheduler(engine::liveArrays);
            TrainingRun run = newRun(LESSON.withOptimizer(optimizer));
            int built = onScheduler(engine::liveArrays);
            steps(run, 2);
            int trained = onScheduler(engine::liveArrays);
            int tensors = run.spec().network().parameterNames().size();
            int statesPerTensor = optimizer.kind() == OptimizerKind.ADAM ? 2 : 1;
            assertEquals(
                    built + tensors * statesPerTensor,
                    trained,
                    optimizer + ": the state arrays are counted as the run's");
            onScheduler(() -> {
                run.close();
                return null;
            });
            assertEquals(before, onScheduler(engine::liveArrays), optimizer + ": all freed");
        }
    }

    private static void cycle(OptimizerSpec optimizer) throws Exception {
        TrainingRun run = newRun(LESSON.withOptimizer(optimizer));
        steps(run, 3);
        onScheduler(() -> run.evaluate(0).metrics());
        onScheduler(() -> {
            run.close();
            return null;
        });
    }
}
