package org.trainingplayground.core.data;

import java.util.List;

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

    /** Pixels scaled to [0, 1] as torchvision's {@code ToTensor()} does, one row per image. */
    @Override
    public float[] trainFeatures() {
        return scaled(trainImages);
    }

    @Override
    public float[] testFeatures() {
        return scaled(testImages);
    }

    private static float[] scaled(IdxImages images) {
        byte[] pixels = images.pixels();
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xFF) / 255f;
        }
        return values;
    }
}
