package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.StepDetail;

/**
 * Copies a step just taken out to Java, phase by phase, for the step-through view: the batch's
 * first samples, one sample's logits and probabilities, each sample's loss, the gradients and
 * one weight followed through its update.
 */
final class StepThroughExtract {

    /** Samples of the batch whose pixels the step-through view shows. */
    private static final int SHOWN_SAMPLES = 8;

    private final Dataset dataset;
    private final LossFunction lossFn;
    private final Network network;
    private final int watchedInput;

    StepThroughExtract(Dataset dataset, LossFunction lossFn, Network network) {
        this.dataset = dataset;
        this.lossFn = lossFn;
        this.network = network;
        // The centre pixel (row 14, column 14) of an image, ink in most digits, so its
        // gradient is rarely zero; the y coordinate of a point.
        this.watchedInput = Math.min(14 * 28 + 14, dataset.inputSize() - 1);
    }

    /** The input whose weight into the first unit the view follows through the update. */
    int watchedInput() {
        return watchedInput;
    }

    /**
     * The step-through view of the batch just stepped.
     *
     * @param order the run's data order, still at the batch just stepped
     * @param accumulated whether the step's gradients included earlier steps'
     */
    StepDetail extract(
            NDManager stepManager,
            long step,
            BatchOrder.Batch batch,
            BatchOrder order,
            NDArray logits,
            float loss,
            WeightUpdate.Measured measured,
            boolean accumulated) {
        int shown = Math.min(SHOWN_SAMPLES, batch.size());
        int[] labelValues = new int[shown];
        byte[][] pixels = new byte[0][];
        float[][] points = new float[0][];
        int side = 0;
        if (dataset instanceof ImageDataset images) {
            side = images.trainImages().rows();
            pixels = new byte[shown][];
        } else {
            points = new float[shown][];
        }
        for (int i = 0; i < shown; i++) {
            int sampleIndex = order.sampleOfBatch(i);
            labelValues[i] = dataset.trainLabels()[sampleIndex];
            if (dataset instanceof ImageDataset images) {
                int imageSize = images.inputSize();
                pixels[i] = Arrays.copyOfRange(
                        images.trainImages().pixels(),
                        sampleIndex * imageSize,
                        (sampleIndex + 1) * imageSize);
            } else if (dataset instanceof PointDataset pointSet) {
                points[i] = Arrays.copyOfRange(
                        pointSet.trainPoints(), 2 * sampleIndex, 2 * sampleIndex + 2);
            }
        }
        NDArray first = logits.get(0).stopGradient();
        float[] sampleLogits = first.toFloatArray();
        float[] probabilities = first.softmax(0).toFloatArray();
        float[] sampleLosses =
                lossFn.sampleLosses(logits.stopGradient(), batch.labels()).toFloatArray();
        float watchedBefore = measured.weightsBefore().get(0).getFloat(0, watchedInput);
        // Read through the step's manager: getFloat on the weights would create its view in
        // the run's manager, kept until the run ends.
        float watchedAfter = network.parameters()
                .get(0)
                .getArray()
                .get(stepManager, new NDIndex(0, watchedInput))
                .getFloat();
        return new StepDetail(
                step,
                pixels,
                side,
                labelValues,
                0,
                sampleLogits,
                probabilities,
                loss,
                sampleLosses,
                measured.gradientNorms(),
                "fc1.weight[0, " + watchedInput + "]",
                watchedBefore,
                measured.watchedGradient(),
                watchedAfter,
                measured.updateNorms(),
                measured.ratios(),
                accumulated,
                points);
    }
}
