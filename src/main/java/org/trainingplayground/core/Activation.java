package org.trainingplayground.core;

import java.util.Locale;

/** The non-linearity placed after each hidden Linear layer. */
public enum Activation {
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

    /** The lower-case name used on the command line and in URLs, e.g. {@code relu}. */
    public String key() {
        return key;
    }

    /** The name PyTorch gives the module, e.g. {@code ReLU}. */
    public String label() {
        return label;
    }

    /** Parses a key such as {@code relu}; throws with a sentence naming the choices. */
    public static Activation fromKey(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.key.equals(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "Unknown activation \"" + text + "\": choose relu, sigmoid, tanh or leakyrelu.");
    }
}
