package org.trainingplayground.ui.tour;

import java.util.function.BiPredicate;
import org.trainingplayground.core.spec.LossKind;

/**
 * The six steps of "Train your first network": what each explains, the part of the page it
 * points at, what it asks the student to do there, and how the tour sees that it was done.
 */
enum TourStep {
    LOSS(
            "The loss",
            "controls",
            "The loss is one number that says how wrong the network is on a batch: for"
                    + " cross-entropy, −ln of the probability it gave the true class. Training"
                    + " means making this number smaller, batch after batch.",
            "Press Step once and find the batch's loss in the loss chart below the"
                    + " buttons, and in \"One step, taken apart\" further down.",
            (start, now) -> now.steps() > start.steps()),
    LOGITS(
            "Why logits",
            "loss",
            "The last Linear layer gives ten raw scores, the logits, not probabilities."
                    + " nn.CrossEntropyLoss applies log-softmax to them itself, so the network"
                    + " must not; LogSoftmax + NLLLoss is the same loss with the LogSoftmax"
                    + " moved into the network.",
            "In the Loss menu, choose \"LogSoftmax(dim=1) + NLLLoss\" (a new"
                    + " loss needs a new run: answer Reset) and see the LogSoftmax move out of"
                    + " the dashed frame in the autograd graph.",
            (start, now) -> now.loss() == LossKind.NLL),
    AUTOGRAD(
            "Autograd",
            "autograd",
            "Autograd records every operation on tensors that require grad while the"
                    + " forward pass runs. The weights and biases are leaves that require grad;"
                    + " the input batch does not.",
            "In the lesson's example, press \"New random x\" and check that x.grad equals"
                    + " x / 2.",
            (start, now) -> now.examples() > start.examples()),
    BACKWARD(
            "Backward",
            "autograd",
            "loss.backward() goes through the recorded graph from the loss back to every"
                    + " leaf, each operation handing the gradient on to what it took, and"
                    + " leaves each weight's gradient in its .grad.",
            "Press Step and watch the backward pass arrive at each weight with its" + " ‖.grad‖.",
            (start, now) -> now.steps() > start.steps()),
    OPTIMIZER(
            "The optimizer",
            "controls",
            "optimizer.step() moves every weight against its gradient, by the learning"
                    + " rate times the gradient for plain SGD. optimizer.zero_grad() clears"
                    + " the .grad first, because backward adds to what is there.",
            "Break it: tick \"Forget zero_grad\" and press Step three times. The gradients"
                    + " pile up and the steps grow.",
            (start, now) -> !now.zeroGrad() && now.steps() >= start.steps() + 3),
    LOOP(
            "The loop",
            "controls",
            "Training is the loop: zero_grad, forward, loss, backward, step, over and over,"
                    + " one batch at a time, epoch after epoch.",
            "Untick \"Forget zero_grad\", then raise the learning rate (try 5) and press"
                    + " Start: the loss shoots up until the run diverges. Reset, and a small"
                    + " rate learns again.",
            (start, now) -> now.diverged());

    private final String title;
    private final String target;
    private final String explanation;
    private final String task;
    private final BiPredicate<TourFacts, TourFacts> done;

    TourStep(
            String title,
            String target,
            String explanation,
            String task,
            BiPredicate<TourFacts, TourFacts> done) {
        this.title = title;
        this.target = target;
        this.explanation = explanation;
        this.task = task;
        this.done = done;
    }

    String title() {
        return title;
    }

    /** The name of the part of the page it points at, as {@code hide=} names the parts. */
    String target() {
        return target;
    }

    /** Whether it points at a part of the settings column. */
    boolean aboutASetting() {
        return target.equals("loss");
    }

    String explanation() {
        return explanation;
    }

    String task() {
        return task;
    }

    /** Whether the student did the task, from what the page showed when the step began. */
    boolean done(TourFacts start, TourFacts now) {
        return done.test(start, now);
    }
}
