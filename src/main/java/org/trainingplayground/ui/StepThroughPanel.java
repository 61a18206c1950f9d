package org.trainingplayground.ui;

import static org.trainingplayground.ui.StepParts.argMax;
import static org.trainingplayground.ui.StepParts.bar;
import static org.trainingplayground.ui.StepParts.headerRow;
import static org.trainingplayground.ui.StepParts.mono;
import static org.trainingplayground.ui.StepParts.number;
import static org.trainingplayground.ui.StepParts.part;
import static org.trainingplayground.ui.StepParts.row;
import static org.trainingplayground.ui.StepParts.small;
import static org.trainingplayground.ui.StepParts.table;
import static org.trainingplayground.ui.StepParts.text;
import static org.trainingplayground.ui.StepParts.warning;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.OptimizerKind;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.ui.image.InkPng;

/**
 * The lesson's loop made visible for the batch just stepped: forward, loss, backward, step, in
 * four cards. It only shows what it is given; the view feeds it the session's latest detail.
 */
@CssImport("./styles/step-view.css")
@CssImport("./styles/panels.css")
class StepThroughPanel extends Composite<Div> {

    /** Update:weight ratios inside this band are the usual rule of thumb for a healthy step. */
    static final double HEALTHY_RATIO_LOW = 1e-4;

    static final double HEALTHY_RATIO_HIGH = 1e-2;

    /** How often the view follows a run that trains slowed down. */
    private static final long FOLLOW_INTERVAL_NANOS = 950_000_000L;

    private StepDetail shown;
    private long shownNanos;
    private static final int IMAGES_SHOWN = 8;

    private final Span title = new Span();
    private final Paragraph hint = new Paragraph("Press Step to take one batch through the loop.");
    private final Div accumulated = new Div();
    private final Div parts = new Div();
    private long shownStep;

    StepThroughPanel() {
        Div panel = getContent();
        panel.setId("step-view");
        panel.setWidthFull();
        H3 heading = new H3("One step, taken apart");
        title.setId("step-view-title");
        title.addClassName("panel-summary");
        Div header = new Div(heading, title);
        header.addClassName("panel-header");
        hint.setId("step-view-hint");
        hint.addClassName("step-hint");
        accumulated.setId("gradients-accumulated");
        accumulated.addClassName("step-accumulated");
        accumulated.setText("Gradients accumulated: zero_grad was skipped, so the gradients"
                + " below are this batch's plus every earlier step's since then. The steps"
                + " grow larger and larger.");
        parts.addClassName("step-parts");
        panel.add(header, hint, accumulated, parts);
        show(null, null);
    }

    /**
     * Shows the latest step taken apart when it is due. Rebuilding this view is most of a push
     * (about 130 KB: images, tables, 64 bars): at full speed it waits for the pause; slowed
     * down it follows at most once a second, which is every step at 1 step/s, the pace it is
     * read at.
     */
    void follow(StepDetail latest, RunSpec spec, boolean running, double stepsPerSecond) {
        long now = System.nanoTime();
        boolean due = !running || (stepsPerSecond > 0 && now - shownNanos >= FOLLOW_INTERVAL_NANOS);
        if (latest != shown && due) {
            shown = latest;
            shownNanos = now;
            show(latest, spec);
        }
    }

    /** Shows {@code detail} (null before the first step) of a run built with {@code spec}. */
    void show(StepDetail detail, RunSpec spec) {
        parts.removeAll();
        boolean any = detail != null && spec != null;
        hint.setVisible(!any);
        parts.setVisible(any);
        accumulated.setVisible(any && detail.gradientsAccumulated());
        if (!any) {
            shownStep = 0;
            title.setText("");
            return;
        }
        shownStep = detail.step();
        title.setText(String.format(
                Locale.ROOT,
                "Step %d: the batch of %d %s just trained",
                detail.step(),
                detail.sampleLosses().length,
                detail.imageSide() == 0 ? "points" : "images"));
        List<String> names = spec.network().parameterNames();
        parts.add(
                forward(detail),
                loss(detail, spec.loss()),
                backward(detail, names),
                update(detail, names, spec.optimizer()));
    }

