package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.trainingplayground.core.data.Dataset;

/**
 * One dataset's labels in native memory, read-only. The inputs are not here: each batch and
 * each evaluation chunk copies its rows from the dataset (see {@link
 * org.trainingplayground.core.data.InputRows}), so an image set is kept once, as its bytes, and
 * every run reads it with its own normalisation. The image sets' labels are loaded once and
 * shared by every run; a generated point set's belong to the one run it was generated for.
 */
final class DatasetTensors implements AutoCloseable {

    private final Dataset dataset;
    private final NDManager manager;
    private final NDArray trainLabels;
    private final NDArray testLabels;

    DatasetTensors(Dataset dataset, NDManager parent) {
        this.dataset = dataset;
        this.manager = parent.newSubManager();
        this.trainLabels = manager.create(toLongs(dataset.trainLabels()));
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

    NDArray trainLabels() {
        return trainLabels;
    }

    NDArray testLabels() {
        return testLabels;
    }

    @Override
    public void close() {
        manager.close();
    }
}
