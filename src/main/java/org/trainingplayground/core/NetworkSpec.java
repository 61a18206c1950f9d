package org.trainingplayground.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron: {@code inputs → Linear(hidden[0]) → activation → … → Linear(outputs)}.
 * The last layer has no activation: it produces logits for a cross-entropy loss.
 */
public record NetworkSpec(int inputs, List<Integer> hidden, Activation activation, int outputs) {

    public NetworkSpec {
        hidden = List.copyOf(hidden);
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("A network needs at least one input and output.");
        }
        for (int width : hidden) {
            if (width < 1) {
                throw new IllegalArgumentException(
                        "Every hidden layer needs at least one unit, not " + width + ".");
            }
        }
    }

    /** The lesson's network for 28×28 digits: 784 → 128 → ReLU → 64 → ReLU → 10. */
    public static NetworkSpec lesson() {
        return new NetworkSpec(784, List.of(128, 64), Activation.RELU, 10);
    }

    /** Widths of all Linear layers' outputs, the last being the number of classes. */
    public List<Integer> layerOutputs() {
        List<Integer> widths = new ArrayList<>(hidden);
        widths.add(outputs);
        return widths;
    }

    /** Number of Linear layers (hidden layers plus the output layer). */
    public int linearLayers() {
        return hidden.size() + 1;
    }

    /**
     * Names of the trainable tensors in the order the step reports their gradient norms:
     * {@code fc1.weight, fc1.bias, fc2.weight, …}.
     */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int layer = 1; layer <= linearLayers(); layer++) {
            names.add("fc" + layer + ".weight");
            names.add("fc" + layer + ".bias");
        }
        return names;
    }

    /** Number of trainable numbers (weights and biases). */
    public long parameterCount() {
        long count = 0;
        int fanIn = inputs;
        for (int width : layerOutputs()) {
            count += (long) fanIn * width + width;
            fanIn = width;
        }
        return count;
    }
}