    /** The step shown taken apart, null when none. */
    StepDetail shownDetail() {
        return shown;
    }

    /** The step shown, 0 when none. */
    long shownStep() {
        return shownStep;
    }

    private Div forward(StepDetail d) {
        Div images = new Div();
        images.addClassName("step-images");
        for (int i = 0; i < Math.min(IMAGES_SHOWN, d.points().length); i++) {
            // A point has no picture: its two coordinates are the network's whole input.
            Span point = new Span(String.format(
                    Locale.ROOT,
                    "(%+.2f, %+.2f) → class %d",
                    d.points()[i][0],
                    d.points()[i][1],
                    d.labels()[i]));
            point.addClassName("step-point");
            point.setClassName("step-sample", i == d.sample());
            images.add(point);
        }
        for (int i = 0; i < Math.min(IMAGES_SHOWN, d.images().length); i++) {
            Image digit = new Image(
                    InkPng.dataUrl(d.images()[i], d.imageSide()),
                    "an image of class " + d.labels()[i]);
            digit.setWidth("56px");
            digit.setHeight("56px");
            digit.addClassName("step-digit");
            digit.setClassName("step-sample", i == d.sample());
            Span label = small(String.valueOf(d.labels()[i]));
            Div figure = new Div(digit, label);
            figure.addClassName("step-figure");
            images.add(figure);
        }
        int label = d.labels()[d.sample()];
        int predicted = argMax(d.probabilities());
        Div outputs = new Div();
        outputs.addClassName("step-outputs");
        outputs.getElement().setAttribute("role", "table");
        outputs.getElement().setAttribute("aria-label", "The first sample's outputs");
        outputs.add(headerRow(small("class"), small("logit"), small("probability"), small("")));
        for (int k = 0; k < d.logits().length; k++) {
            String note = k == label && k == predicted
                    ? "true, predicted"
                    : k == label ? "true" : k == predicted ? "predicted" : "";
            Span digit = new Span(String.valueOf(k));
            Span logit = new Span(String.format(Locale.ROOT, "%+.2f", d.logits()[k]));
            Div bar = bar(d.probabilities()[k], k == label);
            Span percent = new Span(
                    String.format(Locale.ROOT, "%.1f %% %s", d.probabilities()[k] * 100, note));
            if (k == label || k == predicted) {
                for (Span cell : List.of(digit, logit, percent)) {
                    cell.addClassName("step-strong");
                }
            }
            outputs.add(row(digit, logit, bar, percent));
        }
        return part(
                "1",
                "Forward",
                "logits = model(inputs)",
                images,
                text("The first sample (framed, class " + label + ") gives "
                        + d.logits().length + " raw outputs, the logits; softmax turns them"
                        + " into probabilities that add up to 1."),
                outputs);
    }

    private Div loss(StepDetail d, LossKind kind) {
        float[] losses = d.sampleLosses();
        float max = 0;
        for (float l : losses) {
            max = Math.max(max, Float.isFinite(l) ? l : 0);
        }
        Div strip = new Div();
        strip.addClassName("step-loss-strip");
        for (int i = 0; i < losses.length; i++) {
            Div column = new Div();
            double height = max == 0 ? 0 : Math.max(0, losses[i]) / max * 100;
            column.addClassName("step-loss-column");
            column.setClassName("step-sample", i == d.sample());
            column.getStyle().set("height", height + "%"); // inline: the sample's own loss
            column.setTitle(String.format(Locale.ROOT, "sample %d: loss %.3f", i + 1, losses[i]));
            strip.add(column);
        }
        int label = d.labels()[d.sample()];
        String first =
                String.format(Locale.ROOT, "The first sample's loss is %.3f", losses[d.sample()]);
        if (kind != LossKind.MSE) {
            first += String.format(
                    Locale.ROOT,
                    " = −ln(%.3f), the probability it gave the true class %d",
                    d.probabilities()[label],
                    label);
        }
        Div value = new Div(String.format(Locale.ROOT, "%.4f", d.loss()));
        value.setId("step-view-loss");
        value.addClassName("step-loss-value");
        return part(
                "2",
                "Loss",
                "loss = loss_fn(logits, labels)",
                value,
                text(String.format(
                        Locale.ROOT,
                        "The batch loss is the mean of the %d"
                                + " per-sample losses below (one bar each, %s):",
                        losses.length,
                        kind.label())),
                strip,
                text(first + "."));
    }

