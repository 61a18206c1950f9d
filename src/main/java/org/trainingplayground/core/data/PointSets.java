package org.trainingplayground.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.trainingplayground.core.spec.DatasetSpec;

/**
 * Generates the 2-D point sets (spiral, circles, XOR, Gaussian blobs, moons) from a
 * {@link DatasetSpec} and a seed. The same spec and seed always give the same points, labels and
 * split, so a run can be repeated without storing its data.
 *
 * <p>Shapes are drawn within about [-1, 1] on both axes; {@code spec.noise()} is the standard
 * deviation of the Gaussian noise then added to each coordinate. The classes get the same number
 * of points (give or take one), are shuffled together, and are split so that every class has
 * points in both the training and the test split.
 */
public final class PointSets {

    private static final double TAU = 2 * Math.PI;
    /** Radius of the inner circle; the outer one has radius 1 (sklearn's {@code factor}). */
    private static final double INNER_RADIUS = 0.5;
    /** Half-width of the empty band along each axis in XOR, so noise-free classes don't touch. */
    private static final double XOR_GAP = 0.05;
    /** Radius of the circle the blob centres sit on, and the spread of each blob. */
    private static final double BLOB_RING = 0.6;

    private static final double BLOB_SPREAD = 0.15;
    /** How far each spiral arm winds while its radius grows from 0 to 1. */
    private static final double SPIRAL_TURNS = 1.0;

    /** Writes the noise-free position of one point of class {@code label} into {@code xy}. */
    @FunctionalInterface
    private interface Shape {
        void place(SplittableRandom random, int label, int classes, double[] xy);
    }

    private PointSets() {}

    /**
     * The points of a generated dataset.
     *
     * @throws IllegalArgumentException if {@code spec} is an image dataset
     */
    public static PointDataset generate(DatasetSpec spec, long seed) {
        Objects.requireNonNull(spec, "spec");
        if (spec.kind().images()) {
            throw new IllegalArgumentException(spec.kind().label()
                    + " is a set of images read from files, not generated; use Datasets.load.");
        }
        int classes = spec.classes();
        Shape shape = switch (spec.kind()) {
            case SPIRAL -> PointSets::spiral;
            case CIRCLES -> PointSets::circles;
            case XOR -> PointSets::xor;
            case GAUSSIAN -> PointSets::gaussian;
            case MOONS -> PointSets::moons;
            default -> throw new IllegalStateException("No generator for " + spec.kind());
        };
        SplittableRandom random = new SplittableRandom(seed);

        int n = spec.points();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] labels = new int[n];
        double[] xy = new double[2];
        int[] perClass = balancedCounts(n, classes);
        int i = 0;
        for (int label = 0; label < classes; label++) {
            for (int j = 0; j < perClass[label]; j++, i++) {
                shape.place(random, label, classes, xy);
                // Drawn even when the noise is 0, so that changing only the noise keeps the
                // same shape points and the same shuffle for a seed.
                x[i] = xy[0] + spec.noise() * random.nextGaussian();
                y[i] = xy[1] + spec.noise() * random.nextGaussian();
                labels[i] = label;
            }
        }

