package org.trainingplayground.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/** Runs on the other datasets: 2-D points with their decision boundary, and the image sets. */
class DatasetRunsTest {

    /** A small net that learns XOR in a few hundred steps. */
    private static RunSpec xor() {
        DatasetSpec data = new DatasetSpec(DatasetKind.XOR, 400, 0.0, 0.2, 2);
        NetworkSpec network = NetworkSpec.of(2, List.of(16, 16), Activation.TANH, 2);
        return new RunSpec(
                network, LossKind.CROSS_ENTROPY, OptimizerSpec.adam(0.03), 16, 40, 7, 0, data);
    }

    /** Remembers the newest boundary and predictions and waits for the run to finish. */
    private static final class Recorder implements RunListener {
        final AtomicReference<DecisionBoundary> boundary = new AtomicReference<>();
        final AtomicReference<TestPredictions> predictions = new AtomicReference<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);

        @Override
        public void onReady(float initialLoss, EvalMetrics untrained) {
            ready.countDown();
        }

        @Override
        public void onBoundary(DecisionBoundary grid) {
            boundary.set(grid);
        }

        @Override
        public void onPredictions(TestPredictions latest) {
            predictions.set(latest);
        }

        @Override
        public void onStateChanged(RunState state, String message) {
            if (state == RunState.FINISHED || state == RunState.FAILED) {
                finished.countDown();
            }
        }
    }

    /** Waits until the run is built and everything it reported on the way has arrived. */
    private static void awaitBuilt(Recorder recorder) throws Exception {
        assertTrue(recorder.ready.await(1, TimeUnit.MINUTES));
        CompletableFuture<Void> passed = new CompletableFuture<>();
        TestEngine.get().scheduler().execute(() -> passed.complete(null));
        passed.get(1, TimeUnit.MINUTES);
    }

    @Test
    void theBoundaryOfATrainedXorNetworkSeparatesTheQuadrants() throws Exception {
        TrainingEngine engine = TestEngine.get();
        Recorder recorder = new Recorder();
        RunHandle run = engine.newRun(xor(), recorder);
        try {
            run.start();
            assertTrue(recorder.finished.await(2, TimeUnit.MINUTES));
            assertEquals(RunState.FINISHED, run.state(), run.message());
            DecisionBoundary grid = recorder.boundary.get();
            assertNotNull(grid);
            assertEquals(run.stepsPerEpoch() * 40L, grid.step(), "the final grid is reported");
            // Same signs: class 0; opposite signs: class 1.
            assertEquals(0, grid.classAt(0.5, 0.5));
            assertEquals(0, grid.classAt(-0.5, -0.5));
            assertEquals(1, grid.classAt(-0.5, 0.5));
            assertEquals(1, grid.classAt(0.5, -0.5));
            int agree = 0;
            int counted = 0;
            for (int row = 0; row < grid.resolution(); row++) {
                for (int column = 0; column < grid.resolution(); column++) {
                    double x = grid.min() + (column + 0.5) * grid.cellSize();
                    double y = grid.min() + (row + 0.5) * grid.cellSize();
                    if (Math.abs(x) > 0.2
                            && Math.abs(y) > 0.2
                            && Math.abs(x) < 1
                            && Math.abs(y) < 1) {
                        counted++;
                        if (grid.predicted()[row * grid.resolution() + column]
                                == (x * y < 0 ? 1 : 0)) {
                            agree++;
                        }
                    }
                }
            }
            assertTrue(agree > 0.95 * counted, agree + " of " + counted + " cells agree");
            float accuracy = recorder.predictions.get().accuracy();
            assertTrue(accuracy > 0.9, "test accuracy " + accuracy);
        } finally {
            run.close();
        }
    }

    @Test
    void anUntrainedRunAlreadyReportsItsBoundaryAndPredictions() throws Exception {
        Recorder recorder = new Recorder();
        RunHandle run = TestEngine.get().newRun(xor(), recorder);
        try {
            awaitBuilt(recorder);
            assertEquals(0, recorder.boundary.get().step());
            assertEquals(
                    RunHandle.BOUNDARY_RESOLUTION * RunHandle.BOUNDARY_RESOLUTION,
                    recorder.boundary.get().predicted().length);
            assertEquals(80, recorder.predictions.get().size(), "20 % of 400 points");
        } finally {
            run.close();
        }
    }

    @Test
    void closingARunOnGeneratedPointsFreesItsPointsWeightsAndOptimizerState() throws Exception {
        TrainingEngine engine = TestEngine.get();
        int before = TestEngine.onScheduler(engine::liveArrays);
        for (int i = 0; i < 5; i++) {
            Recorder recorder = new Recorder();
            RunHandle run = engine.newRun(xor().withEpochs(1).withSeed(i), recorder);
            run.start();
            assertTrue(recorder.finished.await(1, TimeUnit.MINUTES));
            run.close();
        }
        // close() is a command on the scheduler thread, so this count comes after all five.
        assertEquals(
                before,
                (int) TestEngine.onScheduler(engine::liveArrays),
                "live native arrays after five XOR runs came and went");
    }

    @Test
    void theConfusionMatrixOfAnEvaluationSumsToTheTestSetSize() throws Exception {
        TrainingRun run = TestEngine.newTrainingRun(RunSpec.lesson());
        try {
            TestPredictions predictions = TestEngine.onScheduler(() -> {
                for (int i = 0; i < 20; i++) {
                    run.step();
                }
                return run.evaluate(1).predictions();
            });
            int[][] matrix = predictions.confusionMatrix();
            assertEquals(10, matrix.length);
            int total = 0;
            int diagonal = 0;
            for (int row = 0; row < 10; row++) {
                for (int column = 0; column < 10; column++) {
                    total += matrix[row][column];
                }
                diagonal += matrix[row][row];
            }
            assertEquals(10_000, total);
            assertEquals(predictions.accuracy(), diagonal / 10_000f, 1e-6);
            float sum = 0;
            for (float p : predictions.probabilities(0)) {
                sum += p;
            }
            assertEquals(1, sum, 1e-4, "softmax probabilities of one image add up to 1");
        } finally {
            TestEngine.onScheduler(() -> {
                run.close();
                return null;
            });
        }
    }

    @Test
    void aFashionMnistRunHasTenClothesClassesAndNoBoundary() throws Exception {
        RunSpec spec = RunSpec.lesson().withDataset(DatasetSpec.of(DatasetKind.FASHION_MNIST));
        Recorder recorder = new Recorder();
        RunHandle run = TestEngine.get().newRun(spec, recorder);
        try {
            awaitBuilt(recorder);
            assertEquals("fashion-mnist", run.dataset().name());
            assertEquals(10, run.dataset().classes());
            assertEquals(run.dataset().testSize(), recorder.predictions.get().size());
            assertNull(recorder.boundary.get(), "image sets have no boundary");
        } finally {
            run.close();
        }
    }

    @Test
    void classifyingADrawingGivesOneProbabilityPerClass() throws Exception {
        Recorder recorder = new Recorder();
        RunHandle run = TestEngine.get().newRun(RunSpec.lesson(), recorder);
        try {
            assertTrue(recorder.ready.await(1, TimeUnit.MINUTES));
            float[] probabilities = run.classify(new float[784]).get(1, TimeUnit.MINUTES);
            assertEquals(10, probabilities.length);
            var wrongSize = run.classify(new float[3]);
            var failure = assertThrows(
                    java.util.concurrent.ExecutionException.class,
                    () -> wrongSize.get(1, TimeUnit.MINUTES));
            assertEquals(
                    "The network takes 784 values per sample, not 3.",
                    failure.getCause().getMessage());
        } finally {
            run.close();
        }
    }

    @Test
    void switchingTheDatasetResizesTheNetworksInputsAndOutputs() {
        RunSpec spiral = RunSpec.lesson().withDataset(DatasetSpec.of(DatasetKind.SPIRAL));
        assertEquals(2, spiral.network().inputs());
        assertEquals(3, spiral.network().outputs());
        assertEquals(RunSpec.lesson().network().hidden(), spiral.network().hidden());
        RunSpec back = spiral.withDataset(DatasetSpec.mnist());
        assertEquals(RunSpec.lesson().network(), back.network());
    }

    @Test
    void aNetworkThatDoesNotFitItsDatasetIsRefusedWithASentence() {
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> RunSpec.lesson()
                        .withNetwork(NetworkSpec.of(2, List.of(8), Activation.RELU, 2)));
        assertEquals(
                "A network with 2 inputs and 2 outputs does not fit MNIST handwritten digits"
                        + " (784 inputs, 10 classes).",
                error.getMessage());
    }

    @Test
    void badDatasetSettingsAreRefusedWithSentences() {
        assertEquals(
                "The number of points must be between 20 and 5,000, not 10.",
                DatasetSpec.pointsProblem(10));
        assertEquals(
                "The noise must be between 0 and 1.0, not -0.5.", DatasetSpec.noiseProblem(-0.5));
        assertEquals(
                "XOR quadrants (2-D points) always has 2 classes, not 3.",
                DatasetSpec.classesProblem(DatasetKind.XOR, 3));
        assertEquals(
                "Spiral (2-D points) can have 2 to 6 classes, not 9.",
                DatasetSpec.classesProblem(DatasetKind.SPIRAL, 9));
        assertNull(DatasetSpec.testFractionProblem(0.25));
        assertThrows(
                IllegalArgumentException.class,
                () -> DatasetSpec.of(DatasetKind.SPIRAL).withTestFraction(0.95));
    }
}
