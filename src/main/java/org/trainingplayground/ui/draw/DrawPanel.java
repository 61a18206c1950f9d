package org.trainingplayground.ui.draw;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.Command;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.data.DigitPreprocessing;
import org.trainingplayground.ui.image.InkPng;

/**
 * "Draw your own": the student draws a digit and the network being trained says what it sees,
 * with the probability of every class.
 *
 * <p>The drawing is prepared as the MNIST digits were ({@link DigitPreprocessing}) and shown
 * as the 28×28 picture the network gets. The answer comes from a {@link Classifier}, usually on
 * another thread; an answer that arrives after a newer drawing (or a new classifier) is
 * dropped.
 *
 * <p>Element ids: {@code draw-panel} (the whole panel), {@code draw-pad} (the {@link DrawPad}),
 * {@code draw-preview} (the 28×28 image), {@code draw-prediction} (the answer: its attribute
 * {@code data-predicted} holds the index of the predicted class while one is shown, and is
 * absent otherwise), {@code draw-predicted-class} (the class name or a hint) and
 * {@code draw-error} (a sentence when classifying failed).
 */
@CssImport("./styles/draw-panel.css")
public class DrawPanel extends Composite<Div> {

    static final String EMPTY_HINT = "Draw a digit…";

    private static final Logger log = LoggerFactory.getLogger(DrawPanel.class);
    private static final String BLANK_IMAGE = InkPng.dataUrl(
            new byte[DigitPreprocessing.SIDE * DigitPreprocessing.SIDE], DigitPreprocessing.SIDE);

    private final DrawPad pad = new DrawPad();
    private final Image preview = new Image(BLANK_IMAGE, "");
    private final Div prediction = new Div();
    private final Div predictedClass = new Div();
    private final Div bars = new Div();
    private final Paragraph error = new Paragraph();
    private final Paragraph intro = new Paragraph();
    /** What the student is asked to draw, e.g. "a digit". */
    private String subject = "a digit";

    private List<String> classNames;
    private Classifier classifier;
    /** The drawing as the network sees it; null while the pad is empty. */
    private byte[] mnist;
    /** Counts requests, so only the answer to the latest one is shown. */
    private long request;

    /**
     * @param classNames the classes in the network's output order
     * @param classifier asks the network; see {@link Classifier}
     */
    public DrawPanel(List<String> classNames, Classifier classifier) {
        this.classNames = List.copyOf(classNames);
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        Div panel = getContent();
        panel.setId("draw-panel");
        panel.setWidthFull();
        H3 heading = new H3("Draw your own");
        showIntro();
        intro.addClassName("draw-intro");
        pad.setId("draw-pad");
        pad.addDrawingListener(
                e -> show(e.isEmpty() ? null : DigitPreprocessing.toMnist(e.ink(), e.side())));
        Div row = new Div(pad, previewFigure(), predictionArea());
        row.addClassName("draw-row");
        panel.add(heading, intro, row);
        showAnswer(null, null);
    }

    /**
     * Says what to draw, for datasets other than digits.
     *
     * @param what e.g. "a piece of clothing"
     */
    public void setSubject(String what) {
        subject = Objects.requireNonNull(what, "what");
        showIntro();
        if (mnist == null) {
            hint(emptyHint());
        }
    }

    private void showIntro() {
        intro.setText("Draw " + subject + " with your mouse or finger; the network you are"
                + " training says what it sees. It sees only the 28×28 picture on the right.");
    }

    private String emptyHint() {
        return "Draw " + subject + "…";
    }

    /** Uses another network from now on (e.g. after a reset) and asks it about the drawing. */
    public void setClassifier(Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        reclassify();
    }

    /** Names the classes anew (e.g. another dataset) and asks again about the drawing. */
    public void setClassNames(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        reclassify();
    }

