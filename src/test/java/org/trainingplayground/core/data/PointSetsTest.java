package org.trainingplayground.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;

class PointSetsTest {

    private static final long SEED = 42;

    /** A spec with the most classes the kind allows, to stress the balancing and the split. */
    private static DatasetSpec spec(
            DatasetKind kind, int points, double noise, double testFraction) {
        return new DatasetSpec(kind, points, noise, testFraction, kind.maxClasses());
    }

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"MNIST", "FASHION_MNIST"},
            mode = EnumSource.Mode.EXCLUDE)
    void eachGeneratorIsDeterministicForASeed(DatasetKind kind) {
        DatasetSpec spec = spec(kind, 300, 0.1, 0.2);

        PointDataset first = PointSets.generate(spec, SEED);
        PointDataset second = PointSets.generate(spec, SEED);

        assertArrayEquals(first.trainPoints(), second.trainPoints());
        assertArrayEquals(first.trainLabels(), second.trainLabels());
        assertArrayEquals(first.testPoints(), second.testPoints());
        assertArrayEquals(first.testLabels(), second.testLabels());
        assertEquals(first.classNames(), second.classNames());
    }

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"MNIST", "FASHION_MNIST"},
            mode = EnumSource.Mode.EXCLUDE)
    void eachGeneratorGivesOtherPointsForAnotherSeed(DatasetKind kind) {
        DatasetSpec spec = spec(kind, 300, 0.1, 0.2);

        PointDataset first = PointSets.generate(spec, SEED);
        PointDataset other = PointSets.generate(spec, SEED + 1);

        assertFalse(Arrays.equals(first.trainPoints(), other.trainPoints()));
        assertFalse(Arrays.equals(first.testPoints(), other.testPoints()));
    }

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"MNIST", "FASHION_MNIST"},
            mode = EnumSource.Mode.EXCLUDE)
    void eachGeneratorHasTheRequestedSizesAndClasses(DatasetKind kind) {
        DatasetSpec spec = spec(kind, 301, 0.1, 0.3);

        PointDataset data = PointSets.generate(spec, SEED);

        assertEquals(kind.key(), data.name());
        assertEquals(2, data.inputSize());
        assertEquals(spec.trainPoints(), data.trainSize());
        assertEquals(spec.testPoints(), data.testSize());
        assertEquals(301, data.trainSize() + data.testSize());
        assertEquals(spec.classes(), data.classes());
        assertEquals(
                spec.classes(),
                new HashSet<>(data.classNames()).size(),
                "class names are distinct");
        for (String name : data.classNames()) {
            assertTrue(!name.isBlank() && name.length() <= 12, "short class name: " + name);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"MNIST", "FASHION_MNIST"},
            mode = EnumSource.Mode.EXCLUDE)
    void classesAreBalancedAndEveryClassIsInBothSplits(DatasetKind kind) {
        for (DatasetSpec spec : List.of(
                spec(kind, 301, 0.1, 0.3),
                // The tightest split DatasetSpec allows for six classes: six test points.
                spec(kind, 20, 0.1, 0.3),
                spec(kind, 5000, 0.1, 0.9),
                new DatasetSpec(kind, 23, 0.1, 0.1, kind.minClasses()))) {
            PointDataset data = PointSets.generate(spec, SEED);

            int[] train = countPerClass(data.trainLabels(), spec.classes());
            int[] test = countPerClass(data.testLabels(), spec.classes());
            int min = Integer.MAX_VALUE;
            int max = 0;
            for (int c = 0; c < spec.classes(); c++) {
                assertTrue(train[c] > 0, spec + ": class " + c + " has no training point");
                assertTrue(test[c] > 0, spec + ": class " + c + " has no test point");
                min = Math.min(min, train[c] + test[c]);
                max = Math.max(max, train[c] + test[c]);
            }
            assertTrue(max - min <= 1, spec + ": class sizes from " + min + " to " + max);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"MNIST", "FASHION_MNIST"},
            mode = EnumSource.Mode.EXCLUDE)
    void withoutNoiseEveryPointLiesWithinOneAndAHalf(DatasetKind kind) {
        PointDataset data = PointSets.generate(spec(kind, 2000, 0, 0.2), SEED);

        for (float[] points : List.of(data.trainPoints(), data.testPoints())) {
            for (float v : points) {
                assertTrue(Math.abs(v) <= 1.5f, kind + ": coordinate " + v);
            }
        }
    }

    @Test
    void withoutNoiseTheXorLabelIsTheSignOfTheProduct() {
        PointDataset data = PointSets.generate(spec(DatasetKind.XOR, 1000, 0, 0.2), SEED);

        forEachPoint(data, (x, y, label) -> {
            assertTrue(x * y != 0, "no point on an axis");
            assertEquals(x * y < 0 ? 1 : 0, label, "label of (" + x + ", " + y + ")");
        });
    }

    @Test
    void withoutNoiseTheCirclesAreToldApartByRadius() {
        PointDataset data = PointSets.generate(spec(DatasetKind.CIRCLES, 1000, 0, 0.2), SEED);

        assertEquals(List.of("inner", "outer"), data.classNames());
        forEachPoint(data, (x, y, label) -> {
            double radius = Math.hypot(x, y);
            assertEquals(label == 0 ? 0.5 : 1.0, radius, 1e-5, "radius of class " + label);
        });
    }

    @Test
    void withoutNoiseTheSpiralArmsStayInsideTheUnitCircle() {
        PointDataset data = PointSets.generate(spec(DatasetKind.SPIRAL, 1000, 0, 0.2), SEED);

        forEachPoint(data, (x, y, label) -> assertTrue(Math.hypot(x, y) <= 1 + 1e-6));
    }

    @Test
    void withoutNoiseEachGaussianBlobIsNearestToItsOwnCentre() {
        DatasetSpec spec = new DatasetSpec(DatasetKind.GAUSSIAN, 1000, 0, 0.2, 3);
        PointDataset data = PointSets.generate(spec, SEED);

        // With centres 1.04 apart and a spread of 0.15, a point nearer another centre is a
        // 3.5-sigma event: a handful at most, not a systematic mix-up.
        int[] nearest = {0};
        forEachPoint(data, (x, y, label) -> {
            double angle = Math.atan2(y, x);
            int closest = (int) Math.floorMod(Math.round(angle / (2 * Math.PI / 3)), 3);
            if (closest == label) {
                nearest[0]++;
            }
        });
        assertTrue(nearest[0] >= 990, nearest[0] + " of 1000 points are nearest their centre");
    }

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"MNIST", "FASHION_MNIST"},
            mode = EnumSource.Mode.EXCLUDE)
    void noiseMovesThePointsButKeepsTheLabels(DatasetKind kind) {
        PointDataset clean = PointSets.generate(spec(kind, 1000, 0, 0.2), SEED);
        PointDataset noisy = PointSets.generate(spec(kind, 1000, 0.2, 0.2), SEED);

        assertArrayEquals(clean.trainLabels(), noisy.trainLabels());
        assertArrayEquals(clean.testLabels(), noisy.testLabels());
        float[] a = clean.trainPoints();
        float[] b = noisy.trainPoints();
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += Math.abs(a[i] - b[i]);
        }
        // The mean absolute value of N(0, 0.2) is 0.2 * sqrt(2 / pi), about 0.16.
        assertEquals(0.16, total / a.length, 0.02);
    }

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"MNIST", "FASHION_MNIST"})
    void anImageKindIsRefusedWithASentence(DatasetKind kind) {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> PointSets.generate(DatasetSpec.of(kind), SEED));

        assertTrue(e.getMessage().startsWith(kind.label()), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }

    private interface PointCheck {
        void check(float x, float y, int label);
    }

    private static void forEachPoint(PointDataset data, PointCheck check) {
        for (int i = 0; i < data.trainSize(); i++) {
            check.check(
                    data.trainPoints()[2 * i],
                    data.trainPoints()[2 * i + 1],
                    data.trainLabels()[i]);
        }
        for (int i = 0; i < data.testSize(); i++) {
            check.check(
                    data.testPoints()[2 * i], data.testPoints()[2 * i + 1], data.testLabels()[i]);
        }
    }

    private static int[] countPerClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
