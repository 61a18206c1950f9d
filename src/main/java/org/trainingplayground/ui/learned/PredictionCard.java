package org.trainingplayground.ui.learned;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.CssImport;
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
@CssImport("./styles/prediction-card.css")
final class PredictionCard extends Composite<Div> {

    static final String CSS_CLASS = "prediction-card";

    private final Image image = new Image();
    private final Span truth = new Span();
    private final Span mark = new Span();
    private final Span answer = new Span();
    private final Div[] bars;
    private int sample = -1;

    PredictionCard(List<String> classNames) {
        Div card = getContent();
        card.addClassName(CSS_CLASS);
        image.setWidth("56px");
        image.setHeight("56px");
        image.addClassName("prediction-image");
        mark.addClassName("prediction-mark");
        Div labels = new Div(truth, answer, mark);
        labels.addClassName("prediction-labels");
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
        // The stylesheet colours the frame, the mark and the predicted bar by data-correct.
        getContent().getElement().setAttribute("data-correct", Boolean.toString(correct));
        getContent().getElement().setAttribute("data-sample", Integer.toString(sample));
        for (int c = 0; c < bars.length; c++) {
            float p = predictions.probability(sample, c);
            // Whole percent is as fine as a student can see, and unchanged bars send nothing.
            bars[c].getStyle().set("width", Math.round(100 * p) + "%");
            bars[c].setClassName("prediction-predicted", c == predicted);
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
        table.addClassName("prediction-table");
        for (int c = 0; c < classNames.size(); c++) {
            Span name = new Span(classNames.get(c));
            name.addClassName("prediction-class");
            name.getElement().setAttribute("title", classNames.get(c));
            bars[c] = new Div();
            bars[c].addClassName("prediction-bar");
            Div track = new Div(bars[c]);
            track.addClassName("prediction-track");
            table.add(name, track);
        }
        return table;
    }
}
