package org.trainingplayground.core.spec;

import java.util.Objects;

/**
 * One hidden layer: {@code Linear(previous width → width)} followed by an activation.
 *
 * @param width number of units (outputs) of the Linear layer
 */
public record LayerSpec(int width, Activation activation) {

    public LayerSpec {
        Objects.requireNonNull(activation, "activation");
        if (width < 1) {
            throw new IllegalArgumentException(
                    "A layer needs at least one unit, not " + width + ".");
        }
    }

    public static LayerSpec relu(int width) {
        return new LayerSpec(width, Activation.RELU);
    }
}
