package org.trainingplayground.core.spec;

/**
 * The datasets a student can train on: two sets of 28×28 images shipped in {@code datasets/},
 * and five sets of 2-D points generated in code from the run's seed.
 */
public enum DatasetKind implements Choice {
    MNIST("mnist", "MNIST handwritten digits", true, 10, 10, 10),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST clothes", true, 10, 10, 10),
    SPIRAL("spiral", "Spiral (2-D points)", false, 3, 2, 6),
    CIRCLES("circles", "Two circles (2-D points)", false, 2, 2, 2),
    XOR("xor", "XOR quadrants (2-D points)", false, 2, 2, 2),
    GAUSSIAN("gaussian", "Gaussian blobs (2-D points)", false, 3, 2, 6),
    MOONS("moons", "Two moons (2-D points)", false, 2, 2, 2);

    private final String key;
    private final String label;
    private final boolean images;
    private final int defaultClasses;
    private final int minClasses;
    private final int maxClasses;

    DatasetKind(
            String key,
            String label,
            boolean images,
            int defaultClasses,
            int minClasses,
            int maxClasses) {
        this.key = key;
        this.label = label;
        this.images = images;
        this.defaultClasses = defaultClasses;
        this.minClasses = minClasses;
        this.maxClasses = maxClasses;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    /** True for the image sets (784 pixel inputs), false for the generated 2-D point sets. */
    public boolean images() {
        return images;
    }

    /** Number of inputs a network needs for this dataset. */
    public int inputSize() {
        return images ? 28 * 28 : 2;
    }

    public int defaultClasses() {
        return defaultClasses;
    }

    public int minClasses() {
        return minClasses;
    }

    public int maxClasses() {
        return maxClasses;
    }

    /** True when the number of classes can be chosen (spiral arms, gaussian blobs). */
    public boolean classesAdjustable() {
        return minClasses != maxClasses;
    }

    /**
     * The noise a new set of this kind starts with: enough to blur the edges, not the shape
     * (the spiral's arms run close together near the centre, so it gets less).
     */
    public double defaultNoise() {
        return this == SPIRAL ? 0.05 : 0.1;
    }

    public static DatasetKind fromKey(String text) {
        return Choice.parse(DatasetKind.class, text, "dataset");
    }
}