    /**
     * Asks the classifier again about the current drawing, e.g. while the network trains, so
     * the answer follows what it learns. Does nothing visible while the pad is empty.
     */
    public void reclassify() {
        request++;
        if (mnist == null) {
            showAnswer(null, null);
            return;
        }
        UI ui = getUI().orElse(null);
        if (ui == null) {
            return; // asked again on attach
        }
        long asked = request;
        prediction.addClassName("draw-pending"); // an answer is on its way
        CompletableFuture<float[]> answer;
        try {
            answer = classifier.classify(DigitPreprocessing.toInputs(mnist));
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        if (answer == null) {
            answer = CompletableFuture.failedFuture(
                    new IllegalStateException("the classifier gave no answer."));
        }
        answer.whenComplete((probabilities, failure) -> deliver(ui, () -> {
            if (asked == request) {
                showAnswer(probabilities, failure);
            }
        }));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (mnist != null) {
            reclassify(); // the network may have changed while the panel was away
        }
    }

    /** Shows a new drawing (null: the pad is empty) and asks the network about it. */
    private void show(byte[] drawing) {
        mnist = drawing;
        preview.setSrc(
                drawing == null ? BLANK_IMAGE : InkPng.dataUrl(drawing, DigitPreprocessing.SIDE));
        reclassify();
    }

    /** Runs {@code command} on the UI: now if this thread holds the session, else by push. */
    private static void deliver(UI ui, Command command) {
        VaadinSession session = ui.getSession();
        if (session != null && session.hasLock()) {
            command.execute();
            return;
        }
        try {
            ui.access(command);
        } catch (UIDetachedException closedMeanwhile) {
            // The tab went away while the network was thinking: nobody to tell.
        }
    }

    /** The answer, a failure, or (both null) the hint for an empty pad. */
    private void showAnswer(float[] probabilities, Throwable failure) {
        prediction.removeClassName("draw-pending");
        prediction.getElement().removeAttribute("data-predicted");
        bars.removeAll();
        error.setVisible(false);
        if (mnist == null || (probabilities == null && failure == null)) {
            hint(emptyHint());
            return;
        }
        String problem = failure != null ? failureSentence(failure) : problemWith(probabilities);
        if (problem != null) {
            hint("?");
            error.setText(problem);
            error.setVisible(true);
            return;
        }
        int best = argMax(probabilities);
        predictedClass.setText(classNames.get(best));
        predictedClass.removeClassName("draw-hint");
        prediction.getElement().setAttribute("data-predicted", String.valueOf(best));
        for (int k = 0; k < probabilities.length; k++) {
            addBar(classNames.get(k), probabilities[k], k == best);
        }
    }

    private void hint(String text) {
        predictedClass.setText(text);
        predictedClass.addClassName("draw-hint");
    }

    private void addBar(String name, float probability, boolean top) {
        Span label = new Span(name);
        Div fill = new Div();
        fill.addClassName("draw-bar");
        fill.setClassName("draw-top", top);
        // Inline: the probability itself.
        fill.getStyle().set("width", Math.max(0, Math.min(1, probability)) * 100 + "%");
        Div track = new Div(fill);
        track.addClassName("draw-bar-track");
        Span percent = new Span(String.format(Locale.ROOT, "%.1f %%", probability * 100));
        percent.addClassName("draw-percent");
        if (top) {
            label.addClassName("draw-strong");
            percent.addClassName("draw-strong");
        }
        bars.add(label, track, percent);
    }

    /** A sentence if the probabilities cannot be shown as they are, else null. */
    private String problemWith(float[] probabilities) {
        if (probabilities.length != classNames.size()) {
            return "The network could not classify the drawing: it gave " + probabilities.length
                    + " outputs for " + classNames.size() + " classes.";
        }
        for (float p : probabilities) {
            if (!Float.isFinite(p)) {
                return "The network's outputs are not numbers (NaN): its training has"
                        + " diverged, so it cannot say what it sees.";
            }
        }
        return null;
    }

    private static String failureSentence(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        // Core's refusals are sentences for the page; anything else is an internal error,
        // whose message belongs in the log only (rate-limited: drawings come often).
        boolean sentence =
                cause instanceof IllegalStateException || cause instanceof IllegalArgumentException;
        if (!sentence) {
            log.warn("Classifying a drawing failed: {}", cause.toString());
        }
        String reason =
                !sentence || cause.getMessage() == null || cause.getMessage().isBlank()
                        ? "an internal error stopped it."
                        : cause.getMessage().strip();
        if (!reason.endsWith(".") && !reason.endsWith("!") && !reason.endsWith("?")) {
            reason += ".";
        }
        return "The network could not classify the drawing: " + reason;
    }

    private Div previewFigure() {
        preview.setId("draw-preview");
        preview.setAlt("What the network sees: the drawing as a 28×28 image");
        preview.setWidth("112px");
        preview.setHeight("112px");
        // Each of the 28×28 pixels as a sharp square: blurring would hide what the network gets.
        preview.addClassName("draw-preview");
        Span caption = new Span("What the network sees (28×28)");
        caption.addClassName("draw-caption");
        Div figure = new Div(preview, caption);
        figure.addClassName("draw-figure");
        return figure;
    }

    private Div predictionArea() {
        prediction.setId("draw-prediction");
        predictedClass.setId("draw-predicted-class");
        predictedClass.addClassName("draw-predicted-class");
        bars.addClassName("draw-bars");
        error.setId("draw-error");
        error.addClassName("draw-error");
        prediction.add(predictedClass, bars, error);
        prediction.addClassName("draw-prediction");
        return prediction;
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
