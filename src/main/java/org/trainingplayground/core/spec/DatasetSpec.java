package org.trainingplayground.core.spec;

import java.util.Locale;
import java.util.Objects;

/**
 * Which data a run trains on. The image sets are fixed files; the 2-D sets are generated from
 * these settings and the run's seed, so the same spec and seed give the same points.
 *
 * @param kind which dataset
 * @param points number of generated 2-D points, training and test together (ignored for images)
 * @param noise standard deviation of the Gaussian noise added to each coordinate of a generated
 *     point, relative to the set's radius of about 1 (ignored for images)
 * @param testFraction share of the generated points held out as the test split (ignored for
 *     images, whose split is fixed by the files)
 * @param classes number of classes (spiral arms, blobs); fixed by the kind for the others
 * @param normalization how pixel bytes become inputs (ignored for the 2-D sets)
 */
public record DatasetSpec(
        DatasetKind kind,
        int points,
        double noise,
        double testFraction,
        int classes,
        Normalization normalization) {

    public static final int MIN_POINTS = 20;
    public static final int MAX_POINTS = 5000;
    public static final double MAX_NOISE = 1.0;
    public static final double MIN_TEST_FRACTION = 0.1;
    public static final double MAX_TEST_FRACTION = 0.9;

    public DatasetSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(normalization, "normalization");
        String problem = firstProblem(kind, points, noise, testFraction, classes);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Pixels in [0, 1]. */
    public DatasetSpec(
            DatasetKind kind, int points, double noise, double testFraction, int classes) {
        this(kind, points, noise, testFraction, classes, Normalization.NONE);
    }

    /** The default settings for {@code kind}: 500 points, its default noise, 20 % test. */
    public static DatasetSpec of(DatasetKind kind) {
        return new DatasetSpec(kind, 500, kind.defaultNoise(), 0.2, kind.defaultClasses());
    }

    public static DatasetSpec mnist() {
        return of(DatasetKind.MNIST);
    }

    /**
     * This kind with the other settings kept where they fit it (the number of classes falls back
     * to the kind's default when outside its range).
     */
    public DatasetSpec withKind(DatasetKind newKind) {
        int newClasses =
                classesProblem(newKind, classes) == null ? classes : newKind.defaultClasses();
        return new DatasetSpec(newKind, points, noise, testFraction, newClasses, normalization);
    }

    public DatasetSpec withPoints(int count) {
        return new DatasetSpec(kind, count, noise, testFraction, classes, normalization);
    }

    public DatasetSpec withNoise(double value) {
        return new DatasetSpec(kind, points, value, testFraction, classes, normalization);
    }

    public DatasetSpec withTestFraction(double fraction) {
        return new DatasetSpec(kind, points, noise, fraction, classes, normalization);
    }

    public DatasetSpec withClasses(int count) {
        return new DatasetSpec(kind, points, noise, testFraction, count, normalization);
    }

    public DatasetSpec withNormalization(Normalization value) {
        return new DatasetSpec(kind, points, noise, testFraction, classes, value);
    }

    public int inputSize() {
        return kind.inputSize();
    }

    /** Training points of a generated set (the rest are the test split). */
    public int trainPoints() {
        return points - testPoints();
    }

    public int testPoints() {
        return (int) Math.round(points * testFraction);
    }

    /** A sentence if {@code count} is not an allowed number of points, otherwise null. */
    public static String pointsProblem(int count) {
        if (count < MIN_POINTS || count > MAX_POINTS) {
            return String.format(
                    Locale.ROOT,
                    "The number of points must be between %d and %,d, not %d.",
                    MIN_POINTS,
                    MAX_POINTS,
                    count);
        }
        return null;
    }

    /** A sentence if {@code value} is not an allowed noise level, otherwise null. */
    public static String noiseProblem(double value) {
        if (!(value >= 0 && value <= MAX_NOISE)) {
            return "The noise must be between 0 and " + MAX_NOISE + ", not " + value + ".";
        }
        return null;
    }

    /** A sentence if {@code fraction} is not an allowed test share, otherwise null. */
    public static String testFractionProblem(double fraction) {
        if (!(fraction >= MIN_TEST_FRACTION && fraction <= MAX_TEST_FRACTION)) {
            return "The test share must be between " + MIN_TEST_FRACTION + " and "
                    + MAX_TEST_FRACTION + ", not " + fraction + ".";
        }
        return null;
    }

    /** A sentence if {@code kind} cannot have {@code count} classes, otherwise null. */
    public static String classesProblem(DatasetKind kind, int count) {
        if (count < kind.minClasses() || count > kind.maxClasses()) {
            return kind.minClasses() == kind.maxClasses()
                    ? kind.label() + " always has " + kind.minClasses() + " classes, not " + count
                            + "."
                    : kind.label() + " can have " + kind.minClasses() + " to " + kind.maxClasses()
                            + " classes, not " + count + ".";
        }
        return null;
    }

    private static String firstProblem(
            DatasetKind kind, int points, double noise, double testFraction, int classes) {
        String problem = pointsProblem(points);
        if (problem == null) {
            problem = noiseProblem(noise);
        }
        if (problem == null) {
            problem = testFractionProblem(testFraction);
        }
        if (problem == null) {
            problem = classesProblem(kind, classes);
        }
        if (problem == null && !kind.images()) {
            long test = Math.round(points * testFraction);
            if (test < classes || points - test < classes) {
                problem = "With " + points + " points and a test share of " + testFraction
                        + ", a split would be too small for " + classes + " classes.";
            }
        }
        return problem;
    }
}
