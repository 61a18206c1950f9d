package org.trainingplayground.ui.autograd;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.trainingplayground.core.autograd.AutogradExample;
import org.trainingplayground.core.autograd.AutogradGraph;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.spec.LossKind;
import org.trainingplayground.core.spec.RunSpec;

/**
 * Autograd made visible, beside the step-through: the graph the forward pass records for the
 * run's network and loss, the backward pass running through it after each step shown, and the
 * lesson's small example computed by the engine.
 */
@CssImport("./styles/autograd.css")
@CssImport("./styles/step-view.css")
@CssImport("./styles/panels.css")
public class AutogradPanel extends Composite<Div> {

    private final AutogradGraphView graph = new AutogradGraphView();
    private final Paragraph lossNote = new Paragraph();
    private final AutogradExampleCard example;
    private final Button step = new Button("Step: one batch, then backward");
    private RunSpec shownSpec;
    private StepDetail shownDetail;

    /**
     * @param examples computes the example for a seed (on the engine, between two steps)
     * @param onStep takes one training step, as the Step button above does
     */
    public AutogradPanel(
            LongFunction<CompletableFuture<AutogradExample>> examples, Runnable onStep) {
        example = new AutogradExampleCard(examples);
        // Here too, so the graph and the button that runs it fit on one screen.
        step.setId("autograd-step");
        step.addClickListener(e -> onStep.run());
        Div panel = getContent();
        panel.setId("autograd-view");
        panel.addClassName("autograd-view");
        H3 heading = new H3("Autograd: the graph behind loss.backward()");
        Div header = new Div(heading);
        header.addClassName("panel-header");
        Paragraph intro = new Paragraph("While the forward pass runs, autograd records every"
                + " operation on tensors that require grad: one node per operation, named as"
                + " PyTorch names its grad_fn. loss.backward() then goes backwards through"
                + " them, from the loss to the weights and biases (the leaves, in green), and"
                + " leaves each one's gradient in its .grad. The input batch needs no gradient"
                + " (requires_grad=False).");
        intro.addClassName("autograd-text");
        lossNote.setId("autograd-loss-note");
        lossNote.addClassName("autograd-text");
        Paragraph watch = new Paragraph("Press Step and watch backward arrive at each leaf,"
                + " where ‖.grad‖ appears; add a layer or switch the loss, and the graph changes"
                + " with it.");
        watch.addClassName("autograd-text");
        Div explained = new Div(intro, lossNote, watch, step, example);
        explained.addClassName("autograd-explained");
        Div body = new Div(graph, explained);
        body.addClassName("autograd-body");
        panel.add(header, body);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        example.showFirst(attachEvent.getUI());
    }

    /**
     * Shows the graph of {@code spec} and the backward pass of {@code detail}, the step the
     * step-through shows (null before a run's first step).
     *
     * @param paused whether a step can be taken now
     */
    public void follow(RunSpec spec, StepDetail detail, boolean paused) {
        step.setEnabled(paused);
        if (!spec.equals(shownSpec)) {
            shownSpec = spec;
            graph.show(AutogradGraph.of(spec), criterion(spec.loss()));
            lossNote.setText(lossSentence(spec.loss()));
            shownDetail = null;
        }
        if (detail != shownDetail) {
            shownDetail = detail;
            if (detail == null) {
                graph.clearBackward();
            } else {
                graph.backward(detail.step(), detail.gradNorms());
            }
        }
    }

    private static String criterion(LossKind loss) {
        return switch (loss) {
            case CROSS_ENTROPY -> "criterion = nn.CrossEntropyLoss()";
            case NLL -> "criterion = nn.NLLLoss()";
            case MSE -> "criterion = nn.MSELoss()";
        };
    }

    private static String lossSentence(LossKind loss) {
        return switch (loss) {
            case CROSS_ENTROPY ->
                "nn.CrossEntropyLoss takes the raw logits and records two"
                        + " operations itself (the dashed frame): LogSoftmaxBackward0, then"
                        + " NllLossBackward0.";
            case NLL ->
                "The model ends in nn.LogSoftmax, so it records LogSoftmaxBackward0;"
                        + " nn.NLLLoss records only NllLossBackward0 (the dashed frame). The same"
                        + " graph as CrossEntropyLoss, cut in another place.";
            case MSE ->
                "nn.MSELoss compares the logits with one-hot targets (the dashed"
                        + " frame): MseLossBackward0.";
        };
    }

    /** How many examples this page has computed and shown. */
    public int examplesComputed() {
        return example.computed();
    }

    /** Runs {@code listener} (UI thread) each time a new example is shown. */
    public void addExampleListener(Runnable listener) {
        example.addShownListener(listener);
    }

    /** The graph drawn (for tests). */
    AutogradGraphView graph() {
        return graph;
    }
}
