package org.trainingplayground.core.spec;

/** The loss functions of the lesson. */
public enum LossKind implements Choice {
    /** {@code nn.CrossEntropyLoss()} applied to the raw logits. */
    CROSS_ENTROPY("cross-entropy", "CrossEntropyLoss on raw logits"),
    /** The network ends in {@code nn.LogSoftmax(dim=1)}; {@code nn.NLLLoss()} follows. */
    NLL("nll", "LogSoftmax(dim=1) + NLLLoss"),
    /** {@code nn.MSELoss()} between the logits and one-hot targets: trains worse. */
    MSE("mse", "MSELoss on one-hot targets");

    private final String key;
    private final String label;

    LossKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String label() {
        return label;
    }

    public static LossKind fromKey(String text) {
        return Choice.parse(LossKind.class, text, "loss");
    }
}
