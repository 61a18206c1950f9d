package org.trainingplayground.ui.learned;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.ui.chart.SentCalls;

class ConfusionMatrixChartTest extends LearnedPanelsTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("cat", "dog", "bird");

    /** 3 cats (1 taken for a dog), 2 dogs, 5 birds (2 taken for cats): 10 test images. */
    private static TestPredictions tenAnimals() {
        int[] labels = {0, 0, 0, 1, 1, 2, 2, 2, 2, 2};
        return predictions(300, 2, 3, labels, i -> i == 2 || i == 5 || i == 6);
    }

    /** The cells of the last setSeriesData call, as [predicted, true, value]. */
    private static JsonNode lastCells() throws Exception {
        List<SentCalls.Call> calls = SentCalls.take().stream()
                .filter(c -> c.function().equals("setSeriesData"))
                .toList();
        return JSON.readTree((String) calls.get(calls.size() - 1).arguments().get(1));
    }

    @Test
    void theCellsCountEveryTestImageOnceWithTheCorrectOnesOnTheDiagonal() throws Exception {
        ConfusionMatrixChart matrix = onPage(new ConfusionMatrixChart(NAMES));

        matrix.show(tenAnimals());

        JsonNode cells = lastCells();
        int total = 0;
        int diagonal = 0;
        for (JsonNode cell : cells) {
            total += cell.get(2).asInt();
            if (cell.get(0).asInt() == cell.get(1).asInt()) {
                diagonal += cell.get(2).asInt();
            }
        }
        assertEquals(10, total);
        assertEquals(7, diagonal);
        // Zero cells are left out; row 2 (birds) has 2 in column 0 (taken for cats).
        assertEquals("[[0,0,2],[1,0,1],[1,1,2],[0,2,2],[2,2,3]]", cells.toString());
        assertEquals(
                "after step 300 (epoch 2), 10 test images",
                _get(Span.class, s -> s.withId("confusion-title")).getText());
    }

    @Test
    void rowNormalisedShowsEachTrueClassAsPercentages() throws Exception {
        ConfusionMatrixChart matrix = onPage(new ConfusionMatrixChart(NAMES));
        matrix.show(tenAnimals());
        SentCalls.take();

        _setValue(_get(Checkbox.class, s -> s.withId("confusion-normalise")), true);

        double[] rowSums = new double[3];
        for (JsonNode cell : lastCells()) {
            rowSums[cell.get(1).asInt()] += cell.get(2).asDouble();
        }
        assertEquals(100, rowSums[0], 0.1);
        assertEquals(100, rowSums[1], 0.1);
        assertEquals(100, rowSums[2], 0.1);
        assertTrue(
                matrix.chart().getElement().getProperty("optionJson").contains("{@[2]}%"),
                "the labels say it is percent");
    }

    @Test
    void anUpdateSendsOnlyTheCells() {
        ConfusionMatrixChart matrix = onPage(new ConfusionMatrixChart(NAMES));
        matrix.show(tenAnimals());
        String option = matrix.chart().getElement().getProperty("optionJson");
        SentCalls.take();

        matrix.show(predictions(400, 3, 3, new int[] {0, 0, 0, 1, 1, 2, 2, 2, 2, 2}, i -> false));

        List<SentCalls.Call> calls = SentCalls.take();
        assertEquals(1, calls.size());
        assertEquals("setSeriesData", calls.get(0).function());
        assertEquals(option, matrix.chart().getElement().getProperty("optionJson"));
    }

    @Test
    void smallRowSharesKeepADecimal() {
        int[][] counts = {{199, 1}, {0, 3}};
        assertEquals("[[0,0,100],[1,0,0.5],[1,1,100]]", ConfusionMatrixChart.cells(counts, true));
    }
}
