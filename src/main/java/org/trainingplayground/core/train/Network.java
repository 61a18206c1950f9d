package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.NetworkSpec;

/**
 * A run's layers and their weights: built from its {@link NetworkSpec}, initialised from the
 * run's own random source, and run forward. The weights live in the manager it is given.
 */
final class Network {

    private final NetworkSpec spec;
    private final SequentialBlock block;
    private final ParameterStore parameterStore;
    private final List<Parameter> parameters = new ArrayList<>();

    Network(NetworkSpec spec, SplittableRandom random, NDManager manager) {
        this.spec = spec;
        this.block = build(spec);
        // DJL's initializers would draw from the engine's random generator, which every run
        // in the JVM shares; zeros here only give the tensors their shapes.
        block.setInitializer(new ConstantInitializer(0), Parameter.Type.WEIGHT);
        block.setInitializer(new ConstantInitializer(0), Parameter.Type.BIAS);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.inputs()));
        for (var pair : block.getParameters()) {
            parameters.add(pair.getValue());
        }
        initialise(random);
        this.parameterStore = new ParameterStore(manager, false);
    }

    private static SequentialBlock build(NetworkSpec spec) {
        SequentialBlock block = new SequentialBlock();
        for (LayerSpec layer : spec.hidden()) {
            block.add(Linear.builder().setUnits(layer.width()).build());
            if (layer.activation() != Activation.NONE) {
                block.add(activationBlock(layer.activation()));
            }
        }
        block.add(Linear.builder().setUnits(spec.outputs()).build());
        return block;
    }

    private static Block activationBlock(Activation activation) {
        return switch (activation) {
            case RELU -> ai.djl.nn.Activation.reluBlock();
            case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
            case TANH -> ai.djl.nn.Activation.tanhBlock();
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyReluBlock(0.01f);
            case NONE -> throw new IllegalArgumentException("no block for NONE");
        };
    }

    /**
     * Draws every weight and bias from the run's own random source, so the seed alone
     * reproduces a run whatever other runs in the JVM do.
     */
    private void initialise(SplittableRandom random) {
        int fanIn = spec.inputs();
        int p = 0;
        for (int width : spec.layerOutputs()) {
            float[] weights = new float[width * fanIn];
            float[] biases = new float[width];
            switch (spec.init()) {
                case PYTORCH -> {
                    // nn.Linear's default: kaiming_uniform with a=√5 reduces to ±1/√fan_in,
                    // and the bias uses the same bound.
                    float bound = (float) (1 / Math.sqrt(fanIn));
                    fillUniform(random, weights, bound);
                    fillUniform(random, biases, bound);
                }
                case XAVIER ->
                    fillUniform(random, weights, (float) Math.sqrt(6.0 / (fanIn + width)));
                case HE -> {
                    double std = Math.sqrt(2.0 / fanIn);
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] = (float) (random.nextGaussian() * std);
                    }
                }
            }
            parameters.get(p++).getArray().set(weights);
            parameters.get(p++).getArray().set(biases);
            fanIn = width;
        }
    }

    private static void fillUniform(SplittableRandom random, float[] values, float bound) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }

    /** The logits for a batch of inputs; with {@code training}, recorded for backward. */
    NDArray forward(NDArray inputs, boolean training) {
        return block.forward(parameterStore, new NDList(inputs), training).singletonOrThrow();
    }

    /**
     * The softmax of the network's outputs for samples given as plain values, without
     * gradients: how a drawn digit or a grid of points is classified.
     *
     * @param inputs {@code count} rows of the network's input size, one after the other
     * @param scratch the manager the intermediate tensors are freed with
     * @return {@code count} rows of one probability per class
     */
    float[] probabilities(float[] inputs, int count, NDManager scratch) {
        int features = spec.inputs();
        if (inputs.length != count * features) {
            throw new IllegalArgumentException("Expected " + count * features + " input values for "
                    + count + " samples, got " + inputs.length + ".");
        }
        NDArray x = scratch.create(inputs, new Shape(count, features));
        return forward(x, false).softmax(1).toFloatArray();
    }

    /** The weights and biases, in the order of {@link NetworkSpec#parameterNames()}. */
    List<Parameter> parameters() {
        return parameters;
    }
}
