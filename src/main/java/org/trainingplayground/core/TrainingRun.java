package org.trainingplayground.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One student's network being trained: its weights, optimizer state and position in the data.
 *
 * <p>Not thread-safe: only the {@link TrainingScheduler} thread calls it, because DJL allows one
 * gradient collector per JVM at a time. Everything a step allocates in native memory lives in a
 * sub-manager closed at the end of that step; weights and optimizer state live in this run's
 * manager, freed by {@link #close()}.
 */
final class TrainingRun implements AutoCloseable {

    /** Samples used for the loss of the untrained network, as in the PyTorch reference. */
    private static final int INITIAL_LOSS_SAMPLES = 1024;

    private final RunSpec spec;
    private final DatasetTensors data;
    private final NDManager manager;
    private final SequentialBlock net;
    private final ParameterStore parameterStore;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Optimizer optimizer;
    private final Loss lossFn = Loss.softmaxCrossEntropyLoss();
    private final SplittableRandom random;
    private final int[] order;
    /** Indices of the current batch, reused by every step so no per-step direct buffer exists. */
    private final ByteBuffer batchIndices;
    private final int stepsPerEpoch;

    private int cursor;
    private int epoch = 1;
    private int stepInEpoch;
    private long step;
    private double epochLossSum;
    private int epochSamples;

    TrainingRun(RunSpec spec, DatasetTensors data, NDManager parent) {
        if (spec.network().inputs() != data.dataset().inputSize()
                || spec.network().outputs() != data.dataset().classes()) {
            throw new IllegalArgumentException(
                    "The network's input and output sizes do not match the dataset.");
        }
        this.spec = spec;
        this.data = data;
        this.manager = parent.newSubManager();
        this.random = new SplittableRandom(spec.seed());
        this.order = new int[data.trainSize()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.stepsPerEpoch = (order.length + spec.batchSize() - 1) / spec.batchSize();
        this.batchIndices =
                ByteBuffer.allocateDirect(spec.batchSize() * Long.BYTES).order(ByteOrder.nativeOrder());
        try {
            this.net = buildNetwork(spec.network());
            net.setInitializer(new ConstantInitializer(0), Parameter.Type.WEIGHT);
            net.setInitializer(new ConstantInitializer(0), Parameter.Type.BIAS);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, spec.network().inputs()));
            for (var pair : net.getParameters()) {
                parameters.add(pair.getValue());
            }
            initialiseLikePyTorch();
            this.parameterStore = new ParameterStore(manager, false);
            this.optimizer = buildOptimizer(spec.optimizer());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static SequentialBlock buildNetwork(NetworkSpec spec) {
        SequentialBlock block = new SequentialBlock();
        for (int width : spec.hidden()) {
            block.add(Linear.builder().setUnits(width).build());
            block.add(activationBlock(spec.activation()));
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
        };
    }

    /**
     * PyTorch's {@code nn.Linear} default: weight and bias uniform in ±1/√fan_in (kaiming_uniform
     * with a=√5 reduces to that bound). Drawn from this run's own random source so the seed alone
     * reproduces a run, whatever other runs in the JVM do.
     */
    private void initialiseLikePyTorch() {
        int fanIn = spec.network().inputs();
        int p = 0;
        for (int width : spec.network().layerOutputs()) {
            float bound = (float) (1 / Math.sqrt(fanIn));
            parameters.get(p++).getArray().set(uniform(width * fanIn, bound));
            parameters.get(p++).getArray().set(uniform(width, bound));
            fanIn = width;
        }
    }

    private float[] uniform(int count, float bound) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return values;
    }

    private static Optimizer buildOptimizer(OptimizerSpec spec) {
        Tracker rate = Tracker.fixed((float) spec.learningRate());
        return switch (spec.kind()) {
            case SGD -> Optimizer.sgd()
                    .setLearningRateTracker(rate)
                    .optMomentum((float) spec.momentum())
                    .build();
            case ADAM -> Optimizer.adam().optLearningRateTracker(rate).build();
        };
    }

    RunSpec spec() {
        return spec;
    }

    int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    long stepsTaken() {
        return step;
    }

    boolean finished() {
        return epoch > spec.epochs();
    }

    /** Mean loss of the untrained network on the first training samples (no gradients). */
    float initialLoss() {
        try (NDManager stepManager = manager.newSubManager()) {
            int n = Math.min(INITIAL_LOSS_SAMPLES, data.trainSize());
            NDArray x = data.trainImages().get(stepManager, new NDIndex("0:" + n));
            NDArray y = data.trainLabels().get(stepManager, new NDIndex("0:" + n));
            NDArray logits = net.forward(parameterStore, new NDList(x), false).singletonOrThrow();
            return lossFn.evaluate(new NDList(y), new NDList(logits)).getFloat();
        }
    }

    /**
     * One pass of the lesson's loop on the next batch: forward, loss, backward, update.
     *
     * @return what the step measured; a NaN or infinite loss means the run diverged
     */
    StepMetrics step() {
        if (finished()) {
            throw new IllegalStateException("The run has finished all its epochs.");
        }
        long start = System.nanoTime();
        if (cursor == 0) {
            shuffle();
        }
        int batch = Math.min(spec.batchSize(), order.length - cursor);
        batchIndices.clear();
        for (int i = 0; i < batch; i++) {
            batchIndices.putLong(order[cursor + i]);
        }
        batchIndices.flip();

        float loss;
        float[] gradNorms;
        try (NDManager stepManager = manager.newSubManager()) {
            NDArray indices = stepManager.create(batchIndices, new Shape(batch), DataType.INT64);
            NDIndex rows = new NDIndex("{}", indices);
            NDArray x = data.trainImages().get(stepManager, rows);
            NDArray y = data.trainLabels().get(stepManager, rows);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                // forward
                NDArray logits = net.forward(parameterStore, new NDList(x), true).singletonOrThrow();
                // loss
                NDArray lossArray = lossFn.evaluate(new NDList(y), new NDList(logits));
                // backward
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            gradNorms = updateWeights(stepManager);
        }

        cursor += batch;
        step++;
        stepInEpoch++;
        epochLossSum += (double) loss * batch;
        epochSamples += batch;
        StepMetrics metrics =
                new StepMetrics(step, epoch, stepInEpoch, stepsPerEpoch, loss, gradNorms,
                        System.nanoTime() - start);
        return metrics;
    }

    /**
     * Measures each gradient, lets the optimizer take its step, then clears the gradients
     * (PyTorch accumulates them otherwise: the lesson's {@code zero_grad}).
     */
    private float[] updateWeights(NDManager stepManager) {
        NDList norms = new NDList(parameters.size());
        List<NDArray> gradients = new ArrayList<>(parameters.size());
        for (Parameter parameter : parameters) {
            // getGradient() hands out a new native handle each call: tie it to this step.
            NDArray gradient = parameter.getArray().getGradient();
            gradient.attach(stepManager);
            gradients.add(gradient);
            norms.add(gradient.norm());
        }
        // One copy out of native memory for all norms instead of one per tensor.
        float[] values = NDArrays.stack(norms).toFloatArray();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter parameter = parameters.get(i);
            NDArray gradient = gradients.get(i);
            optimizer.update(parameter.getId(), parameter.getArray(), gradient);
            gradient.subi(gradient);
        }
        return values;
    }

    /** True when the step just taken completed an epoch. */
    boolean epochComplete() {
        return cursor >= order.length;
    }

    /** Closes the current epoch and returns its mean training loss. */
    float finishEpoch() {
        float trainLoss = (float) (epochLossSum / Math.max(1, epochSamples));
        cursor = 0;
        stepInEpoch = 0;
        epoch++;
        epochLossSum = 0;
        epochSamples = 0;
        return trainLoss;
    }

    int epoch() {
        return epoch;
    }

    /** Loss and accuracy on the whole test split, without gradients. */
    EvalMetrics evaluate(int forEpoch) {
        try (NDManager evalManager = manager.newSubManager()) {
            NDArray x = data.testImages().get(evalManager, new NDIndex(":"));
            NDArray y = data.testLabels().get(evalManager, new NDIndex(":"));
            NDArray logits = net.forward(parameterStore, new NDList(x), false).singletonOrThrow();
            float loss = lossFn.evaluate(new NDList(y), new NDList(logits)).getFloat();
            float correct = logits.argMax(1).eq(y).sum().toType(DataType.FLOAT32, false).getFloat();
            return new EvalMetrics(step, forEpoch, loss, correct / y.getShape().get(0));
        }
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** Weights of one parameter tensor as plain values (for tests and teaching views). */
    float[] parameterValues(int index) {
        return parameters.get(index).getArray().toFloatArray();
    }

    @Override
    public void close() {
        // Weights, their gradients and the optimizer's state (momentum, Adam's moments) were all
        // created in this manager.
        manager.close();
    }
}
