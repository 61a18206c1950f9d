package org.trainingplayground.core.data;

import java.util.List;
import org.trainingplayground.core.spec.Normalization;

/**
 * A labelled image classification dataset split into training and test parts, as plain Java
 * values. Pixels are bytes 0 (background) to 255 (ink), row-major.
 */
public record ImageDataset(
        String name,
        IdxImages trainImages,
        int[] trainLabels,
        IdxImages testImages,
        int[] testLabels,
        List<String> classNames)
        implements Dataset {

    public ImageDataset {
        if (trainImages.count() != trainLabels.length || testImages.count() != testLabels.length) {
            throw new IllegalArgumentException(name + ": the number of images and labels differ.");
        }
        classNames = List.copyOf(classNames);
    }

    /** Number of input values per sample (rows × columns). */
    @Override
    public int inputSize() {
        return trainImages.rows() * trainImages.cols();
    }

    /** Pixels as torchvision's {@code ToTensor()} (and {@code Normalize}) make them. */
    @Override
    public InputRows trainRows(Normalization normalization) {
        return InputRows.of(trainImages, normalization.byteValues());
    }

    @Override
    public InputRows testRows(Normalization normalization) {
        return InputRows.of(testImages, normalization.byteValues());
    }
}
