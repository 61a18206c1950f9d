package org.trainingplayground.core;

import java.util.Locale;

/** The optimizers a student can choose. */
public enum OptimizerKind {
    SGD("sgd", "SGD"),
    ADAM("adam", "Adam");

    private final String key;
    private final String label;

    OptimizerKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Parses {@code sgd} or {@code adam}; throws with a sentence naming the choices. */
    public static OptimizerKind fromKey(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (OptimizerKind k : values()) {
            if (k.key.equals(wanted)) {
                return k;
            }
        }
        throw new IllegalArgumentException(
                "Unknown optimizer \"" + text + "\": choose sgd or adam.");
    }
}
