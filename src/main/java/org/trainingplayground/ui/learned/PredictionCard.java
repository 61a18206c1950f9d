package org.trainingplayground.ui.learned;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.trainingplayground.core.metrics.TestPredictions;

/**
 * One test image with its true class, the network's answer and a bar per class for the
 * probabilities, as the lesson's {@code view_classify} draws them. A card is reused across
 * updates: only texts, bar widths and the border change; the image only when the card moves to
 * another sample.
 */
final class PredictionCard extends Composite<Div> {

    static final String CSS_CLASS = "prediction-card";

    private static final String CORRECT_COLOUR = "var(--lumo-success-color)";
    private static final String WRONG_COLOUR = "var(--lumo-error-color)";

    private final Image image = new Image();
    private final Span truth = new Span();
    private final Span mark = new Span();
    private final Span answer = new Span();
    private final Div[] bars;
    private int sample = -1;

    PredictionCard(List<String> classNames) {
        Div card = getContent();
        card.addClassName(CSS_CLASS);
        card.getStyle()
                .set("border", "2px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-xs)")
                .set("font-size", "0.75em")
                .set("display", "grid")
                .set("grid-template-columns", "56px 1fr")
                .set("gap", "var(--lumo-space-xs)")
                .set("min-width", "0");
        image.setWidth("56px");
        image.setHeight("56px");
        image.getStyle().set("image-rendering", "pixelated").set("display", "block");
        mark.getStyle().set("font-weight", "600").set("white-space", "nowrap");
        Div labels = new Div(truth, answer, mark);
        labels.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("min-width", "0");
        bars = new Div[classNames.size()];
        card.add(image, labels, probabilities(classNames));
    }

    /** Shows test sample {@code sample} as {@code predictions} sees it. */
    void show(
            int sample, TestPredictions predictions, List<String> classNames, SampleImages images) {
        if (sample != this.sample) {
            this.sample = sample;
            image.setSrc(images.dataUrl(sample));
            image.setAlt("test image " + sample);
            truth.setText("true: " + classNames.get(predictions.labels()[sample]));
        }
        int predicted = predictions.predicted()[sample];
        boolean correct = predictions.correct(sample);
        answer.setText("predicted: " + classNames.get(predicted));
        mark.setText(String.format(
                Locale.ROOT,
                "%s (%.0f %%)",
                correct ? "✓ correct" : "✗ wrong",
                100 * predictions.probability(sample, predicted)));
        String colour = correct ? CORRECT_COLOUR : WRONG_COLOUR;
        mark.getStyle()
                .set(
                        "color",
                        correct
                                ? "var(--lumo-success-text-color)"
                                : "var(--lumo-error-text-color)");
        getContent().getStyle().set("border-color", colour);
        getContent().getElement().setAttribute("data-correct", Boolean.toString(correct));
        getContent().getElement().setAttribute("data-sample", Integer.toString(sample));
        for (int c = 0; c < bars.length; c++) {
            float p = predictions.probability(sample, c);
            // Whole percent is as fine as a student can see, and unchanged bars send nothing.
            bars[c].getStyle()
                    .set("width", Math.round(100 * p) + "%")
                    .set("background", c == predicted ? colour : "var(--lumo-contrast-40pct)");
        }
    }

    int sample() {
        return sample;
    }

    boolean isCorrect() {
        return "true".equals(getContent().getElement().getAttribute("data-correct"));
    }

    private Div probabilities(List<String> classNames) {
        Div table = new Div();
        table.getStyle()
                .set("grid-column", "1 / -1")
                .set("display", "grid")
                .set("grid-template-columns", "minmax(0, max-content) 1fr")
                .set("column-gap", "var(--lumo-space-xs)")
                .set("align-items", "center")
                .set("line-height", "1.15");
        for (int c = 0; c < classNames.size(); c++) {
            Span name = new Span(classNames.get(c));
            name.getStyle()
                    .set("white-space", "nowrap")
                    .set("overflow", "hidden")
                    .set("text-overflow", "ellipsis")
                    .set("color", "var(--lumo-secondary-text-color)");
            name.getElement().setAttribute("title", classNames.get(c));
            bars[c] = new Div();
            bars[c].getStyle().set("height", "0.6em").set("width", "0").set("min-width", "1px");
            Div track = new Div(bars[c]);
            track.getStyle().set("background", "var(--lumo-contrast-5pct)");
            table.add(name, track);
        }
        return table;
    }
}