    private Div backward(StepDetail d, List<String> names) {
        Div table = table("‖gradient‖", null);
        for (int p = 0; p < names.size() && p < d.gradNorms().length; p++) {
            table.add(row(mono(names.get(p)), number(d.gradNorms()[p]), new Span()));
        }
        Div watched = text(String.format(
                Locale.ROOT,
                "The watched weight %s (from the centre"
                        + " pixel to the first hidden unit) has the gradient ∂loss/∂w = %s.",
                d.watchedWeight(),
                number(d.watchedGradient()).getText()));
        Component[] content = d.gradientsAccumulated()
                ? new Component[] {
                    table,
                    watched,
                    warning("Accumulated: these gradients still"
                            + " hold earlier steps', because zero_grad was skipped.")
                }
                : new Component[] {table, watched};
        Div part = part(
                "3",
                "Backward",
                "loss.backward()",
                text("Backpropagation gives every weight and bias its gradient. The size"
                        + " (L2 norm) of each layer's gradient:"));
        part.add(content);
        return part;
    }

    private Div update(StepDetail d, List<String> names, OptimizerSpec optimizer) {
        Div watched = new Div(
                new Span(d.watchedWeight() + ": "),
                new Span(String.format(
                        Locale.ROOT, "%.6f → %.6f", d.watchedBefore(), d.watchedAfter())));
        watched.addClassName("step-watched");
        boolean plainSgd = optimizer.kind() == OptimizerKind.SGD
                && optimizer.momentum() == 0
                && optimizer.weightDecay() == 0;
        Div why;
        if (!plainSgd) {
            why = text(
                    "After ≠ before − lr × gradient here: " + optimizer.kind().label()
                            + " also uses running averages of earlier gradients.");
        } else if (d.watchedGradient() == 0) {
            why = text("Its gradient is 0, so plain SGD leaves it where it was.");
        } else {
            // The rate is read back from the step itself, so a live change of it shows at once.
            double rate = (d.watchedBefore() - d.watchedAfter()) / d.watchedGradient();
            String gradient = number(d.watchedGradient()).getText();
            why = text(String.format(
                    Locale.ROOT,
                    "Plain SGD: after = before − lr × gradient = %.6f − %s × %s = %.6f",
                    d.watchedBefore(),
                    new BigDecimal(rate, new MathContext(3))
                            .stripTrailingZeros()
                            .toPlainString(),
                    d.watchedGradient() < 0 ? "(" + gradient + ")" : gradient,
                    d.watchedAfter()));
        }
        Div table = table("‖update‖", "update : weight");
        for (int p = 0; p < names.size() && p < d.updateNorms().length; p++) {
            float ratio = d.updateRatios()[p];
            Span ratioCell = number(ratio);
            boolean healthy = ratio >= HEALTHY_RATIO_LOW && ratio <= HEALTHY_RATIO_HIGH;
            ratioCell.addClassName(healthy ? "step-healthy" : "step-unhealthy");
            table.add(row(mono(names.get(p)), number(d.updateNorms()[p]), ratioCell));
        }
        return part(
                "4",
                "Step",
                "optimizer.step()",
                text("The optimizer moves every weight against its gradient. The weight we"
                        + " watch, before → after:"),
                watched,
                why,
                table,
                text("Update : weight is the size of a layer's change divided by the size of"
                        + " its weights; about 1e-3 (green between 1e-4 and 1e-2) is a healthy"
                        + " step."));
    }
}
