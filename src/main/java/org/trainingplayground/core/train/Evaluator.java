package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import org.trainingplayground.core.data.InputRows;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.core.spec.Normalization;

/** What a run's network makes of data it does not train on: the test split, a grid of points. */
final class Evaluator {

    /** Samples used for the loss of the untrained network, as in the PyTorch reference. */
    private static final int INITIAL_LOSS_SAMPLES = 1024;

    /**
     * Test samples converted and evaluated at a time: the 10,000 MNIST test digits would be a
     * 31 MB float tensor at once, a chunk is 3 MB.
     */
    private static final int CHUNK = 1000;

    /**
     * An evaluation: the summary for the charts and every shown test sample's answer, and the
     * accuracy on the hidden samples (NaN when the run hides none).
     */
    record Evaluation(EvalMetrics metrics, TestPredictions predictions, float hiddenAccuracy) {}

    private final DatasetTensors data;
    private final InputRows trainRows;
    private final InputRows testRows;
    private final Network network;
    private final LossFunction lossFn;
    private final int classes;
    private final int hidden;

    /** @param hidden the test split's last samples, scored apart and never shown */
    Evaluator(
            DatasetTensors data,
            Normalization normalization,
            Network network,
            LossFunction lossFn,
            int hidden) {
        if (hidden < 0 || hidden >= data.dataset().testSize()) {
            throw new IllegalArgumentException("A run cannot hide " + hidden + " of its "
                    + data.dataset().testSize() + " test samples.");
        }
        this.hidden = hidden;
        this.data = data;
        this.trainRows = data.dataset().trainRows(normalization);
        this.testRows = data.dataset().testRows(normalization);
        this.network = network;
        this.lossFn = lossFn;
        this.classes = data.dataset().classes();
    }

    /** Mean loss of the network on the first training samples (no gradients). */
    float initialLoss(NDManager scratch) {
        int n = Math.min(INITIAL_LOSS_SAMPLES, data.trainSize());
        NDArray y = data.trainLabels().get(scratch, new NDIndex("0:" + n));
        return lossFn.batchLoss(network.forward(inputs(scratch, trainRows, 0, n), false), y)
                .getFloat();
    }

    /**
     * Loss, accuracy and predictions on the shown test split, and accuracy on the hidden
     * part, without gradients.
     */
    Evaluation evaluate(NDManager scratch, long step, int forEpoch) {
        int all = testRows.count();
        int n = all - hidden;
        // One copy of all probabilities serves the gallery, the confusion matrix and the
        // accuracy; the argmax is taken in Java on those values.
        float[] probabilities = new float[n * classes];
        double lossSum = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            try (NDManager chunk = scratch.newSubManager()) {
                NDArray logits = network.forward(inputs(chunk, testRows, from, to), false);
                NDArray y = data.testLabels().get(chunk, new NDIndex(from + ":" + to));
                lossSum += (double) lossFn.batchLoss(logits, y).getFloat() * (to - from);
                float[] chunkProbabilities = logits.softmax(1).toFloatArray();
                System.arraycopy(
                        chunkProbabilities,
                        0,
                        probabilities,
                        from * classes,
                        chunkProbabilities.length);
            }
        }
        float loss = (float) (lossSum / n);
        int[] labels = java.util.Arrays.copyOf(data.dataset().testLabels(), n);
        int[] predicted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            predicted[i] = argMax(probabilities, i * classes, classes);
        }
        TestPredictions predictions =
                new TestPredictions(step, forEpoch, classes, labels, predicted, probabilities);
        return new Evaluation(
                new EvalMetrics(step, forEpoch, loss, predictions.accuracy()),
                predictions,
                hidden == 0 ? Float.NaN : hiddenAccuracy(scratch, n, all));
    }

    /** The share of test samples {@code from} to {@code to} whose top class is right. */
    private float hiddenAccuracy(NDManager scratch, int from, int to) {
        int[] labels = data.dataset().testLabels();
        int right = 0;
        for (int start = from; start < to; start += CHUNK) {
            int end = Math.min(to, start + CHUNK);
            try (NDManager chunk = scratch.newSubManager()) {
                float[] logits = network.forward(inputs(chunk, testRows, start, end), false)
                        .toFloatArray();
                for (int i = 0; i < end - start; i++) {
                    right += argMax(logits, i * classes, classes) == labels[start + i] ? 1 : 0;
                }
            }
        }
        return (float) right / (to - from);
    }

    /**
     * What the network predicts over a square grid covering the points (point sets only).
     *
     * @param resolution cells per side
     * @return null for image sets
     */
    DecisionBoundary boundary(NDManager scratch, long step, int resolution) {
        if (!(data.dataset() instanceof PointDataset pointSet)) {
            return null;
        }
        double[] bounds = pointSet.bounds();
        double cell = (bounds[1] - bounds[0]) / resolution;
        float[] grid = new float[2 * resolution * resolution];
        for (int row = 0; row < resolution; row++) {
            for (int column = 0; column < resolution; column++) {
                int i = row * resolution + column;
                grid[2 * i] = (float) (bounds[0] + (column + 0.5) * cell);
                grid[2 * i + 1] = (float) (bounds[0] + (row + 0.5) * cell);
            }
        }
        float[] probabilities = network.probabilities(grid, resolution * resolution, scratch);
        int[] predicted = new int[resolution * resolution];
        float[] confidence = new float[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = argMax(probabilities, i * classes, classes);
            confidence[i] = probabilities[i * classes + predicted[i]];
        }
        return new DecisionBoundary(step, bounds[0], bounds[1], resolution, predicted, confidence);
    }

    /** Rows {@code from} to {@code to} (exclusive) as one tensor of {@code manager}. */
    private static NDArray inputs(NDManager manager, InputRows rows, int from, int to) {
        FloatBuffer values = FloatBuffer.allocate((to - from) * rows.width());
        for (int row = from; row < to; row++) {
            rows.copy(row, values, (row - from) * rows.width());
        }
        return manager.create(values, new Shape(to - from, rows.width()));
    }

    private static int argMax(float[] values, int from, int count) {
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (values[from + c] > values[from + best]) {
                best = c;
            }
        }
        return best;
    }
}
