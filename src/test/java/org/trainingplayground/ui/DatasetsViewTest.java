package org.trainingplayground.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.Normalization;
import org.trainingplayground.session.Presets;
import org.trainingplayground.ui.draw.DrawPanel;
import org.trainingplayground.ui.learned.ConfusionMatrixChart;
import org.trainingplayground.ui.learned.DecisionBoundaryChart;
import org.trainingplayground.ui.learned.PredictionGallery;

/** Choosing the data in the JVM, with the real session and training engine behind it. */
class DatasetsViewTest extends BrowserlessTest {

    @BeforeEach
    void waitForTheRun() {
        eventually().until(() -> session().state() == RunState.PAUSED);
    }

    @SuppressWarnings("unchecked")
    private static Select<Object> select(String id) {
        return _get(Select.class, s -> s.withId(id));
    }

    private static TextField field(String id) {
        return _get(TextField.class, s -> s.withId(id));
    }

    @Test
    void choosingTheSpiralRebuildsTheRunWithTwoInputsAndThreeOutputsAndDrawsItsBoundary() {
        _assertOne(PredictionGallery.class);
        _setValue(select("dataset"), DatasetKind.SPIRAL);

        assertEquals(DatasetKind.SPIRAL, session().runSpec().dataset().kind(), "rebuilt at once");
        assertEquals(2, session().runSpec().network().inputs());
        assertEquals(3, session().runSpec().network().outputs());
        assertEquals("500", field("points").getValue());
        assertEquals("0.05", field("noise").getValue(), "the spiral's own default noise");
        eventually().until(() -> session().state() == RunState.PAUSED);
        eventually().until(() -> session().latestBoundary() != null);
        view().refresh();
        _assertOne(DecisionBoundaryChart.class);
        _assertNone(PredictionGallery.class);
        _assertNone(DrawPanel.class);
        assertEquals(0, _get(DecisionBoundaryChart.class).shownStep(), "the untrained guess");

        session().step();
        eventually().until(() -> session().latestBoundary().step() == 1);
        view().refresh();
        assertEquals(1, _get(DecisionBoundaryChart.class).shownStep());
    }

    @Test
    void pickingASpiralFromTheMenuBringsItsTrainingDefaultsButKeepsWhatTheStudentChanged() {
        _setValue(select("dataset"), DatasetKind.SPIRAL);
        assertEquals(60, session().spec().epochs(), "not 5 epochs of 25 steps");
        assertEquals(16, session().spec().batchSize());
        assertEquals(0.1, session().spec().optimizer().learningRate());

        _setValue(select("dataset"), DatasetKind.MNIST);
        assertEquals(5, session().spec().epochs(), "back to the image sets' defaults");
        assertEquals(64, session().spec().batchSize());
        assertEquals(0.05, session().spec().optimizer().learningRate());

        _setValue(field("epochs"), "8");
        _setValue(select("dataset"), DatasetKind.MOONS);
        assertEquals(8, session().spec().epochs(), "the student's own number of epochs stays");
        assertEquals(16, session().spec().batchSize(), "the rest still moves");
    }

    @Test
    void theLessonsNormalisationIsChosenForImagesAndHiddenForPoints() {
        assertEquals(Normalization.NONE, select("normalize").getValue());
        _setValue(select("normalize"), Normalization.LESSON);
        assertEquals(
                Normalization.LESSON,
                session().runSpec().dataset().normalization(),
                "an untrained run takes it at once");
        _setValue(select("dataset"), DatasetKind.FASHION_MNIST);
        assertEquals(
                Normalization.LESSON,
                session().runSpec().dataset().normalization(),
                "kept from one image set to the other");
        _setValue(select("dataset"), DatasetKind.SPIRAL);
        // Points have no pixels to normalise.
        _assertNone(Select.class, spec -> spec.withId("normalize"));
    }

    @Test
    void changingThePointsNoiseAndClassesGeneratesNewPointsWithThatManyClasses() {
        _setValue(select("dataset"), DatasetKind.GAUSSIAN);
        _setValue(field("points"), "200");
        _setValue(field("classes"), "5");
        _setValue(field("test-fraction"), "0.25");
        eventually()
                .until(() -> session().state() == RunState.PAUSED
                        && session().dataset().classes() == 5);
        PointDataset points = (PointDataset) session().dataset();
        assertEquals(150, points.trainSize());
        assertEquals(50, points.testSize());
        assertEquals(5, session().runSpec().network().outputs());
    }

    @Test
    void badPointSettingsGetSentencesAndReachNoRun() {
        _setValue(select("dataset"), DatasetKind.MOONS);
        eventually().until(() -> session().state() == RunState.PAUSED);
        var before = session().spec();
        _setValue(field("points"), "10");
        assertEquals(
                "The number of points must be between 20 and 5000, not 10.",
                field("points").getErrorMessage());
        _setValue(field("noise"), "3");
        assertEquals(
                "The noise must be between 0 and 1.0, not 3.0.", field("noise").getErrorMessage());
        assertFalse(button("start").isEnabled());
        assertEquals(before, session().spec());
        // Two moons always have two classes: nothing to choose.
        _assertNone(TextField.class, spec -> spec.withId("classes"));
    }

    @Test
    void fashionMnistShowsTheGalleryConfusionMatrixAndDrawPadWithItsClasses() {
        _setValue(select("dataset"), DatasetKind.FASHION_MNIST);
        eventually()
                .until(() -> session().state() == RunState.PAUSED
                        && "fashion-mnist".equals(session().dataset().name())
                        && session().latestPredictions() != null);
        view().refresh();
        _assertOne(PredictionGallery.class);
        _assertOne(ConfusionMatrixChart.class);
        _assertOne(DrawPanel.class);
        _assertNone(DecisionBoundaryChart.class);
        assertEquals(
                List.of(
                        "T-shirt/top",
                        "Trouser",
                        "Pullover",
                        "Dress",
                        "Coat",
                        "Sandal",
                        "Shirt",
                        "Sneaker",
                        "Bag",
                        "Ankle boot"),
                session().dataset().classNames());
        // Image sets are fixed files: no points to choose.
        _assertNone(TextField.class, spec -> spec.withId("points"));
    }

    @Test
    void theSpiralPresetBringsItsOwnDataAndTheLessonPresetKeepsTheChosenDataset() {
        _setValue(select("preset"), Presets.SPIRAL);
        assertEquals(DatasetKind.SPIRAL, session().spec().dataset().kind());
        assertEquals(2, session().spec().network().inputs());

        _setValue(select("dataset"), DatasetKind.CIRCLES);
        _setValue(select("preset"), Presets.LESSON);
        assertEquals(DatasetKind.CIRCLES, session().spec().dataset().kind());
        assertEquals(2, session().spec().network().outputs());
        assertTrue(session().spec().optimizer().learningRate() == 0.003);
    }
}
