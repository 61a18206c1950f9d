package org.trainingplayground.core.spec;

/** How the weights of each Linear layer are drawn before training. */
public enum Init implements Choice {
    /** PyTorch's {@code nn.Linear} default: weight and bias uniform in ±1/√fan_in. */
    PYTORCH("pytorch", "PyTorch default"),
    /** Glorot/Xavier uniform: weight in ±√(6/(fan_in+fan_out)), bias 0. */
    XAVIER("xavier", "Xavier (Glorot)"),
    /** He/Kaiming normal for ReLU: weight ~ N(0, 2/fan_in), bias 0. */
    HE("he", "He (Kaiming)");

    private final String key;
    private final String label;

    Init(String key, String label) {
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

    public static Init fromKey(String text) {
        return Choice.parse(Init.class, text, "initialisation");
    }
}
