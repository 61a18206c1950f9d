package org.trainingplayground.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.Normalization;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/**
 * One student's network being trained: its weights, optimizer state and place in the data, and
 * the lesson's loop over them.
 *
 * <p>Not thread-safe: only the {@link TrainingScheduler} thread calls it, because DJL allows one
 * gradient collector per JVM at a time. Everything a step allocates in native memory lives in a
 * sub-manager closed at the end of that step; weights and optimizer state live in this run's
 * manager, freed by {@link #close()}.
 */
final class TrainingRun implements AutoCloseable {

    /** Steps between two measurements of the update:weight ratio. */
    static final int UPDATE_RATIO_EVERY = 25;

    /** A step's measurements and, when asked for, the step taken apart (else null). */
    record TakenStep(StepMetrics metrics, StepDetail detail) {}

    private final RunSpec spec;
    private final NDManager manager;
    private final Network network;
    private final LossFunction lossFn;
    private final MutableRate learningRate;
    private final WeightUpdate update;
    private final BatchOrder batches;
    private final Evaluator evaluator;
    private final StepThroughExtract stepThrough;
    /** False only in the engine benchmark, to measure what the instrumentation costs. */
    private boolean instrumented = true;

    private final int testSize;

    private long step;

    TrainingRun(RunSpec spec, DatasetTensors data, NDManager parent) {
        this(spec, data, parent, 0);
    }

