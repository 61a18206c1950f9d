package org.trainingplayground.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void everyStepIsKeptUntilTheLimitThenBucketsKeepTheMeanMinimumAndMaximum() {
        Series series = new Series(Series.MAX_POINTS);
        for (int step = 1; step < Series.MAX_POINTS; step++) {
            series.add(step, step, step);
        }
        assertEquals(Series.MAX_POINTS - 1, series.points().size());
        assertEquals(1, series.points().get(0).samples());

        double sum = 0;
        for (int step = Series.MAX_POINTS; step <= 100_000; step++) {
            series.add(step, step, step % 2 == 0 ? 1.0 : -1.0);
        }
        for (int step = 1; step <= 100_000; step++) {
            sum += step < Series.MAX_POINTS ? step : step % 2 == 0 ? 1.0 : -1.0;
        }
        List<Series.Point> points = series.points();
        assertTrue(points.size() <= Series.MAX_POINTS, points.size() + " points");
        assertTrue(points.size() >= Series.MAX_POINTS / 2, points.size() + " points");
        double weighted =
                points.stream().mapToDouble(p -> p.mean() * p.samples()).sum();
        assertEquals(sum, weighted, 1e-6 * Math.abs(sum));
        assertEquals(100_000, points.stream().mapToInt(Series.Point::samples).sum());
        assertEquals(1, points.get(0).min());
        assertEquals(-1.0, points.get(points.size() - 1).min());
        assertEquals(1.0, points.get(points.size() - 1).max());
        assertEquals(1, points.get(0).firstStep());
        assertEquals(100_000, points.get(points.size() - 1).lastStep());
    }

    @Test
    void aValueThatWasNotMeasuredIsSkipped() {
        Series series = new Series(Series.MAX_POINTS);
        series.add(1, 0, Double.NaN);
        series.add(2, 0, 0.5);
        assertEquals(
                List.of(2L),
                series.points().stream().map(Series.Point::firstStep).toList());
    }

    @Test
    void afterAMergeTheStoreIsToldToReplaceEveryBucket() {
        Series series = new Series(Series.MAX_POINTS);
        for (int step = 1; step <= 10; step++) {
            series.add(step, 0, step);
        }
        Series.Unsaved first = series.unsaved();
        assertTrue(!first.replaceAll(), "nothing stored yet: nothing to replace");
        series.markSaved(first);
        for (int step = 11; step <= Series.MAX_POINTS + 5; step++) {
            series.add(step, 0, step);
        }
        Series.Unsaved afterMerge = series.unsaved();
        assertTrue(afterMerge.replaceAll());
        assertEquals(0, afterMerge.fromBucket());
        series.markSaved(afterMerge);
        series.add(Series.MAX_POINTS + 6, 0, 1);
        Series.Unsaved next = series.unsaved();
        assertTrue(!next.replaceAll() && next.fromBucket() > 0);
    }
}
