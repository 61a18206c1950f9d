package org.trainingplayground.ui.autograd;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.trainingplayground.core.autograd.AutogradExample;

/** The lesson's example: x, y = x**2, z = y.mean(), then x.grad beside x / 2. */
final class AutogradExampleCard extends Div {

    private final LongFunction<CompletableFuture<AutogradExample>> examples;
    private final SplittableRandom seeds = new SplittableRandom();
    private final Div values = new Div();
    private boolean shown;
    private boolean computing;
    private int computed;
    private final List<Runnable> shownListeners = new ArrayList<>();

    AutogradExampleCard(LongFunction<CompletableFuture<AutogradExample>> examples) {
        this.examples = examples;
        setId("autograd-example");
        addClassNames("step-part", "autograd-example");
        Span title = new Span("The lesson's example, computed by the engine");
        title.addClassName("autograd-example-title");
        Button again = new Button("New random x");
        again.setId("autograd-example-new");
        again.addClickListener(e -> compute(e.getSource().getUI().orElseThrow()));
        values.addClassName("autograd-example-values");
        add(title, values, again);
    }

    void showFirst(UI ui) {
        if (!shown) {
            shown = true;
            compute(ui);
        }
    }

    private void compute(UI ui) {
        if (computing) {
            return; // one at a time: a script clicking fast cannot fill the scheduler's queue
        }
        computing = true;
        examples.apply(seeds.nextLong())
                .whenComplete((result, failure) -> ui.access(() -> {
                    computing = false;
                    if (failure != null) {
                        values.removeAll();
                        values.add(new Paragraph("The example could not be computed right now: "
                                + "the training engine is stopping."));
                    } else {
                        show(result);
                    }
                }));
    }

    int computed() {
        return computed;
    }

    void addShownListener(Runnable listener) {
        shownListeners.add(listener);
    }

    void show(AutogradExample e) {
        computed++;
        values.removeAll();
        values.add(
                line("x = torch.randn(2, 2, requires_grad=True)", matrix("autograd-x", e.x())),
                line("y = x ** 2", matrix("autograd-y", e.y()), gradFn(e.yGradFn())),
                line(
                        "z = y.mean()",
                        new Span(String.format(Locale.ROOT, "%.4f", e.z())),
                        gradFn(e.zGradFn())),
                line("z.backward()"),
                line("x.grad", matrix("autograd-grad", e.grad())),
                line("x / 2", matrix("autograd-half", half(e.x()))));
        Paragraph why = new Paragraph(String.format(
                Locale.ROOT,
                "x.grad %s x / 2: z = (x₁² + x₂² + x₃² + x₄²) / 4, so ∂z/∂xᵢ = 2xᵢ / 4 = xᵢ / 2.",
                equal(e.grad(), half(e.x())) ? "equals" : "differs from"));
        why.setId("autograd-example-why");
        why.addClassName("autograd-text");
        values.add(why);
        shownListeners.forEach(Runnable::run);
    }

    private static float[] half(float[] x) {
        float[] half = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            half[i] = x[i] / 2;
        }
        return half;
    }

    private static boolean equal(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-6f) {
                return false;
            }
        }
        return true;
    }

    private static Div line(String code, Component... shown) {
        Span source = new Span(code);
        source.addClassName("autograd-code");
        Div line = new Div(source);
        line.add(shown);
        line.addClassName("autograd-example-line");
        return line;
    }

    private static Span gradFn(String name) {
        Span span = new Span("grad_fn=<" + name + ">");
        span.addClassName("autograd-grad-fn");
        return span;
    }

    /** A 2×2 tensor as PyTorch prints it, with its values in {@code data-values}. */
    private static Span matrix(String id, float[] v) {
        Span m = new Span(
                String.format(Locale.ROOT, "[[%.4f, %.4f], [%.4f, %.4f]]", v[0], v[1], v[2], v[3]));
        m.setId(id);
        m.addClassName("autograd-matrix");
        m.getElement()
                .setAttribute(
                        "data-values",
                        String.format(Locale.ROOT, "%s,%s,%s,%s", v[0], v[1], v[2], v[3]));
        return m;
    }
}
