package org.trainingplayground.core.train;

import ai.djl.ndarray.NDManager;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.schedule.ScheduledRun;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.RunSpec;

/**
 * A run's life on the scheduler thread: built, stepped turn by turn at its speed, evaluated,
 * paused, failed and closed, each change told to its {@link RunListener}. Every method but the
 * state's getters runs on the scheduler thread; {@link RunHandle} is how other threads ask.
 */
final class RunLoop implements ScheduledRun {

    private static final Logger log = LoggerFactory.getLogger(RunLoop.class);

    /** How often the step-through view is refreshed while training at full speed. */
    private static final long DETAIL_INTERVAL_NANOS = 250_000_000L;

    private final RunSpec spec;
    private final Dataset dataset;
    private final TrainingEngine.TensorSource tensorSource;
    private final NDManager parentManager;
    private final TrainingScheduler scheduler;
    private final RunListener listener;
    private DatasetTensors data;
    private TrainingRun run;
    private volatile RunState state = RunState.CREATING;
    private volatile String message;
    private volatile int stepsPerEpoch;
    /** Pause between steps when slowed down for a class to follow; 0 = full speed. */
    private volatile long nanosBetweenSteps;

    private long lastStepNanos;
    private long lastDetailNanos;
    private boolean pauseAtEpochEnd;
    /** A Step waits for its turn in the rotation like training does, then pauses again. */
    private boolean pauseAfterNextStep;

