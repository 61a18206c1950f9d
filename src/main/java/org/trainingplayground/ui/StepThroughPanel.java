package org.trainingplayground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
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
class StepThroughPanel extends Composite<Div> {

    /** Update:weight ratios inside this band are the usual rule of thumb for a healthy step. */
    static final double HEALTHY_RATIO_LOW = 1e-4;

    static final double HEALTHY_RATIO_HIGH = 1e-2;

    private static final String MUTED = "var(--lumo-secondary-text-color)";
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
        heading.getStyle().set("margin", "0");
        title.setId("step-view-title");
        title.getStyle().set("color", MUTED).set("font-size", "0.9em");
        Div header = new Div(heading, title);
        header.getStyle()
                .set("display", "flex")
                .set("gap", "var(--lumo-space-m)")
                .set("align-items", "baseline")
                .set("flex-wrap", "wrap");
        hint.setId("step-view-hint");
        hint.getStyle().set("margin", "var(--lumo-space-xs) 0").set("color", MUTED);
        accumulated.setId("gradients-accumulated");
        accumulated
                .getStyle()
                .set("background", "var(--lumo-error-color-10pct)")
                .set("color", "var(--lumo-error-text-color)")
                .set("font-weight", "600")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("margin", "var(--lumo-space-xs) 0")
                .set("font-size", "0.9em");
        accumulated.setText("Gradients accumulated: zero_grad was skipped, so the gradients"
                + " below are this batch's plus every earlier step's since then. The steps"
                + " grow larger and larger.");
        parts.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(auto-fit, minmax(250px, 1fr))")
                .set("gap", "var(--lumo-space-s)")
                .set("margin-top", "var(--lumo-space-xs)");
        panel.add(header, hint, accumulated, parts);
        show(null, null);
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

    /** The step shown, 0 when none. */
    long shownStep() {
        return shownStep;
    }

