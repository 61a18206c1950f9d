package org.trainingplayground.core.train;

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
import ai.djl.training.optimizer.Optimizer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.data.ImageDataset;
import org.trainingplayground.core.data.PointDataset;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.Activation;
import org.trainingplayground.core.spec.LayerSpec;
import org.trainingplayground.core.spec.NetworkSpec;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

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

    /** Steps between two measurements of the update:weight ratio. */
    static final int UPDATE_RATIO_EVERY = 25;

    /** Samples of the batch whose pixels the step-through view shows. */
    private static final int DETAIL_IMAGES = 8;

    private final RunSpec spec;
    private final DatasetTensors data;
    private final NDManager manager;
    private final SequentialBlock net;
    private final ParameterStore parameterStore;
    private final List<Parameter> parameters = new ArrayList<>();
    private final Optimizer optimizer;
    private final MutableRate learningRate;
    private final LossFunction lossFn;
    private boolean zeroGrad = true;
    /** False only in the engine benchmark, to measure what the instrumentation costs. */
    private boolean instrumented = true;

    private boolean gradientsCarried;
    /** The gradients summed over steps while zero_grad is forgotten (in this run's memory). */
    private final List<NDArray> carriedGradients = new ArrayList<>();

    private final SplittableRandom random;
    private final int[] order;
    /**
     * The current batch's inputs and labels, copied here from the dataset's rows and reused by
     * every step, so no step allocates a direct buffer. Gathering the rows in libtorch instead
     * (advanced indexing) took 0.08 to 0.16 ms of a 1 ms step; this copy takes about 0.04 ms.
     */
    private final ByteBuffer batchInputs;

    private final FloatBuffer batchInputValues;
    private final ByteBuffer batchLabels;
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
            throw new IllegalArgumentException("A network with "
                    + spec.network().inputs()
                    + " inputs and " + spec.network().outputs() + " outputs does not fit "
                    + data.dataset().name() + " (" + data.dataset().inputSize() + " inputs, "
                    + data.dataset().classes() + " classes).");
        }
        this.spec = spec;
        this.data = data;
        this.lossFn = new LossFunction(spec.loss(), spec.network().outputs());
        this.learningRate = new MutableRate(spec.optimizer().learningRate());
        this.manager = parent.newSubManager();
        this.random = new SplittableRandom(spec.seed());
        this.order = new int[data.trainSize()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.stepsPerEpoch = (order.length + spec.batchSize() - 1) / spec.batchSize();
        int features = spec.network().inputs();
        this.batchInputs = ByteBuffer.allocateDirect(spec.batchSize() * features * Float.BYTES)
                .order(ByteOrder.nativeOrder());
        this.batchInputValues = batchInputs.asFloatBuffer();
        this.batchLabels = ByteBuffer.allocateDirect(spec.batchSize() * Long.BYTES)
                .order(ByteOrder.nativeOrder());
        try {
            this.net = buildNetwork(spec.network());
            net.setInitializer(new ConstantInitializer(0), Parameter.Type.WEIGHT);
            net.setInitializer(new ConstantInitializer(0), Parameter.Type.BIAS);
            net.initialize(
                    manager, DataType.FLOAT32, new Shape(1, spec.network().inputs()));
            for (var pair : net.getParameters()) {
                parameters.add(pair.getValue());
            }
            initialise(spec.network());
            this.parameterStore = new ParameterStore(manager, false);
            this.optimizer = RunOwnedOptimizers.build(spec.optimizer(), learningRate, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static SequentialBlock buildNetwork(NetworkSpec spec) {
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
     * Draws every weight and bias from this run's own random source, so the seed alone
     * reproduces a run whatever other runs in the JVM do.
     */
    private void initialise(NetworkSpec network) {
        int fanIn = network.inputs();
        int p = 0;
        for (int width : network.layerOutputs()) {
            float[] weights = new float[width * fanIn];
            float[] biases = new float[width];
            switch (network.init()) {
                case PYTORCH -> {
                    // nn.Linear's default: kaiming_uniform with a=√5 reduces to ±1/√fan_in,
                    // and the bias uses the same bound.
                    float bound = (float) (1 / Math.sqrt(fanIn));
                    fillUniform(weights, bound);
                    fillUniform(biases, bound);
                }
                case XAVIER -> fillUniform(weights, (float) Math.sqrt(6.0 / (fanIn + width)));
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

    private void fillUniform(float[] values, float bound) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
    }

    float learningRate() {
        return learningRate.get();
    }

    /** Changes the learning rate from the next update on; the optimizer keeps its state. */
    void setLearningRate(double rate) {
        String problem = OptimizerSpec.learningRateProblem(rate);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        learningRate.set(rate);
    }

    /**
     * With {@code false}, gradients are no longer cleared after the update (the lesson's
     * forgotten {@code optimizer.zero_grad()}): each backward pass adds to the previous ones.
     */
    void setZeroGrad(boolean clear) {
        if (clear == zeroGrad) {
            return;
        }
        zeroGrad = clear;
        if (clear) {
            carriedGradients.forEach(NDArray::close);
            carriedGradients.clear();
            gradientsCarried = false;
        } else {
            for (Parameter parameter : parameters) {
                carriedGradients.add(parameter.getArray().zerosLike());
            }
        }
    }

    RunSpec spec() {
        return spec;
    }

    /**
     * With {@code false}, steps no longer measure gradient norms or update ratios (they report
     * NaN): the bare loop, for the engine benchmark's comparison.
     */
    void setInstrumented(boolean measure) {
        instrumented = measure;
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
            NDArray x = data.trainInputs().get(stepManager, new NDIndex("0:" + n));
            NDArray y = data.trainLabels().get(stepManager, new NDIndex("0:" + n));
            NDArray logits = net.forward(parameterStore, new NDList(x), false).singletonOrThrow();
            return lossFn.batchLoss(logits, y).getFloat();
        }
    }

    /**
     * One pass of the lesson's loop on the next batch: forward, loss, backward, update.
     *
     * @param detail when not null, receives the step taken apart for the step-through view
     * @return what the step measured; a NaN or infinite loss means the run diverged
     */
    StepMetrics step(StepDetail[] detail) {
        if (finished()) {
            throw new IllegalStateException("The run has finished all its epochs.");
        }
        long start = System.nanoTime();
        if (cursor == 0) {
            shuffle();
        }
        int batch = Math.min(spec.batchSize(), order.length - cursor);
        copyBatch(batch);

        float loss;
        float[] norms;
        try (NDManager stepManager = manager.newSubManager()) {
            // Both tensors use the reused buffers' memory; they are closed with the step,
            // before the next step overwrites it.
            NDArray x = stepManager.create(
                    batchInputs, new Shape(batch, spec.network().inputs()), DataType.FLOAT32);
            NDArray y = stepManager.create(batchLabels, new Shape(batch), DataType.INT64);
            NDArray logits;
            NDArray lossArray;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                // forward
                logits = net.forward(parameterStore, new NDList(x), true).singletonOrThrow();
                // loss
                lossArray = lossFn.batchLoss(logits, y);
                // backward
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            boolean accumulated = gradientsCarried;
            List<NDArray> before = new ArrayList<>(parameters.size());
            float[] watchedGradient = detail == null ? null : new float[1];
            // Copying every tensor to measure its update costs about a third of a step, so
            // it is done on every 25th step only, and for the step-through view (which a
            // slowed-down run shows at every step). Every tenth step raised the median step
            // by about 5 %, as `bench engine` showed.
            boolean measureUpdates = detail != null || (step + 1) % UPDATE_RATIO_EVERY == 0;
            norms = instrumented || detail != null
                    ? updateWeights(stepManager, before, watchedGradient, measureUpdates)
                    : updateWeightsOnly(stepManager);
            if (detail != null) {
                detail[0] = describe(
                        stepManager,
                        batch,
                        logits,
                        y,
                        loss,
                        norms,
                        before,
                        watchedGradient[0],
                        accumulated);
            }
        }

        cursor += batch;
        step++;
        stepInEpoch++;
        epochLossSum += (double) loss * batch;
        epochSamples += batch;
        int p = parameters.size();
        return new StepMetrics(
                step,
                epoch,
                stepInEpoch,
                stepsPerEpoch,
                loss,
                java.util.Arrays.copyOfRange(norms, 0, p),
                ratios(norms),
                System.nanoTime() - start);
    }

    StepMetrics step() {
        return step(null);
    }

    /** Copies the next {@code batch} samples in the epoch's order into the batch buffers. */
    private void copyBatch(int batch) {
        int features = spec.network().inputs();
        FloatBuffer rows = data.trainRows();
        int[] labels = data.dataset().trainLabels();
        batchLabels.clear();
        for (int i = 0; i < batch; i++) {
            int sample = order[cursor + i];
            batchInputValues.put(i * features, rows, sample * features, features);
            batchLabels.putLong(labels[sample]);
        }
        batchLabels.flip();
        batchInputs.clear().limit(batch * features * Float.BYTES);
    }

    /** ‖update‖ / ‖weight before‖ per tensor, from the packed norms. */
    private float[] ratios(float[] norms) {
        int p = parameters.size();
        float[] ratios = new float[p];
        for (int i = 0; i < p; i++) {
            float weightNorm = norms[2 * p + i];
            ratios[i] = weightNorm == 0 ? Float.NaN : norms[p + i] / weightNorm;
        }
        return ratios;
    }

    /**
     * Measures each gradient, lets the optimizer take its step (DJL's update also clears the
     * gradient it is given: the lesson's zero_grad), and, when asked, measures the change.
     *
     * @param before receives a copy of each tensor as it was before the update, when the
     *     updates are measured; stays empty otherwise
     * @param watchedGradient when not null, receives the gradient of the watched weight
     * @return gradient norms, then update norms and weight norms (NaN when not measured), one
     *     block of P values each
     */
    private float[] updateWeights(
            NDManager stepManager,
            List<NDArray> before,
            float[] watchedGradient,
            boolean measureUpdates) {
        int p = parameters.size();
        NDArray[] norms = new NDArray[measureUpdates ? 3 * p : p];
        List<NDArray> gradients = new ArrayList<>(p);
        for (int i = 0; i < p; i++) {
            NDArray weight = parameters.get(i).getArray();
            NDArray gradient = gradientToApply(i, stepManager);
            gradients.add(gradient);
            norms[i] = gradient.norm();
            if (measureUpdates) {
                NDArray copy = weight.duplicate();
                copy.attach(stepManager);
                before.add(copy);
                norms[2 * p + i] = copy.norm();
            }
        }
        if (watchedGradient != null) {
            watchedGradient[0] = gradients.get(0).getFloat(0, watchedInput());
        }
        for (int i = 0; i < p; i++) {
            Parameter parameter = parameters.get(i);
            optimizer.update(parameter.getId(), parameter.getArray(), gradients.get(i));
            if (measureUpdates) {
                // A result belongs to its first operand's manager, here the run's: without
                // this attach every measured step would keep a weight-sized array alive
                // until the run ends (the soak benchmark found 500 MB in 25 seconds).
                NDArray update = parameter.getArray().sub(before.get(i));
                update.attach(stepManager);
                norms[p + i] = update.norm();
            }
        }
        gradientsCarried = !zeroGrad;
        // One copy out of native memory for all norms instead of one per tensor.
        float[] values = NDArrays.stack(new NDList(norms)).toFloatArray();
        if (measureUpdates) {
            return values;
        }
        float[] padded = java.util.Arrays.copyOf(values, 3 * p);
        java.util.Arrays.fill(padded, p, 3 * p, Float.NaN);
        return padded;
    }

    /** Parameter {@code i}'s gradient as the optimizer is to apply it, owned by the step. */
    private NDArray gradientToApply(int i, NDManager stepManager) {
        // getGradient() hands out a new native handle each call: tie it to this step.
        NDArray gradient = parameters.get(i).getArray().getGradient();
        gradient.attach(stepManager);
        if (!zeroGrad) {
            // The update clears the gradient it is given, so a forgotten zero_grad is
            // modelled with our own running sum, handed over as a copy.
            carriedGradients.get(i).addi(gradient);
            gradient = carriedGradients.get(i).duplicate();
            gradient.attach(stepManager);
        }
        return gradient;
    }

    /** The optimizer's step alone, without any measurement; all norms are NaN. */
    private float[] updateWeightsOnly(NDManager stepManager) {
        int p = parameters.size();
        for (int i = 0; i < p; i++) {
            Parameter parameter = parameters.get(i);
            optimizer.update(
                    parameter.getId(), parameter.getArray(), gradientToApply(i, stepManager));
        }
        gradientsCarried = !zeroGrad;
        float[] none = new float[3 * p];
        java.util.Arrays.fill(none, Float.NaN);
        return none;
    }

    /**
     * The input of the weight the step-through view follows into the first unit: the centre
     * pixel (row 14, column 14) of an image, ink in most digits, so its gradient is rarely
     * zero; the y coordinate of a point.
     */
    private int watchedInput() {
        return Math.min(14 * 28 + 14, spec.network().inputs() - 1);
    }

    /** The step-through view of the batch just stepped (all values copied out to Java). */
    private StepDetail describe(
            NDManager stepManager,
            int batch,
            NDArray logits,
            NDArray labels,
            float loss,
            float[] norms,
            List<NDArray> before,
            float watchedGradient,
            boolean accumulated) {
        int shown = Math.min(DETAIL_IMAGES, batch);
        Dataset dataset = data.dataset();
        int[] labelValues = new int[shown];
        byte[][] pixels = new byte[0][];
        float[][] points = new float[0][];
        int side = 0;
        if (dataset instanceof ImageDataset images) {
            side = images.trainImages().rows();
            pixels = new byte[shown][];
        } else {
            points = new float[shown][];
        }
        for (int i = 0; i < shown; i++) {
            int sampleIndex = order[cursor + i];
            labelValues[i] = dataset.trainLabels()[sampleIndex];
            if (dataset instanceof ImageDataset images) {
                int imageSize = images.inputSize();
                pixels[i] = java.util.Arrays.copyOfRange(
                        images.trainImages().pixels(),
                        sampleIndex * imageSize,
                        (sampleIndex + 1) * imageSize);
            } else if (dataset instanceof PointDataset pointSet) {
                points[i] = java.util.Arrays.copyOfRange(
                        pointSet.trainPoints(), 2 * sampleIndex, 2 * sampleIndex + 2);
            }
        }
        NDArray first = logits.get(0).stopGradient();
        float[] sampleLogits = first.toFloatArray();
        float[] probabilities = first.softmax(0).toFloatArray();
        float[] sampleLosses =
                lossFn.sampleLosses(logits.stopGradient(), labels).toFloatArray();
        int watchedInput = watchedInput();
        float watchedBefore = before.get(0).getFloat(0, watchedInput);
        // Read through the step's manager: getFloat on the weights would create its view in
        // the run's manager, kept until the run ends.
        float watchedAfter = parameters
                .get(0)
                .getArray()
                .get(stepManager, new NDIndex(0, watchedInput))
                .getFloat();
        int p = parameters.size();
        return new StepDetail(
                step + 1,
                pixels,
                side,
                labelValues,
                0,
                sampleLogits,
                probabilities,
                loss,
                sampleLosses,
                java.util.Arrays.copyOfRange(norms, 0, p),
                "fc1.weight[0, " + watchedInput + "]",
                watchedBefore,
                watchedGradient,
                watchedAfter,
                java.util.Arrays.copyOfRange(norms, p, 2 * p),
                ratios(norms),
                accumulated,
                points);
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

    /** An evaluation: the summary for the charts and every test sample's answer. */
    record Evaluation(EvalMetrics metrics, TestPredictions predictions) {}

    /** Loss, accuracy and predictions on the whole test split, without gradients. */
    Evaluation evaluate(int forEpoch) {
        try (NDManager evalManager = manager.newSubManager()) {
            NDArray x = data.testInputs().get(evalManager, new NDIndex(":"));
            NDArray y = data.testLabels().get(evalManager, new NDIndex(":"));
            NDArray logits = net.forward(parameterStore, new NDList(x), false).singletonOrThrow();
            float loss = lossFn.batchLoss(logits, y).getFloat();
            // One copy of all probabilities serves the gallery, the confusion matrix and the
            // accuracy; the argmax is taken in Java on those values.
            float[] probabilities = logits.softmax(1).toFloatArray();
            int classes = spec.network().outputs();
            int[] labels = data.dataset().testLabels();
            int[] predicted = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                predicted[i] = argMax(probabilities, i * classes, classes);
            }
            TestPredictions predictions =
                    new TestPredictions(step, forEpoch, classes, labels, predicted, probabilities);
            return new Evaluation(
                    new EvalMetrics(step, forEpoch, loss, predictions.accuracy()), predictions);
        }
    }

    private static int argMax(float[] values, int from, int count) {
        int best = 0;
        for (int c = 1; c < count; c++) {
            if (values[from + c] > values[from + best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * What the network predicts over a square grid covering the points (point sets only).
     *
     * @param resolution cells per side
     * @return null for image sets
     */
    DecisionBoundary boundary(int resolution) {
        if (!(data.dataset() instanceof PointDataset pointSet)) {
            return null;
        }
        double[] bounds = pointSet.bounds();
        double cell = (bounds[1] - bounds[0]) / resolution;
        float[] grid = new float[2 * resolution * resolution];
        for (int row = 0; row < resolution; row++) {
            for (int column = 0; column < resolution; column++) {
                int i = row * resolution + column;
                grid[2 * i] = (float) (bounds[0] + (column + 0.5) * cell);
                grid[2 * i + 1] = (float) (bounds[0] + (row + 0.5) * cell);
            }
        }
        float[] probabilities = probabilities(grid, resolution * resolution);
        int classes = spec.network().outputs();
        int[] predicted = new int[resolution * resolution];
        float[] confidence = new float[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = argMax(probabilities, i * classes, classes);
            confidence[i] = probabilities[i * classes + predicted[i]];
        }
        return new DecisionBoundary(step, bounds[0], bounds[1], resolution, predicted, confidence);
    }

    /**
     * The softmax of the network's outputs for samples given as plain values, without
     * gradients: how a drawn digit or a grid of points is classified.
     *
     * @param inputs {@code count} rows of the network's input size, one after the other
     * @return {@code count} rows of one probability per class
     */
    float[] probabilities(float[] inputs, int count) {
        int features = spec.network().inputs();
        if (inputs.length != count * features) {
            throw new IllegalArgumentException("Expected " + count * features + " input values for "
                    + count + " samples, got " + inputs.length + ".");
        }
        try (NDManager predictManager = manager.newSubManager()) {
            NDArray x = predictManager.create(inputs, new Shape(count, features));
            NDArray logits = net.forward(parameterStore, new NDList(x), false).singletonOrThrow();
            return logits.softmax(1).toFloatArray();
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
