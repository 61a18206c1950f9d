package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

import org.trainingplayground.core.spec.LossKind;

/** The lesson's three losses on DJL's loss classes, all taking the last Linear layer's logits. */
final class LossFunction {

    private final LossKind kind;
    private final int classes;
    private final Loss loss;

    LossFunction(LossKind kind, int classes) {
        this.kind = kind;
        this.classes = classes;
        this.loss = switch (kind) {
            // log_softmax inside, then the negative log-likelihood of the true class.
            case CROSS_ENTROPY -> Loss.softmaxCrossEntropyLoss();
            // Takes log-probabilities as they are (fromLogit=false): NLLLoss.
            case NLL -> new SoftmaxCrossEntropyLoss("NLLLoss", 1, -1, true, false);
            // Weight 1: mean of squared differences, as nn.MSELoss (DJL's default halves it).
            case MSE -> new L2Loss("MSELoss", 1);
        };
    }

    /** The mean loss over the batch: the number that backward() differentiates. */
    NDArray batchLoss(NDArray logits, NDArray labels) {
        return loss.evaluate(new NDList(target(labels)), new NDList(prediction(logits)));
    }

    /** Each sample's loss; their mean is {@link #batchLoss}. */
    NDArray sampleLosses(NDArray logits, NDArray labels) {
        if (kind == LossKind.MSE) {
            return logits.sub(target(labels)).square().mean(new int[] {1});
        }
        NDArray logProbabilities = logits.logSoftmax(1);
        return logProbabilities.gather(labels.reshape(-1, 1), 1).reshape(-1).neg();
    }

    /** What the network's last module emits: logits, or log-probabilities after LogSoftmax. */
    private NDArray prediction(NDArray logits) {
        return kind == LossKind.NLL ? logits.logSoftmax(1) : logits;
    }

    private NDArray target(NDArray labels) {
        return kind == LossKind.MSE ? labels.oneHot(classes, DataType.FLOAT32) : labels;
    }
}
