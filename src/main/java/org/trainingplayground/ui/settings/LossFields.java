package org.trainingplayground.ui.settings;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;

import org.trainingplayground.core.spec.LossKind;

/** The loss function, with a note on why the network outputs logits and what each loss does. */
public class LossFields extends Composite<Div> {

    private final Select<LossKind> loss = new Select<>();
    private final Paragraph lossNote = new Paragraph();

    public LossFields(Runnable onEdit) {
        loss.setId("loss-function");
        loss.setLabel("Loss function");
        loss.setItems(LossKind.values());
        loss.setItemLabelGenerator(LossKind::label);
        loss.setWidthFull();
        loss.addValueChangeListener(e -> {
            showLossNote();
            onEdit.run();
        });
        lossNote.setId("loss-note");
        lossNote.addClassName("settings-note");
        getContent().add(loss, lossNote);
    }

    /** Shows {@code kind}; the caller keeps the change from counting as an edit. */
    public void fill(LossKind kind) {
        loss.setValue(kind);
        showLossNote();
    }

    /** The chosen loss, or null when none is chosen. */
    public LossKind value() {
        return loss.getValue();
    }

    private void showLossNote() {
        String why = "The network outputs logits (raw scores), not probabilities: probabilities"
                + " near 0 and 1 lose precision in floating point, their logarithms don't.";
        LossKind kind = loss.getValue() == null ? LossKind.CROSS_ENTROPY : loss.getValue();
        lossNote.setText(
                switch (kind) {
                    case CROSS_ENTROPY ->
                        why + " CrossEntropyLoss = LogSoftmax + NLLLoss in one"
                                + " numerically stable step.";
                    case NLL ->
                        why + " Here the network ends in LogSoftmax and NLLLoss takes the"
                                + " log-probability of the right digit: the same loss as CrossEntropyLoss,"
                                + " in two steps.";
                    case MSE ->
                        "MSELoss asks the logits to equal one-hot targets (1 for the right digit,"
                                + " 0 for the others), so it also punishes confident right answers: it"
                                + " trains worse than cross-entropy on logits.";
                });
    }
}
