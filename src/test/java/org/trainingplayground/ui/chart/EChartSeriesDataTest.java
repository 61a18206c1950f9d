package org.trainingplayground.ui.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** setSeriesData and setGridValues: what they accept and what they send. */
class EChartSeriesDataTest {

    private EChart chart;

    @BeforeEach
    void openPage() {
        MockVaadin.setup();
        chart = new EChart();
        UI.getCurrent().add(chart);
        chart.setOption("{\"series\":[{\"type\":\"scatter\"},{\"type\":\"heatmap\"}]}");
        SentCalls.take();
    }

    @AfterEach
    void closePage() {
        MockVaadin.tearDown();
    }

    @Test
    void seriesDataThatIsNotAJsonArrayIsRefusedWithASentence() {
        var notJson =
                assertThrows(IllegalArgumentException.class, () -> chart.setSeriesData(0, "[[1,2"));
        assertTrue(
                notJson.getMessage().startsWith("The series data is not valid JSON"),
                notJson.getMessage());
        var object = assertThrows(
                IllegalArgumentException.class, () -> chart.setSeriesData(0, "{\"data\":[]}"));
        assertEquals("The series data must be a JSON array.", object.getMessage());
        var negative =
                assertThrows(IllegalArgumentException.class, () -> chart.setSeriesData(-1, "[]"));
        assertEquals("A series index counts from 0; -1 is not one.", negative.getMessage());
        assertEquals(List.of(), SentCalls.take(), "nothing invalid reaches the browser");
        assertEquals(0, chart.getSeriesUpdatesSent());
    }

    @Test
    void seriesDataIsSentUnchangedForThatSeriesOnly() {
        chart.setSeriesData(0, "[[0.5,1.25],[2,3]]");

        assertEquals(
                List.of(new SentCalls.Call("setSeriesData", List.of(0, "[[0.5,1.25],[2,3]]"))),
                SentCalls.take());
        assertEquals(1, chart.getSeriesUpdatesSent());
    }

    @Test
    void gridValuesTravelAsBareNumbersWithEmptyCellsAsNull() {
        chart.setGridValues(1, 2, new int[] {1, -1, 3, 4});

        assertEquals(
                List.of(new SentCalls.Call("setGridValues", List.of(1, 2, "[1,null,3,4]"))),
                SentCalls.take());
    }

    @Test
    void gridValuesThatDoNotFillWholeRowsAreRefusedWithASentence() {
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> chart.setGridValues(0, 2, new int[] {1, 2, 3}));
        assertEquals(
                "A grid of 3 values cannot be split into rows of 2 columns.", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> chart.setGridValues(0, 0, new int[0]));
    }

    @Test
    void aBrowserElementCreatedAgainGetsTheLatestSeriesDataAgain() {
        chart.setSeriesData(0, "[[1,1]]");
        chart.setSeriesData(0, "[[2,2]]");
        chart.setGridValues(1, 1, new int[] {7});
        MockVaadin.clientRoundtrip();
        SentCalls.take();

        UI.getCurrent().remove(chart);
        MockVaadin.clientRoundtrip();
        UI.getCurrent().add(chart);

        assertEquals(
                List.of(
                        new SentCalls.Call("setSeriesData", List.of(0, "[[2,2]]")),
                        new SentCalls.Call("setGridValues", List.of(1, 1, "[7]"))),
                SentCalls.take());
    }

    @Test
    void anOptionWithDataForASeriesReplacesWhatWasSentForIt() {
        chart.setSeriesData(0, "[[1,1]]");
        chart.setSeriesData(1, "[[0,0,1]]");
        chart.setOption("{\"series\":[{\"type\":\"scatter\",\"data\":[]},{\"type\":\"heatmap\"}]}");
        MockVaadin.clientRoundtrip();
        SentCalls.take();

        UI.getCurrent().remove(chart);
        MockVaadin.clientRoundtrip();
        UI.getCurrent().add(chart);

        assertEquals(
                List.of(new SentCalls.Call("setSeriesData", List.of(1, "[[0,0,1]]"))),
                SentCalls.take());
    }
}
