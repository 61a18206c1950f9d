package org.trainingplayground.core.spec;

/** The optimizers a student can choose. */
public enum OptimizerKind implements Choice {
    SGD("sgd", "SGD"),
    ADAM("adam", "Adam");

    private final String key;
    private final String label;

    OptimizerKind(String key, String label) {
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

    public static OptimizerKind fromKey(String text) {
        return Choice.parse(OptimizerKind.class, text, "optimizer");
    }
}
