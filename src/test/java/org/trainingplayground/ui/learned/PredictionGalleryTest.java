package org.trainingplayground.ui.learned;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.metrics.TestPredictions;

class PredictionGalleryTest extends LearnedPanelsTestBase {

    private static String summary() {
        return _get(Span.class, s -> s.withId("predictions-summary")).getText();
    }

    private static void showMisclassifiedOnly(boolean on) {
        _setValue(_get(Checkbox.class, s -> s.withId("predictions-misclassified")), on);
    }

    private static List<PredictionCard> cards() {
        return _find(PredictionCard.class);
    }

    private static boolean noneSentenceShown(PredictionGallery gallery) {
        return byId(gallery, "predictions-none").orElseThrow().isVisible();
    }

    @Test
    void theGalleryShowsTwentyFourCardsWithTheirMarksAndTheHeader() {
        ImageDataset data = mnist();
        PredictionGallery gallery = onPage(new PredictionGallery(data));
        assertEquals("Not evaluated yet: start training.", summary());
        assertEquals(List.of(), cards());

        // Every fourth test sample is answered wrongly.
        TestPredictions p = predictions(1500, 2, 10, data.testLabels(), i -> i % 4 == 0);
        gallery.show(p);

        assertEquals("Test images after step 1,500 (epoch 2): 75.0 % correct", summary());
        assertEquals("1500", gallery.getElement().getAttribute("data-step"));
        assertEquals(24, cards().size());
        for (PredictionCard card : cards()) {
            boolean correct = card.sample() % 4 != 0;
            assertEquals(correct, card.isCorrect());
            assertEquals(Boolean.toString(correct), card.getElement().getAttribute("data-correct"));
            assertTrue(card.getElement().getClassList().contains("prediction-card"));
            String mark = _find(card, Span.class).get(2).getText();
            assertTrue(mark.startsWith(correct ? "✓ correct (" : "✗ wrong ("), mark);
        }
    }

    @Test
    void theSpreadShowsEveryClassInClassOrder() {
        int[] labels = {3, 0, 1, 0, 2, 1, 0};

        int[] samples = PredictionGallery.spread(labels, 4, 6);

        // Two turns: classes 0, 1, 2, 3 then 0, 1; class 2 and 3 have one sample each.
        assertEquals(
                List.of(1, 3, 2, 5, 4, 0),
                java.util.Arrays.stream(samples).boxed().toList());
    }

    @Test
    void anUpdateChangesTheAnswersButNotTheImages() {
        ImageDataset data = mnist();
        PredictionGallery gallery = onPage(new PredictionGallery(data));
        gallery.show(predictions(10, 0, 10, data.testLabels(), i -> true));
        List<String> images = _find(gallery, Image.class).stream()
                .map(image -> image.getSrc())
                .toList();

        gallery.show(predictions(20, 0, 10, data.testLabels(), i -> false));

        assertTrue(cards().stream().allMatch(PredictionCard::isCorrect));
        List<String> after = _find(gallery, Image.class).stream()
                .map(image -> image.getSrc())
                .toList();
        for (int i = 0; i < images.size(); i++) {
            assertTrue(images.get(i) == after.get(i), "the same cached image, not a new one");
        }
    }

    @Test
    void misclassifiedOnlyShowsTheFirstWrongSamples() {
        ImageDataset data = mnist();
        PredictionGallery gallery = onPage(new PredictionGallery(data));
        gallery.show(predictions(100, 1, 10, data.testLabels(), i -> i % 5 == 2));

        showMisclassifiedOnly(true);

        assertEquals(24, cards().size());
        assertTrue(cards().stream().noneMatch(PredictionCard::isCorrect));
        assertEquals(2, cards().get(0).sample());
        assertEquals(117, cards().get(23).sample());
        assertFalse(noneSentenceShown(gallery));

        showMisclassifiedOnly(false);
        assertEquals(24, cards().size());
        assertTrue(cards().stream().anyMatch(PredictionCard::isCorrect));
    }

    @Test
    void misclassifiedOnlySaysSoWhenEveryImageIsRight() {
        ImageDataset data = mnist();
        PredictionGallery gallery = onPage(new PredictionGallery(data));
        gallery.show(predictions(100, 1, 10, data.testLabels(), i -> i == 7));
        showMisclassifiedOnly(true);
        assertEquals(1, cards().size());
        assertFalse(noneSentenceShown(gallery));

        gallery.show(predictions(200, 1, 10, data.testLabels(), i -> false));

        assertEquals(List.of(), cards());
        assertTrue(noneSentenceShown(gallery));
        assertEquals(
                "No test image is misclassified.",
                byId(gallery, "predictions-none").orElseThrow().getElement().getText());
    }

    @Test
    void predictionsForAnotherTestSplitAreRefusedWithASentence() {
        PredictionGallery gallery = onPage(new PredictionGallery(mnist()));
        var error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> gallery.show(predictions(1, 0, 10, new int[] {1, 2}, i -> false)));
        assertEquals(
                "The predictions cover 2 test images but the dataset has 10000.",
                error.getMessage());
    }
}
