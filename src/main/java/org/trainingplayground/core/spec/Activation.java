package org.trainingplayground.core.spec;

/** The non-linearity placed after a hidden Linear layer. */
public enum Activation implements Choice {
    /** No non-linearity: the layer stays linear (two such layers collapse into one). */
    NONE("none", "none"),
    RELU("relu", "ReLU"),
    SIGMOID("sigmoid", "Sigmoid"),
    TANH("tanh", "Tanh"),
    LEAKY_RELU("leakyrelu", "LeakyReLU");

    private final String key;
    private final String label;

    Activation(String key, String label) {
        this.key = key;
        this.label = label;
    }

    @Override
    public String key() {
        return key;
    }

    /** The name PyTorch gives the module, e.g. {@code ReLU}. */
    @Override
    public String label() {
        return label;
    }

    public static Activation fromKey(String text) {
        return Choice.parse(Activation.class, text, "activation");
    }
}
