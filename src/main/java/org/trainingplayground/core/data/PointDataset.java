package org.trainingplayground.core.data;

import java.util.List;
import org.trainingplayground.core.spec.Normalization;

/**
 * Points in the plane with a class each, split into training and test parts.
 *
 * @param trainPoints x and y of each training point, interleaved: {@code x0, y0, x1, y1, …}
 * @param testPoints the test points, interleaved the same way
 */
public record PointDataset(
        String name,
        float[] trainPoints,
        int[] trainLabels,
        float[] testPoints,
        int[] testLabels,
        List<String> classNames)
        implements Dataset {

    public PointDataset {
        if (trainPoints.length != 2 * trainLabels.length
                || testPoints.length != 2 * testLabels.length) {
            throw new IllegalArgumentException(name + ": the number of points and labels differ.");
        }
        classNames = List.copyOf(classNames);
    }

    @Override
    public int inputSize() {
        return 2;
    }

    /** The points as they are: there are no pixels to normalise. */
    @Override
    public InputRows trainRows(Normalization normalization) {
        return InputRows.of(trainPoints, 2);
    }

    @Override
    public InputRows testRows(Normalization normalization) {
        return InputRows.of(testPoints, 2);
    }

    /**
     * The square the views draw, {@code {min, max}} for both axes: every point with a margin of
     * a tenth of the range, so the boundary shows a little beyond the data.
     */
    public double[] bounds() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] points : List.of(trainPoints, testPoints)) {
            for (float v : points) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            return new double[] {-1, 1};
        }
        double margin = (hi - lo) * 0.1;
        return new double[] {lo - margin, hi + margin};
    }
}