    /** @param hiddenTestSamples the test split's last samples kept out of every evaluation */
    TrainingRun(RunSpec spec, DatasetTensors data, NDManager parent, int hiddenTestSamples) {
        if (spec.network().inputs() != data.dataset().inputSize()
                || spec.network().outputs() != data.dataset().classes()) {
            throw new IllegalArgumentException("A network with "
                    + spec.network().inputs()
                    + " inputs and " + spec.network().outputs() + " outputs does not fit "
                    + data.dataset().name() + " (" + data.dataset().inputSize() + " inputs, "
                    + data.dataset().classes() + " classes).");
        }
        this.spec = spec;
        this.testSize = data.dataset().testSize();
        this.lossFn = new LossFunction(spec.loss(), spec.network().outputs());
        this.learningRate = new MutableRate(spec.optimizer().learningRate());
        this.manager = parent.newSubManager();
        // One random source per run, drawn first for the weights and then for every epoch's
        // order, so the seed alone reproduces the run.
        SplittableRandom random = new SplittableRandom(spec.seed());
        try {
            this.network = new Network(spec.network(), random, manager);
            this.update = new WeightUpdate(
                    network.parameters(),
                    RunOwnedOptimizers.build(spec.optimizer(), learningRate, manager));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        Normalization normalization = spec.dataset().normalization();
        this.batches = new BatchOrder(
                data, data.dataset().trainRows(normalization), spec.batchSize(), random);
        this.evaluator = new Evaluator(data, normalization, network, lossFn, hiddenTestSamples);
        this.stepThrough = new StepThroughExtract(data.dataset(), lossFn, network);
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
        update.setZeroGrad(clear);
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

    /**
     * Steps between two evaluations during an epoch: the spec's interval for each 2,000 test
     * samples, so evaluating costs a run the same share of its time on a larger test split
     * (MNIST's 10,000 digits every 125 steps when the spec says 25); 0 for none.
     */
    int evalInterval() {
        int testSamplesPerInterval = 2_000;
        int scale = Math.max(1, (testSize + testSamplesPerInterval - 1) / testSamplesPerInterval);
        return spec.evalEverySteps() * scale;
    }

    int stepsPerEpoch() {
        return batches.stepsPerEpoch();
    }

    long stepsTaken() {
        return step;
    }

    boolean finished() {
        return batches.epoch() > spec.epochs();
    }

    /** Mean loss of the untrained network on the first training samples (no gradients). */
    float initialLoss() {
        try (NDManager scratch = manager.newSubManager()) {
            return evaluator.initialLoss(scratch);
        }
    }

    StepMetrics step() {
        return step(false).metrics();
    }

    /**
     * One pass of the lesson's loop on the next batch: forward, loss, backward, update.
     *
     * @param takenApart whether to copy the step out for the step-through view
     * @return what the step measured; a NaN or infinite loss means the run diverged
     */
    TakenStep step(boolean takenApart) {
        if (finished()) {
            throw new IllegalStateException("The run has finished all its epochs.");
        }
        long start = System.nanoTime();
        int batchSize;
        float loss;
        WeightUpdate.Measured measured;
        StepDetail detail = null;
        try (NDManager stepManager = manager.newSubManager()) {
            BatchOrder.Batch batch = batches.next(stepManager);
            batchSize = batch.size();
            NDArray logits;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                logits = network.forward(batch.inputs(), true);
                NDArray lossArray = lossFn.batchLoss(logits, batch.labels());
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            boolean accumulated = update.gradientsCarried();
            measured = updateWeights(stepManager, takenApart);
            if (takenApart) {
                detail = stepThrough.extract(
                        stepManager, step + 1, batch, batches, logits, loss, measured, accumulated);
            }
        }
        batches.advance(batchSize, loss);
        step++;
        StepMetrics metrics = new StepMetrics(
                step,
                batches.epoch(),
                batches.stepInEpoch(),
                batches.stepsPerEpoch(),
                loss,
                measured.gradientNorms(),
                measured.ratios(),
                System.nanoTime() - start);
        return new TakenStep(metrics, detail);
    }

    private WeightUpdate.Measured updateWeights(NDManager stepManager, boolean takenApart) {
        if (!instrumented && !takenApart) {
            return update.applyOnly(stepManager);
        }
        // Copying every tensor to measure its update costs about a third of a step, so it is
        // done on every 25th step only, and for the step-through view (which a slowed-down run
        // shows at every step). Every tenth step raised the median step by about 5 %, as
        // `bench engine` showed.
        boolean measureUpdates = takenApart || (step + 1) % UPDATE_RATIO_EVERY == 0;
        return update.applyMeasured(
                stepManager,
                measureUpdates,
                takenApart ? stepThrough.watchedInput() : WeightUpdate.NO_WATCHED_INPUT);
    }

    /** True when the step just taken completed an epoch. */
    boolean epochComplete() {
        return batches.epochComplete();
    }

    /** Closes the current epoch and returns its mean training loss. */
    float finishEpoch() {
        return batches.finishEpoch();
    }

    int epoch() {
        return batches.epoch();
    }

    /** Loss, accuracy and predictions on the whole test split, without gradients. */
    Evaluator.Evaluation evaluate(int forEpoch) {
        try (NDManager scratch = manager.newSubManager()) {
            return evaluator.evaluate(scratch, step, forEpoch);
        }
    }

    /**
     * What the network predicts over a square grid covering the points (point sets only).
     *
     * @param resolution cells per side
     * @return null for image sets
     */
    DecisionBoundary boundary(int resolution) {
        try (NDManager scratch = manager.newSubManager()) {
            return evaluator.boundary(scratch, step, resolution);
        }
    }

    /**
     * The softmax of the network's outputs for samples given as plain values, without
     * gradients: how a drawn digit or a grid of points is classified.
     *
     * @param inputs {@code count} rows of the network's input size, one after the other
     * @return {@code count} rows of one probability per class
     */
    float[] probabilities(float[] inputs, int count) {
        try (NDManager scratch = manager.newSubManager()) {
            return network.probabilities(inputs, count, scratch);
        }
    }

    /** Weights of one parameter tensor as plain values (for tests and teaching views). */
    float[] parameterValues(int index) {
        return network.parameters().get(index).getArray().toFloatArray();
    }

    @Override
    public void close() {
        // Weights, their gradients and the optimizer's state (momentum, Adam's moments) were all
        // created in this manager.
        manager.close();
    }
}
