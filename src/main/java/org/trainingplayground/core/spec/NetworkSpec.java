package org.trainingplayground.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A multilayer perceptron, the {@code nn.Sequential} of the lesson: {@code inputs → hidden
 * layers (Linear + activation each) → Linear(outputs)}. The last layer has no activation: it
 * produces logits.
 */
public record NetworkSpec(int inputs, List<LayerSpec> hidden, int outputs, Init init) {

    public NetworkSpec {
        hidden = List.copyOf(hidden);
        Objects.requireNonNull(init, "init");
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("A network needs at least one input and output.");
        }
    }

    /** The same activation after every hidden layer. */
    public static NetworkSpec of(
            int inputs, List<Integer> widths, Activation activation, int outputs) {
        return new NetworkSpec(
                inputs,
                widths.stream().map(w -> new LayerSpec(w, activation)).toList(),
                outputs,
                Init.PYTORCH);
    }

    /** The lesson's network for 28×28 digits: 784 → 128 → ReLU → 64 → ReLU → 10. */
    public static NetworkSpec lesson() {
        return of(784, List.of(128, 64), Activation.RELU, 10);
    }

    public NetworkSpec withHidden(List<LayerSpec> layers) {
        return new NetworkSpec(inputs, layers, outputs, init);
    }

    public NetworkSpec withInit(Init newInit) {
        return new NetworkSpec(inputs, hidden, outputs, newInit);
    }

    /** Widths of all Linear layers' outputs, the last being the number of classes. */
    public List<Integer> layerOutputs() {
        List<Integer> widths = new ArrayList<>();
        hidden.forEach(layer -> widths.add(layer.width()));
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
