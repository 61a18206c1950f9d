package org.trainingplayground.ui.learned;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.metrics.TestPredictions;

/**
 * Test images with the network's answers: a fixed spread of a few samples per class, or the
 * first misclassified ones. Cards are made once and reused, so an update changes only texts and
 * bar widths, and images are encoded once per sample.
 *
 * <p>Ids: {@code predictions} (root, with {@code data-step} of the predictions shown),
 * {@code predictions-summary}, {@code predictions-misclassified} (the checkbox),
 * {@code predictions-none}; each card has class {@code prediction-card} and
 * {@code data-correct="true|false"}.
 */
@CssImport("./styles/panels.css")
public class PredictionGallery extends Composite<Div> {

    public static final String ID = "predictions";

    /** Enough to see several examples of every class without scrolling a long page. */
    static final int CARDS = 24;

    private final Span summary = new Span("Not evaluated yet: start training.");
    private final Checkbox misclassifiedOnly = new Checkbox("Show misclassified only");
    private final Paragraph none = new Paragraph("No test image is misclassified.");
    private final Div cardGrid = new Div();
    private final List<PredictionCard> cards = new ArrayList<>();
    private ImageDataset data;
    private SampleImages images;
    private int[] spread;
    private TestPredictions shown;

    public PredictionGallery(ImageDataset data) {
        Div root = getContent();
        root.setId(ID);
        root.setWidthFull();
        misclassifiedOnly.setId("predictions-misclassified");
        misclassifiedOnly.addValueChangeListener(e -> redraw());
        none.setId("predictions-none");
        none.addClassName("predictions-none");
        cardGrid.addClassName("predictions-grid");
        root.add(
                header(),
                ClassLegend.caption("Each card is a test image the network never"
                        + " trained on: its true class, the network's answer, and the probability it"
                        + " gives to each class (the bars)."),
                misclassifiedOnly,
                none,
                cardGrid);
        setDataset(data);
    }

    /** Starts over with another dataset (or the same one for a new run). */
    public void setDataset(ImageDataset data) {
        this.data = Objects.requireNonNull(data, "data");
        images = new SampleImages(data.testImages());
        spread = spread(data.testLabels(), data.classes(), CARDS);
        cards.clear();
        cardGrid.removeAll();
        clear();
    }

    /** Shows no predictions, e.g. when a run is reset. */
    public void clear() {
        shown = null;
        summary.setText("Not evaluated yet: start training.");
        getElement().removeAttribute("data-step");
        redraw();
    }

    /** Shows the answers of one evaluation of the test split. */
    public void show(TestPredictions predictions) {
        if (predictions == null || predictions == shown) {
            return;
        }
        if (predictions.size() != data.testSize()) {
            throw new IllegalArgumentException("The predictions cover " + predictions.size()
                    + " test images but the dataset has " + data.testSize() + ".");
        }
        shown = predictions;
        summary.setText(String.format(
                Locale.ROOT,
                "Test images after step %,d (epoch %d): %.1f %% correct",
                predictions.step(),
                predictions.epoch(),
                100 * predictions.accuracy()));
        getElement().setAttribute("data-step", Long.toString(predictions.step()));
        redraw();
    }

    /**
     * A few samples of every class in class order: classes take turns, each giving its next
     * sample, until {@code count} are chosen, so no class is left out when there are fewer
     * cards than the spread would like.
     */
    static int[] spread(int[] labels, int classes, int count) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[] taken = new int[classes];
        int chosen = 0;
        for (boolean progress = true; progress && chosen < count; ) {
            progress = false;
            for (int c = 0; c < classes && chosen < count; c++) {
                if (taken[c] < byClass.get(c).size()) {
                    taken[c]++;
                    chosen++;
                    progress = true;
                }
            }
        }
        int[] samples = new int[chosen];
        int k = 0;
        for (int c = 0; c < classes; c++) {
            for (int t = 0; t < taken[c]; t++) {
                samples[k++] = byClass.get(c).get(t);
            }
        }
        return samples;
    }

    private void redraw() {
        boolean wrongOnly = misclassifiedOnly.getValue();
        int[] samples =
                shown == null ? new int[0] : wrongOnly ? misclassified(shown, CARDS) : spread;
        none.setVisible(shown != null && wrongOnly && samples.length == 0);
        while (cards.size() < samples.length) {
            PredictionCard card = new PredictionCard(data.classNames());
            cards.add(card);
            cardGrid.add(card);
        }
        for (int i = 0; i < cards.size(); i++) {
            PredictionCard card = cards.get(i);
            card.setVisible(i < samples.length);
            if (i < samples.length) {
                card.show(samples[i], shown, data.classNames(), images);
            }
        }
    }

    private static int[] misclassified(TestPredictions predictions, int count) {
        int[] wrong = new int[count];
        int found = 0;
        for (int i = 0; i < predictions.size() && found < count; i++) {
            if (!predictions.correct(i)) {
                wrong[found++] = i;
            }
        }
        return java.util.Arrays.copyOf(wrong, found);
    }

    private Div header() {
        H3 title = new H3("What the network predicts");
        summary.setId("predictions-summary");
        summary.addClassName("panel-summary");
        Div header = new Div(title, summary);
        header.addClassName("panel-header");
        return header;
    }
}