    private Div forward(StepDetail d) {
        Div images = new Div();
        images.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-xs)");
        for (int i = 0; i < Math.min(IMAGES_SHOWN, d.points().length); i++) {
            // A point has no picture: its two coordinates are the network's whole input.
            Span point = new Span(String.format(
                    Locale.ROOT,
                    "(%+.2f, %+.2f) → class %d",
                    d.points()[i][0],
                    d.points()[i][1],
                    d.labels()[i]));
            point.getStyle()
                    .set("font-size", "0.8em")
                    .set("font-variant-numeric", "tabular-nums")
                    .set("padding", "2px 4px")
                    .set(
                            "border",
                            i == d.sample()
                                    ? "2px solid var(--lumo-primary-color)"
                                    : "2px solid var(--lumo-contrast-10pct)");
            images.add(point);
        }
        for (int i = 0; i < Math.min(IMAGES_SHOWN, d.images().length); i++) {
            Image digit = new Image(
                    InkPng.dataUrl(d.images()[i], d.imageSide()),
                    "an image of class " + d.labels()[i]);
            digit.setWidth("56px");
            digit.setHeight("56px");
            digit.getStyle()
                    .set("image-rendering", "pixelated")
                    .set("display", "block")
                    .set(
                            "border",
                            i == d.sample()
                                    ? "2px solid var(--lumo-primary-color)"
                                    : "2px solid var(--lumo-contrast-10pct)");
            Span label = small(String.valueOf(d.labels()[i]));
            Div figure = new Div(digit, label);
            figure.getStyle().set("text-align", "center");
            images.add(figure);
        }
        int label = d.labels()[d.sample()];
        int predicted = argMax(d.probabilities());
        Div outputs = new Div();
        outputs.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "auto auto 1fr auto")
                .set("column-gap", "var(--lumo-space-s)")
                .set("font-size", "0.8em")
                .set("font-variant-numeric", "tabular-nums")
                .set("align-items", "center");
        outputs.add(small("class"), small("logit"), small("probability"), small(""));
        for (int k = 0; k < d.logits().length; k++) {
            String note = k == label && k == predicted
                    ? "true, predicted"
                    : k == label ? "true" : k == predicted ? "predicted" : "";
            Span digit = new Span(String.valueOf(k));
            Span logit = new Span(String.format(Locale.ROOT, "%+.2f", d.logits()[k]));
            Div bar = bar(
                    d.probabilities()[k],
                    k == label ? "var(--lumo-success-color)" : "var(--lumo-primary-color-50pct)");
            Span percent = new Span(
                    String.format(Locale.ROOT, "%.1f %% %s", d.probabilities()[k] * 100, note));
            if (k == label || k == predicted) {
                for (Span cell : List.of(digit, logit, percent)) {
                    cell.getStyle().set("font-weight", "700");
                }
            }
            outputs.add(digit, logit, bar, percent);
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
        strip.getStyle()
                .set("display", "flex")
                .set("align-items", "flex-end")
                .set("gap", "1px")
                .set("height", "48px")
                .set("border-bottom", "1px solid var(--lumo-contrast-30pct)");
        for (int i = 0; i < losses.length; i++) {
            Div column = new Div();
            double height = max == 0 ? 0 : Math.max(0, losses[i]) / max * 100;
            column.getStyle()
                    .set("flex", "1")
                    .set("height", height + "%")
                    .set(
                            "background",
                            i == d.sample()
                                    ? "var(--lumo-primary-color)"
                                    : "var(--lumo-contrast-40pct)");
            column.setTitle(String.format(Locale.ROOT, "sample %d: loss %.3f", i + 1, losses[i]));
            strip.add(column);
        }
        int label = d.labels()[d.sample()];
        String first =
                String.format(Locale.ROOT, "The first sample's loss is %.3f", losses[d.sample()]);
        if (kind != LossKind.MSE) {
            first += String.format(
                    Locale.ROOT,
                    " = −ln(%.3f), the probability it gave the" + " true class %d",
                    d.probabilities()[label],
                    label);
        }
        Div value = new Div(String.format(Locale.ROOT, "%.4f", d.loss()));
        value.setId("step-view-loss");
        value.getStyle().set("font-size", "1.6em").set("font-weight", "600");
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
            table.add(mono(names.get(p)), number(d.gradNorms()[p]), new Span());
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
        watched.getStyle().set("font-family", "monospace").set("font-size", "0.85em");
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
                    "Plain SGD: after = before − lr × gradient" + " = %.6f − %s × %s = %.6f",
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
            ratioCell
                    .getStyle()
                    .set(
                            "color",
                            healthy
                                    ? "var(--lumo-success-text-color)"
                                    : "var(--lumo-warning-text-color, #8a6d00)");
            table.add(mono(names.get(p)), number(d.updateNorms()[p]), ratioCell);
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

    private static Div part(String number, String name, String code, Component... content) {
        Span badge = new Span(number);
        badge.getStyle()
                .set("background", "var(--lumo-primary-color)")
                .set("color", "var(--lumo-primary-contrast-color)")
                .set("border-radius", "50%")
                .set("width", "1.5em")
                .set("height", "1.5em")
                .set("display", "inline-flex")
                .set("align-items", "center")
                .set("justify-content", "center")
                .set("font-size", "0.85em")
                .set("font-weight", "700");
        Span heading = new Span(name);
        heading.getStyle().set("font-weight", "700");
        Span source = mono(code);
        source.getStyle().set("color", MUTED);
        Div top = new Div(badge, heading, source);
        top.getStyle()
                .set("display", "flex")
                .set("gap", "var(--lumo-space-s)")
                .set("align-items", "center")
                .set("flex-wrap", "wrap");
        Div part = new Div(top);
        part.add(content);
        part.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s)")
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("gap", "var(--lumo-space-xs)")
                .set("min-width", "0");
        return part;
    }

    /** A three-column table: tensor name, a measurement and an optional second one. */
    private static Div table(String first, String second) {
        Div table = new Div(small("tensor"), small(first), small(second == null ? "" : second));
        table.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "auto auto auto")
                .set("justify-content", "start")
                .set("column-gap", "var(--lumo-space-m)")
                .set("font-size", "0.8em")
                .set("font-variant-numeric", "tabular-nums");
        return table;
    }

    private static Div bar(float fraction, String colour) {
        Div fill = new Div();
        fill.getStyle()
                .set("height", "100%")
                .set("background", colour)
                .set("width", Math.max(0, Math.min(1, fraction)) * 100 + "%");
        Div track = new Div(fill);
        track.getStyle()
                .set("height", "0.7em")
                .set("background", "var(--lumo-contrast-5pct)")
                .set("min-width", "40px");
        return track;
    }

    private static Div text(String sentence) {
        Div text = new Div(sentence);
        text.getStyle().set("font-size", "0.8em").set("color", MUTED);
        return text;
    }

    private static Div warning(String sentence) {
        Div text = new Div(sentence);
        text.getStyle()
                .set("font-size", "0.8em")
                .set("font-weight", "600")
                .set("color", "var(--lumo-error-text-color)");
        return text;
    }

    private static Span small(String text) {
        Span span = new Span(text);
        span.getStyle().set("font-size", "0.85em").set("color", MUTED);
        return span;
    }

    private static Span mono(String text) {
        Span span = new Span(text);
        span.getStyle().set("font-family", "monospace").set("font-size", "0.9em");
        return span;
    }

    /** Small and large values alike, with three significant digits. */
    static Span number(double value) {
        String text;
        if (!Double.isFinite(value)) {
            text = "–";
        } else if (value == 0 || (Math.abs(value) >= 0.01 && Math.abs(value) < 1000)) {
            text = String.format(Locale.ROOT, "%.3g", value);
        } else {
            text = String.format(Locale.ROOT, "%.2e", value)
                    .replaceAll("e([+-])0*(\\d)", "e$1$2")
                    .replace("e+", "e");
        }
        return new Span(text);
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
