package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.trainingplayground.core.data.InputRows;

/**
 * A run's place in its training data: the epoch, the shuffled order of the samples, and the
 * next batch, copied into buffers that every step reuses.
 */
final class BatchOrder {

    /** One batch as tensors over the reused buffers: valid until the next batch is taken. */
    record Batch(int size, NDArray inputs, NDArray labels) {}

    private final DatasetTensors data;
    private final InputRows rows;
    private final SplittableRandom random;
    private final int batchSize;
    private final int[] order;
    private final int stepsPerEpoch;
    /**
     * The current batch's inputs and labels, copied here from the dataset's rows and reused by
     * every step, so no step allocates a direct buffer. Gathering the rows in libtorch instead
     * (advanced indexing) took 0.08 to 0.16 ms of a 1 ms step; this copy takes about 0.04 ms.
     */
    private final ByteBuffer batchInputs;

    private final FloatBuffer batchInputValues;
    private final ByteBuffer batchLabels;

    private int cursor;
    private int epoch = 1;
    private int stepInEpoch;
    private double epochLossSum;
    private int epochSamples;

    BatchOrder(DatasetTensors data, InputRows rows, int batchSize, SplittableRandom random) {
        this.data = data;
        this.rows = rows;
        this.random = random;
        this.batchSize = batchSize;
        this.order = new int[data.trainSize()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.stepsPerEpoch = (order.length + batchSize - 1) / batchSize;
        int features = data.dataset().inputSize();
        this.batchInputs = ByteBuffer.allocateDirect(batchSize * features * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        this.batchInputValues = batchInputs.asFloatBuffer();
        this.batchLabels =
                ByteBuffer.allocateDirect(batchSize * Long.BYTES).order(ByteOrder.nativeOrder());
    }

    /**
     * The next batch in the epoch's order (shuffled when the epoch begins), as tensors of
     * {@code stepManager}. They use the reused buffers' memory, so they must be closed with the
     * step, before the next batch overwrites it.
     */
    Batch next(NDManager stepManager) {
        if (cursor == 0) {
            shuffle();
        }
        int size = Math.min(batchSize, order.length - cursor);
        int features = data.dataset().inputSize();
        int[] labels = data.dataset().trainLabels();
        batchLabels.clear();
        for (int i = 0; i < size; i++) {
            int sample = order[cursor + i];
            rows.copy(sample, batchInputValues, i * features);
            batchLabels.putLong(labels[sample]);
        }
        batchLabels.flip();
        batchInputs.clear().limit(size * features * Float.BYTES);
        NDArray x = stepManager.create(batchInputs, new Shape(size, features), DataType.FLOAT32);
        NDArray y = stepManager.create(batchLabels, new Shape(size), DataType.INT64);
        return new Batch(size, x, y);
    }

    /** The dataset index of the {@code i}-th sample of the batch last taken. */
    int sampleOfBatch(int i) {
        return order[cursor + i];
    }

    /** Moves past the batch last taken, whose mean loss was {@code loss}. */
    void advance(int size, float loss) {
        cursor += size;
        stepInEpoch++;
        epochLossSum += (double) loss * size;
        epochSamples += size;
    }

    /** True when the batch last taken completed an epoch. */
    boolean epochComplete() {
        return cursor >= order.length;
    }

    /** Closes the current epoch and returns its mean training loss. */
    float finishEpoch() {
        float trainLoss = (float) (epochLossSum / Math.max(1, epochSamples));
        cursor = 0;
        stepInEpoch = 0;
        epoch++;
        epochLossSum = 0;
        epochSamples = 0;
        return trainLoss;
    }

    int epoch() {
        return epoch;
    }

    int stepInEpoch() {
        return stepInEpoch;
    }

    int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
