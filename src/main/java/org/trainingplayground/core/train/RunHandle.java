package org.trainingplayground.core.train;

import java.util.List;
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
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/**
 * A thread-safe handle on one training run: start, pause and close it from any thread. The work
 * itself happens on the scheduler thread, which reports back through the {@link RunListener}.
 */
public final class RunHandle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunHandle.class);

    /** Cells per side of the decision-boundary grid: 2,500 predictions, well under 1 ms. */
    static final int BOUNDARY_RESOLUTION = 50;

    private final RunSpec spec;
    private final TrainingScheduler scheduler;
    /** This run as the scheduler sees it; kept apart so that its turn is not public here. */
    private final ScheduledRun turns = new ScheduledRun() {
        @Override
        public long takeTurn() {
            return RunHandle.this.takeTurn();
        }

        @Override
        public void admitted() {
            RunHandle.this.admitted();
        }

        @Override
        public void movedInQueue() {
            RunHandle.this.movedInQueue();
        }

        @Override
        public void fail(String sentence) {
            RunHandle.this.fail(sentence);
        }
    };

    private final RunListener listener;
    private final Dataset dataset;
    private final TrainingEngine.TensorSource tensorSource;
    private final ai.djl.ndarray.NDManager parentManager;
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

    /** How often the step-through view is refreshed while training at full speed. */
    private static final long DETAIL_INTERVAL_NANOS = 250_000_000L;

    RunHandle(
            RunSpec spec,
            Dataset dataset,
            TrainingEngine.TensorSource tensorSource,
            ai.djl.ndarray.NDManager parentManager,
            TrainingScheduler scheduler,
            RunListener listener) {
        this.spec = spec;
        this.dataset = dataset;
        this.tensorSource = tensorSource;
        this.parentManager = parentManager;
        this.scheduler = scheduler;
        this.listener = listener;
        scheduler.execute(this::build);
    }

    private void build() {
        if (state == RunState.CLOSED) {
            return;
        }
        try {
            data = tensorSource.tensors(dataset);
            run = new TrainingRun(spec, data, parentManager);
            stepsPerEpoch = run.stepsPerEpoch();
            float initialLoss = run.initialLoss();
            Evaluator.Evaluation untrained = run.evaluate(0);
            // Paused before anyone hears of it, so a listener may start the run at once.
            state = RunState.PAUSED;
            listener.onReady(initialLoss, untrained.metrics());
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

    public RunSpec spec() {
        return spec;
    }

    /** The data this run trains on, as plain values (for previews, galleries and drawings). */
    public Dataset dataset() {
        return dataset;
    }

    public RunState state() {
        return state;
    }

    /** The sentence explaining why the run failed, or null. */
    public String message() {
        return message;
    }

    /** Steps in one epoch (0 until the run is built). */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    public List<String> parameterNames() {
        return spec.network().parameterNames();
    }

    /**
     * Resumes or begins training; ignored unless the run is paused. When every place is taken
     * the run waits in the queue ({@link RunState#QUEUED}) and starts by itself later.
     */
    public void start() {
        scheduler.execute(this::startNow);
    }

    /** Puts a paused run into the rotation, or into the queue when it is full (scheduler thread). */
    void startNow() {
        if (state.canStart()) {
            takeTurnsOrQueue();
        }
    }

    private void takeTurnsOrQueue() {
        if (scheduler.activateOrQueue(turns)) {
            setState(RunState.RUNNING, null);
        } else {
            setState(RunState.QUEUED, null);
        }
    }

    /** A place freed up and this waiting run took it (scheduler thread). */
    private void admitted() {
        setState(RunState.RUNNING, null);
    }

    /** Runs ahead of this one left the queue; the listener hears it to show the new place. */
    private void movedInQueue() {
        if (state == RunState.QUEUED) {
            listener.onStateChanged(RunState.QUEUED, null);
        }
    }

    /**
     * This run's place in the queue, 1 for the next to start; 0 when it is not waiting (it
     * may have just been given a place, before its state says RUNNING).
     */
    public int queuePosition() {
        return scheduler.queuePosition(turns);
    }

    /**
     * Stops taking steps after the current one, or leaves the queue; {@link #start()} resumes
     * (at the back of the queue if it is full).
     */
    public void pause() {
        scheduler.execute(() -> {
            if (state == RunState.RUNNING || state == RunState.QUEUED) {
                // A Step epoch's pause at the epoch's end is forgotten with an explicit pause.
                pauseAtEpochEnd = false;
                pauseAfterNextStep = false;
                scheduler.deactivate(turns);
                // The boundary is drawn a few times a second; show where it stopped.
                reportBoundary();
                setState(RunState.PAUSED, null);
            }
        });
    }

    /** Takes exactly one batch and stays paused; ignored unless the run is paused. */
    public void step() {
        // It takes a turn under the cap like training, so a flood of Step clicks cannot run
        // ahead of other students; while it waits, further clicks find it no longer paused.
        scheduler.execute(() -> {
            if (state == RunState.PAUSED && run != null) {
                pauseAfterNextStep = true;
                takeTurnsOrQueue();
            }
        });
    }

    /**
     * Trains to the end of the current epoch, then pauses; ignored unless paused. Like
     * {@link #start()} it waits in the queue when every place is taken.
     */
    public void stepEpoch() {
        scheduler.execute(() -> {
            if (state == RunState.PAUSED) {
                pauseAtEpochEnd = true;
                takeTurnsOrQueue();
            }
        });
    }

    /**
     * Slows training down so a class can follow.
     *
     * @param stepsPerSecond at most this many steps per second; 0 for full speed
     */
    public void setSpeed(double stepsPerSecond) {
        if (!(stepsPerSecond >= 0) || Double.isInfinite(stepsPerSecond)) {
            throw new IllegalArgumentException("The speed must be 0 (full) or more steps per"
                    + " second, not " + stepsPerSecond + ".");
        }
        nanosBetweenSteps = stepsPerSecond == 0 ? 0 : (long) (1e9 / stepsPerSecond);
    }

    /** Changes the learning rate from the next step on, keeping the optimizer's state. */
    public void setLearningRate(double rate) {
        String problem = OptimizerSpec.learningRateProblem(rate);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        scheduler.execute(() -> {
            if (run != null) {
                run.setLearningRate(rate);
            }
        });
    }

    /** With false, gradients accumulate across steps (the lesson's forgotten zero_grad). */
    public void setZeroGrad(boolean clear) {
        scheduler.execute(() -> {
            if (run != null) {
                run.setZeroGrad(clear);
            }
        });
    }

    /** Frees the run's native memory (weights, gradients, optimizer state). Idempotent. */
    @Override
    public void close() {
        if (state == RunState.CLOSED) {
            return;
        }
        scheduler.execute(() -> {
            scheduler.deactivate(turns);
            if (run != null) {
                run.close();
                run = null;
            }
            if (data != null) {
                tensorSource.release(data);
                data = null;
            }
            setState(RunState.CLOSED, null);
        });
    }

    /**
     * The run's turn in the rotation (scheduler thread): one step if it is due.
     *
     * @return 0 if a step was taken, otherwise nanoseconds until the next step is due
     */
    private long takeTurn() {
        if (state != RunState.RUNNING || run == null) {
            scheduler.deactivate(turns);
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
                scheduler.deactivate(turns);
                reportBoundary();
                setState(RunState.FINISHED, null);
            } else if (pauseAtEpochEnd && state == RunState.RUNNING) {
                pauseAtEpochEnd = false;
                scheduler.deactivate(turns);
                reportBoundary();
                setState(RunState.PAUSED, null);
            }
        } else if (spec.evalEverySteps() > 0 && run.stepsTaken() % spec.evalEverySteps() == 0) {
            evaluate(run.epoch());
        }
        if (pauseAfterNextStep && state == RunState.RUNNING) {
            pauseAfterNextStep = false;
            scheduler.deactivate(turns);
            reportBoundary();
            setState(RunState.PAUSED, null);
        }
    }

    private EvalMetrics evaluate(int epoch) {
        Evaluator.Evaluation evaluation = run.evaluate(epoch);
        listener.onEvaluation(evaluation.metrics());
        listener.onPredictions(evaluation.predictions());
        return evaluation.metrics();
    }

    private void reportBoundary() {
        DecisionBoundary boundary = run.boundary(BOUNDARY_RESOLUTION);
        if (boundary != null) {
            listener.onBoundary(boundary);
        }
    }

    /**
     * Classifies samples with the network as it is now (a drawn digit, say), between two
     * training steps.
     *
     * @param inputs one row of the network's input size per sample
     * @return the softmax probabilities, one row per sample; completes on the scheduler thread,
     *     exceptionally with a sentence if the run is closed or the input has the wrong size
     */
    public java.util.concurrent.CompletableFuture<float[]> classify(float[] inputs) {
        var result = new java.util.concurrent.CompletableFuture<float[]>();
        int features = spec.network().inputs();
        if (inputs.length == 0 || inputs.length % features != 0) {
            result.completeExceptionally(new IllegalArgumentException("The network takes "
                    + features + " values per sample, not " + inputs.length + "."));
            return result;
        }
        scheduler.execute(() -> {
            if (run == null) {
                result.completeExceptionally(
                        new IllegalStateException("This network is no longer there."));
                return;
            }
            try {
                result.complete(run.probabilities(inputs, inputs.length / features));
            } catch (RuntimeException e) {
                log.warn("Classifying inputs failed: {}", e.toString());
                // libtorch's message (native frames and all) stays in the log.
                result.completeExceptionally(new IllegalStateException(
                        "The network could not compute an answer because of an internal"
                                + " error."));
            }
        });
        return result;
    }

    private String divergenceMessage(StepMetrics metrics) {
        String what = Float.isNaN(metrics.loss())
                ? "became not a number (NaN)"
                : Float.isInfinite(metrics.loss())
                        ? "became infinite"
                        : String.format(java.util.Locale.ROOT, "exploded to %.3g", metrics.loss());
        double rate = run.learningRate();
        return "Training diverged: the loss " + what + " at step " + metrics.step()
                + " (epoch " + metrics.epoch() + "). The learning rate " + plain(rate)
                + " is probably too high: press Reset and try a smaller one, for example "
                + plain(rate / 10) + ".";
    }

    /** 1000 rather than 1000.0, 0.001 rather than 1.0E-3 (float noise rounded away). */
    private static String plain(double value) {
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Stops the run with a sentence for the user (scheduler thread). */
    private void fail(String sentence) {
        scheduler.deactivate(turns);
        setState(RunState.FAILED, sentence);
    }

    private void setState(RunState newState, String sentence) {
        state = newState;
        message = sentence;
        listener.onStateChanged(newState, sentence);
    }

    /** Current weights of one parameter tensor; blocks until the scheduler answers. For tests. */
    float[] parameterValues(int index) throws InterruptedException {
        var result = new java.util.concurrent.CompletableFuture<float[]>();
        scheduler.execute(() -> result.complete(run.parameterValues(index)));
        try {
            return result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
