package org.trainingplayground.ui.learned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.ui.chart.SentCalls;

class DecisionBoundaryChartTest extends LearnedPanelsTestBase {

    /** A 50 × 50 grid: class by third of the x range, confidence growing to the right. */
    private static DecisionBoundary grid(long step) {
        int resolution = 50;
        int[] predicted = new int[resolution * resolution];
        float[] confidence = new float[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            int column = i % resolution;
            predicted[i] = Math.min(2, column * 3 / resolution);
            confidence[i] = 0.34f + 0.66f * column / resolution;
        }
        return new DecisionBoundary(step, -0.25, 3.05, resolution, predicted, confidence);
    }

    @Test
    void thePointsAreSentOnceAndEachUpdateSendsOnlyTheGrid() {
        DecisionBoundaryChart chart = onPage(new DecisionBoundaryChart(threeStripes()));
        List<SentCalls.Call> first = SentCalls.take();
        // Training and test points for each of the 3 classes, and the empty grid.
        assertEquals(
                6,
                first.stream().filter(c -> c.function().equals("setSeriesData")).count());
        assertTrue(
                first.stream().anyMatch(c -> c.arguments().contains("[[0.5,0],[0.2,2.5]]")),
                first.toString());

        chart.show(grid(10));
        SentCalls.take();
        String option = chart.chart().getElement().getProperty("optionJson");
        chart.show(grid(20));

        List<SentCalls.Call> update = SentCalls.take();
        assertEquals(1, update.size());
        assertEquals("setGridValues", update.get(0).function());
        assertEquals(0, update.get(0).arguments().get(0));
        assertEquals(50, update.get(0).arguments().get(1));
        assertTrue(
                update.get(0).textLength() < 8_000,
                "a 50 × 50 grid is a few KB, was " + update.get(0).textLength());
        assertEquals(
                option,
                chart.chart().getElement().getProperty("optionJson"),
                "the option is not sent again");
        assertEquals("20", chart.getElement().getAttribute("data-boundary-step"));
    }

    @Test
    void eachCellIsItsClassColourPalerWhereTheNetworkIsUnsure() {
        DecisionBoundary boundary = new DecisionBoundary(
                1, 0, 1, 2, new int[] {0, 1, 2, 2}, new float[] {1f / 3, 0.99f, 0.5f, 1f});

        int[] shades = DecisionBoundaryChart.shades(boundary, 3);

        int levels = PointCharts.CONFIDENCE_LEVELS;
        assertEquals(
                List.of(0, levels + levels - 1, 2 * levels + 1, 2 * levels + levels - 1),
                Arrays.stream(shades).boxed().toList());
    }

    @Test
    void clearRemovesTheGridAndTheStep() {
        DecisionBoundaryChart chart = onPage(new DecisionBoundaryChart(threeStripes()));
        chart.show(grid(5));
        SentCalls.take();

        chart.clear();

        assertEquals(
                List.of(new SentCalls.Call("setGridValues", List.of(0, 1, "[null]"))),
                SentCalls.take());
        assertEquals(null, chart.getElement().getAttribute("data-boundary-step"));
        assertEquals(-1, chart.shownStep());
    }
}
