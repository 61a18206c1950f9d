package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.trainingplayground.core.data.Dataset;

/**
 * One dataset held in native memory, read-only. The training inputs live in one direct buffer
 * that is both a tensor (for whole-set reads) and rows a step copies its batch from. The image sets are loaded once and shared by every run; a
 * generated point set belongs to the one run it was generated for.
 */
final class DatasetTensors implements AutoCloseable {

    private final Dataset dataset;
    private final NDManager manager;
    private final NDArray trainInputs;
    /** The same memory as {@link #trainInputs}, read from Java. */
    private final FloatBuffer trainRows;

    private final NDArray trainLabels;
    private final NDArray testInputs;
    private final NDArray testLabels;

    DatasetTensors(Dataset dataset, NDManager parent) {
        this.dataset = dataset;
        this.manager = parent.newSubManager();
        int features = dataset.inputSize();
        float[] train = dataset.trainFeatures();
        ByteBuffer rows = ByteBuffer.allocateDirect(train.length * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        rows.asFloatBuffer().put(train);
        // A direct buffer becomes a tensor without a copy (DJL keeps the buffer alive with it),
        // so the rows below cost no memory of their own.
        this.trainInputs =
                manager.create(rows, new Shape(dataset.trainSize(), features), DataType.FLOAT32);
        this.trainRows = rows.asFloatBuffer().asReadOnlyBuffer();
        this.trainLabels = manager.create(toLongs(dataset.trainLabels()));
        this.testInputs =
                manager.create(dataset.testFeatures(), new Shape(dataset.testSize(), features));
        this.testLabels = manager.create(toLongs(dataset.testLabels()));
    }

    private static long[] toLongs(int[] labels) {
        long[] values = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i];
        }
        return values;
    }

    Dataset dataset() {
        return dataset;
    }

    int trainSize() {
        return dataset.trainSize();
    }

    /** One row of {@code inputSize} values per training sample. */
    NDArray trainInputs() {
        return trainInputs;
    }

    /**
     * The training inputs, one row of {@code inputSize} values per sample after the other,
     * for copying a batch with absolute reads (the buffer's position is never moved).
     */
    FloatBuffer trainRows() {
        return trainRows;
    }

    NDArray trainLabels() {
        return trainLabels;
    }

    NDArray testInputs() {
        return testInputs;
    }

    NDArray testLabels() {
        return testLabels;
    }

    @Override
    public void close() {
        manager.close();
    }
}
