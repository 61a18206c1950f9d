package org.trainingplayground.ui.learned;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.trainingplayground.ui.chart.EChart;

class DatasetPreviewTest extends LearnedPanelsTestBase {

    @Test
    void anImageSetShowsSixTrainingImagesOfEachClassBesideItsName() {
        DatasetPreview preview = onPage(DatasetPreview.of(mnist()));

        assertEquals(60, _find(preview, Image.class).size());
        assertTrue(_find(preview, Span.class).stream().anyMatch(s -> s.getText().equals("7")));
        assertEquals(
                "mnist: 60,000 training and 10,000 test samples in 10 classes",
                _find(preview, Span.class, s -> s.withId("dataset-preview-summary"))
                        .get(0)
                        .getText());
    }

    @Test
    void aPointSetShowsItsTrainingPointsWithTheClassNamesInTheLegend() {
        DatasetPreview preview = onPage(DatasetPreview.of(threeStripes()));

        EChart chart = _find(preview, EChart.class).get(0);
        String option = chart.getElement().getProperty("optionJson");
        assertTrue(
                option.contains("\"name\":\"left\"") && option.contains("\"name\":\"right\""),
                option);
        assertEquals(3, chart.getSeriesUpdatesSent(), "one series of points per class");
    }
}
