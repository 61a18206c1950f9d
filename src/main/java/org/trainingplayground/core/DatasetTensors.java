package org.trainingplayground.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.trainingplayground.core.data.IdxImages;
import org.trainingplayground.core.data.ImageDataset;

/**
 * One dataset held once in native memory and shared, read-only, by every run: each step gathers
 * its batch from here instead of copying pixels from Java.
 */
final class DatasetTensors implements AutoCloseable {

    private final ImageDataset dataset;
    private final NDManager manager;
    private final NDArray trainImages;
    private final NDArray trainLabels;
    private final NDArray testImages;
    private final NDArray testLabels;

    DatasetTensors(ImageDataset dataset, NDManager parent) {
        this.dataset = dataset;
        this.manager = parent.newSubManager();
        this.trainImages = toTensor(dataset.trainImages());
        this.trainLabels = manager.create(toLongs(dataset.trainLabels()));
        this.testImages = toTensor(dataset.testImages());
        this.testLabels = manager.create(toLongs(dataset.testLabels()));
    }

    /** Pixels scaled to [0, 1] as in {@code ToTensor()}, one flattened row per image. */
    private NDArray toTensor(IdxImages images) {
        byte[] pixels = images.pixels();
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xFF) / 255f;
        }
        return manager.create(values, new Shape(images.count(), (long) images.rows() * images.cols()));
    }

    private static long[] toLongs(int[] labels) {
        long[] values = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i];
        }
        return values;
    }

    ImageDataset dataset() {
        return dataset;
    }

    int trainSize() {
        return dataset.trainLabels().length;
    }

    NDArray trainImages() {
        return trainImages;
    }

    NDArray trainLabels() {
        return trainLabels;
    }

    NDArray testImages() {
        return testImages;
    }

    NDArray testLabels() {
        return testLabels;
    }

    @Override
    public void close() {
        manager.close();
    }
}
