package org.trainingplayground.core.data;

import java.util.List;
import org.trainingplayground.core.spec.Normalization;

/**
 * A labelled classification dataset split into training and test parts, as plain Java values:
 * what a network is trained on and what the views show.
 */
public sealed interface Dataset permits ImageDataset, PointDataset {

    /** Short name, e.g. {@code mnist} or {@code spiral}. */
    String name();

    /** Number of input values per sample (784 for 28×28 images, 2 for points). */
    int inputSize();

    /** Names of the classes, in label order (label {@code i} is {@code classNames().get(i)}). */
    List<String> classNames();

    int[] trainLabels();

    int[] testLabels();

    /**
     * The network's inputs for the training split: one row of {@link #inputSize()} per sample,
     * pixels read as {@code normalization} says (point sets ignore it).
     */
    InputRows trainRows(Normalization normalization);

    /** The network's inputs for the test split, as {@link #trainRows}. */
    InputRows testRows(Normalization normalization);

    default int classes() {
        return classNames().size();
    }

    default int trainSize() {
        return trainLabels().length;
    }

    default int testSize() {
        return testLabels().length;
    }
}