        int[] order = shuffledIndices(n, random);
        int[] testLeft = testCounts(perClass, spec.testPoints());
        return split(spec, x, y, labels, order, testLeft, classNames(spec));
    }

    /** {@code total} points shared out over the classes, the first ones getting the spare. */
    private static int[] balancedCounts(int total, int classes) {
        int[] counts = new int[classes];
        for (int c = 0; c < classes; c++) {
            counts[c] = total / classes + (c < total % classes ? 1 : 0);
        }
        return counts;
    }

    /** Fisher–Yates on 0..n-1. */
    private static int[] shuffledIndices(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * How many test points each class gets: one each first, so every class is in the test
     * split, then the rest in proportion to what each class can still spare while keeping one
     * training point (largest remainder, lower class first on ties). DatasetSpec guarantees at
     * least one test and one training point per class.
     */
    private static int[] testCounts(int[] perClass, int testTotal) {
        int classes = perClass.length;
        int spareTotal = 0;
        for (int count : perClass) {
            spareTotal += count - 2;
        }
        int toShare = testTotal - classes;
        int[] test = new int[classes];
        long[] remainders = new long[classes];
        int given = 0;
        for (int c = 0; c < classes; c++) {
            long share = (long) toShare * (perClass[c] - 2);
            test[c] = 1 + (int) (share / spareTotal);
            remainders[c] = share % spareTotal;
            given += test[c] - 1;
        }
        for (int missing = toShare - given; missing > 0; missing--) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (remainders[c] > remainders[best]) {
                    best = c;
                }
            }
            test[best]++;
            remainders[best] = -1;
        }
        return test;
    }

    private static PointDataset split(
            DatasetSpec spec,
            double[] x,
            double[] y,
            int[] labels,
            int[] order,
            int[] testLeft,
            List<String> names) {
        int testSize = spec.testPoints();
        int trainSize = labels.length - testSize;
        float[] trainPoints = new float[2 * trainSize];
        int[] trainLabels = new int[trainSize];
        float[] testPoints = new float[2 * testSize];
        int[] testLabels = new int[testSize];
        int train = 0;
        int test = 0;
        // The order is already shuffled, so taking each class's first points for the test split
        // is a random stratified split.
        for (int i : order) {
            int label = labels[i];
            if (testLeft[label] > 0) {
                testLeft[label]--;
                testPoints[2 * test] = (float) x[i];
                testPoints[2 * test + 1] = (float) y[i];
                testLabels[test++] = label;
            } else {
                trainPoints[2 * train] = (float) x[i];
                trainPoints[2 * train + 1] = (float) y[i];
                trainLabels[train++] = label;
            }
        }
        return new PointDataset(
                spec.kind().key(), trainPoints, trainLabels, testPoints, testLabels, names);
    }

    private static List<String> classNames(DatasetSpec spec) {
        return switch (spec.kind()) {
            case SPIRAL -> numbered("arm", spec.classes());
            case CIRCLES -> List.of("inner", "outer");
            case XOR -> List.of("x·y > 0", "x·y < 0");
            case GAUSSIAN -> numbered("blob", spec.classes());
            case MOONS -> List.of("upper", "lower");
            default -> throw new IllegalStateException("No class names for " + spec.kind());
        };
    }

    private static List<String> numbered(String word, int count) {
        List<String> names = new ArrayList<>(count);
        for (int c = 1; c <= count; c++) {
            names.add(word + " " + c);
        }
        return names;
    }

    /**
     * The CS231n spiral: each arm starts at the centre and winds outward to radius 1; arm
     * {@code k} is turned by {@code k / classes} of a full circle.
     */
    private static void spiral(SplittableRandom random, int label, int classes, double[] xy) {
        double radius = random.nextDouble();
        double angle = TAU * (SPIRAL_TURNS * radius + (double) label / classes);
        xy[0] = radius * Math.cos(angle);
        xy[1] = radius * Math.sin(angle);
    }

    /** sklearn's make_circles: class 0 on the inner circle, class 1 on the outer one. */
    private static void circles(SplittableRandom random, int label, int classes, double[] xy) {
        double radius = label == 0 ? INNER_RADIUS : 1.0;
        double angle = TAU * random.nextDouble();
        xy[0] = radius * Math.cos(angle);
        xy[1] = radius * Math.sin(angle);
    }

    /**
     * Uniform in the quadrants of the class, outside a thin band along the axes: class 0 where
     * x and y have the same sign, class 1 where they differ (so the label is 1 when x·y < 0).
     */
    private static void xor(SplittableRandom random, int label, int classes, double[] xy) {
        double signX = random.nextBoolean() ? 1 : -1;
        double signY = label == 0 ? signX : -signX;
        xy[0] = signX * (XOR_GAP + (1 - XOR_GAP) * random.nextDouble());
        xy[1] = signY * (XOR_GAP + (1 - XOR_GAP) * random.nextDouble());
    }

    /** One Gaussian blob per class, the centres spread evenly on a circle. */
    private static void gaussian(SplittableRandom random, int label, int classes, double[] xy) {
        double angle = TAU * label / classes;
        xy[0] = BLOB_RING * Math.cos(angle) + BLOB_SPREAD * random.nextGaussian();
        xy[1] = BLOB_RING * Math.sin(angle) + BLOB_SPREAD * random.nextGaussian();
    }

    /**
     * sklearn's make_moons (upper arc centred at (0, 0), lower arc at (1, 0.5) opening upward),
     * moved and scaled from x in [-1, 2], y in [-0.5, 1] to x in [-1, 1], y in [-0.5, 0.5].
     */
    private static void moons(SplittableRandom random, int label, int classes, double[] xy) {
        double t = Math.PI * random.nextDouble();
        double mx = label == 0 ? Math.cos(t) : 1 - Math.cos(t);
        double my = label == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
        xy[0] = (mx - 0.5) / 1.5;
        xy[1] = (my - 0.25) / 1.5;
    }
}