    RunLoop(
            RunSpec spec,
            Dataset dataset,
            TrainingEngine.TensorSource tensorSource,
            NDManager parentManager,
            TrainingScheduler scheduler,
            RunListener listener) {
        this.spec = spec;
        this.dataset = dataset;
        this.tensorSource = tensorSource;
        this.parentManager = parentManager;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    RunState state() {
        return state;
    }

    String message() {
        return message;
    }

    int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    void setNanosBetweenSteps(long nanos) {
        nanosBetweenSteps = nanos;
    }

    void build() {
        if (state == RunState.CLOSED) {
            return;
        }
        try {
            data = tensorSource.tensors(dataset);
            run = new TrainingRun(
                    spec, data, parentManager, listener.hiddenTestSamples(dataset.testSize()));
            stepsPerEpoch = run.stepsPerEpoch();
            float initialLoss = run.initialLoss();
            Evaluator.Evaluation untrained = run.evaluate(0);
            // Paused before anyone hears of it, so a listener may start the run at once.
            state = RunState.PAUSED;
            listener.onReady(initialLoss, untrained.metrics());
            reportHidden(untrained);
            listener.onPredictions(untrained.predictions());
            reportBoundary();
            listener.onStateChanged(RunState.PAUSED, null);
        } catch (RuntimeException e) {
            // libtorch's messages can hold native stack frames: the detail goes to the log only.
            log.error("Could not build run", e);
            fail("The network could not be built because of an internal error; try smaller"
                    + " settings, or press Reset to try again.");
        }
    }

    /** Puts a paused run into the rotation, or into the queue when it is full. */
    void start() {
        if (state.canStart()) {
            takeTurnsOrQueue();
        }
    }

    private void takeTurnsOrQueue() {
        if (scheduler.activateOrQueue(this)) {
            setState(RunState.RUNNING, null);
        } else {
            setState(RunState.QUEUED, null);
        }
    }

    /** A place freed up and this waiting run took it (scheduler thread). */
    @Override
    public void admitted() {
        setState(RunState.RUNNING, null);
    }

    /** Runs ahead of this one left the queue; the listener hears it to show the new place. */
    @Override
    public void movedInQueue() {
        if (state == RunState.QUEUED) {
            listener.onStateChanged(RunState.QUEUED, null);
        }
    }

    /** Stops taking steps after the current one, or leaves the queue. */
    void pause() {
        if (state == RunState.RUNNING || state == RunState.QUEUED) {
            // A Step epoch's pause at the epoch's end is forgotten with an explicit pause.
            pauseAtEpochEnd = false;
            pauseAfterNextStep = false;
            scheduler.deactivate(this);
            // The boundary is drawn a few times a second; show where it stopped.
            reportBoundary();
            setState(RunState.PAUSED, null);
        }
    }

    /**
     * Takes exactly one batch and stays paused. It takes a turn under the cap like training,
     * so a flood of Step clicks cannot run ahead of other students; while it waits, further
     * clicks find it no longer paused.
     */
    void step() {
        if (state == RunState.PAUSED && run != null) {
            pauseAfterNextStep = true;
            takeTurnsOrQueue();
        }
    }

    /** Trains to the end of the current epoch, then pauses. */
    void stepEpoch() {
        if (state == RunState.PAUSED) {
            pauseAtEpochEnd = true;
            takeTurnsOrQueue();
        }
    }

    void setLearningRate(double rate) {
        if (run != null) {
            run.setLearningRate(rate);
        }
    }

    void setZeroGrad(boolean clear) {
        if (run != null) {
            run.setZeroGrad(clear);
        }
    }

    /** Frees the run's native memory (weights, gradients, optimizer state). */
    void close() {
        scheduler.deactivate(this);
        if (run != null) {
            run.close();
            run = null;
        }
        if (data != null) {
            tensorSource.release(data);
            data = null;
        }
        setState(RunState.CLOSED, null);
    }

    /**
     * The run's turn in the rotation (scheduler thread): one step if it is due.
     *
     * @return 0 if a step was taken, otherwise nanoseconds until the next step is due
     */
    @Override
    public long takeTurn() {
        if (state != RunState.RUNNING || run == null) {
            scheduler.deactivate(this);
            return 0;
        }
        if (pauseAfterNextStep) {
            takeStep(true); // a single Step is shown taken apart, at any speed
            return 0;
        }
        long now = System.nanoTime();
        long wait = lastStepNanos + nanosBetweenSteps - now;
        if (nanosBetweenSteps > 0 && wait > 0) {
            return wait;
        }
        boolean detail = nanosBetweenSteps > 0 || now - lastDetailNanos > DETAIL_INTERVAL_NANOS;
        takeStep(detail);
        return 0;
    }

    /** One step, then the evaluations and state changes due after it (scheduler thread). */
    private void takeStep(boolean withDetail) {
        long now = System.nanoTime();
        lastStepNanos = now;
        TrainingRun.TakenStep taken = run.step(withDetail);
        StepMetrics metrics = taken.metrics();
        listener.onStep(metrics);
        if (taken.detail() != null) {
            lastDetailNanos = now;
            listener.onStepDetail(taken.detail());
            reportBoundary();
        }
        if (metrics.diverged()) {
            fail(divergenceMessage(metrics));
            return;
        }
        if (run.epochComplete()) {
            int epoch = run.epoch();
            float trainLoss = run.finishEpoch();
            EvalMetrics validation = evaluate(epoch);
            listener.onEpoch(new EpochMetrics(epoch, run.stepsTaken(), trainLoss, validation));
            if (run.finished()) {
                scheduler.deactivate(this);
                reportBoundary();
                setState(RunState.FINISHED, null);
            } else if (pauseAtEpochEnd && state == RunState.RUNNING) {
                pauseAtEpochEnd = false;
                scheduler.deactivate(this);
                reportBoundary();
                setState(RunState.PAUSED, null);
            }
        } else if (run.evalInterval() > 0 && run.stepsTaken() % run.evalInterval() == 0) {
            evaluate(run.epoch());
        }
        if (pauseAfterNextStep && state == RunState.RUNNING) {
            pauseAfterNextStep = false;
            scheduler.deactivate(this);
            reportBoundary();
            setState(RunState.PAUSED, null);
        }
    }

    private EvalMetrics evaluate(int epoch) {
        Evaluator.Evaluation evaluation = run.evaluate(epoch);
        listener.onEvaluation(evaluation.metrics());
        reportHidden(evaluation);
        listener.onPredictions(evaluation.predictions());
        return evaluation.metrics();
    }

    private void reportHidden(Evaluator.Evaluation evaluation) {
        if (!Float.isNaN(evaluation.hiddenAccuracy())) {
            EvalMetrics shown = evaluation.metrics();
            listener.onHiddenEvaluation(shown.step(), shown.epoch(), evaluation.hiddenAccuracy());
        }
    }

    private void reportBoundary() {
        DecisionBoundary boundary = run.boundary(RunHandle.BOUNDARY_RESOLUTION);
        if (boundary != null) {
            listener.onBoundary(boundary);
        }
    }

    /** The network's softmax for {@code count} samples, into {@code result}. */
    void classify(float[] inputs, int count, CompletableFuture<float[]> result) {
        if (run == null) {
            result.completeExceptionally(
                    new IllegalStateException("This network is no longer there."));
            return;
        }
        try {
            result.complete(run.probabilities(inputs, count));
        } catch (RuntimeException e) {
            log.warn("Classifying inputs failed: {}", e.toString());
            // libtorch's message (native frames and all) stays in the log.
            result.completeExceptionally(new IllegalStateException(
                    "The network could not compute an answer because of an internal error."));
        }
    }

    private String divergenceMessage(StepMetrics metrics) {
        String what = Float.isNaN(metrics.loss())
                ? "became not a number (NaN)"
                : Float.isInfinite(metrics.loss())
                        ? "became infinite"
                        : String.format(Locale.ROOT, "exploded to %.3g", metrics.loss());
        double rate = run.learningRate();
        return "Training diverged: the loss " + what + " at step " + metrics.step()
                + " (epoch " + metrics.epoch() + "). The learning rate " + plain(rate)
                + " is probably too high: press Reset and try a smaller one, for example "
                + plain(rate / 10) + ".";
    }

    /** 1000 rather than 1000.0, 0.001 rather than 1.0E-3 (float noise rounded away). */
    private static String plain(double value) {
        return new BigDecimal(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Stops the run with a sentence for the user (scheduler thread). */
    @Override
    public void fail(String sentence) {
        scheduler.deactivate(this);
        setState(RunState.FAILED, sentence);
    }

    private void setState(RunState newState, String sentence) {
        state = newState;
        message = sentence;
        listener.onStateChanged(newState, sentence);
    }

    float[] parameterValues(int index) {
        return run.parameterValues(index);
    }
}
