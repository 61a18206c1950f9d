package org.trainingplayground.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.trainingplayground.core.data.Dataset;

/**
 * One dataset held in native memory, read-only: each step gathers its batch from here instead
 * of copying inputs from Java. The image sets are loaded once and shared by every run; a
 * generated point set belongs to the one run it was generated for.
 */
final class DatasetTensors implements AutoCloseable {

    private final Dataset dataset;
    private final NDManager manager;
    private final NDArray trainInputs;
    private final NDArray trainLabels;
    private final NDArray testInputs;
    private final NDArray testLabels;

    DatasetTensors(Dataset dataset, NDManager parent) {
        this.dataset = dataset;
        this.manager = parent.newSubManager();
        int features = dataset.inputSize();
        this.trainInputs = manager.create(dataset.trainFeatures(),
                new Shape(dataset.trainSize(), features));
        this.trainLabels = manager.create(toLongs(dataset.trainLabels()));
        this.testInputs = manager.create(dataset.testFeatures(),
                new Shape(dataset.testSize(), features));
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
