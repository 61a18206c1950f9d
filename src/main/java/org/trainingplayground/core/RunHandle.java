package org.trainingplayground.core;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe handle on one training run: start, pause and close it from any thread. The work
 * itself happens on the scheduler thread, which reports back through the {@link RunListener}.
 */
public final class RunHandle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunHandle.class);

    private final RunSpec spec;
    private final TrainingScheduler scheduler;
    private final RunListener listener;
    private final DatasetTensors data;
    private final ai.djl.ndarray.NDManager parentManager;
    private TrainingRun run;
    private volatile RunState state = RunState.CREATING;
    private volatile String message;
    private volatile int stepsPerEpoch;

    RunHandle(
            RunSpec spec,
            DatasetTensors data,
            ai.djl.ndarray.NDManager parentManager,
            TrainingScheduler scheduler,
            RunListener listener) {
        this.spec = spec;
        this.data = data;
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
            run = new TrainingRun(spec, data, parentManager);
            stepsPerEpoch = run.stepsPerEpoch();
            float initialLoss = run.initialLoss();
            EvalMetrics untrained = run.evaluate(0);
            // Paused before anyone hears of it, so a listener may start the run at once.
            state = RunState.PAUSED;
            listener.onReady(initialLoss, untrained);
            listener.onStateChanged(RunState.PAUSED, null);
        } catch (RuntimeException e) {
            log.error("Could not build run", e);
            fail("The network could not be built: " + e.getMessage());
        }
    }

    public RunSpec spec() {
        return spec;
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

    /** Resumes or begins training; ignored unless the run is paused. */
    public void start() {
        scheduler.execute(() -> {
            if (state.canStart()) {
                setState(RunState.RUNNING, null);
                scheduler.activate(this);
            }
        });
    }

    /** Stops taking steps after the current one; {@link #start()} resumes. */
    public void pause() {
        scheduler.execute(() -> {
            if (state == RunState.RUNNING) {
                scheduler.deactivate(this);
                setState(RunState.PAUSED, null);
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
            scheduler.deactivate(this);
            if (run != null) {
                run.close();
                run = null;
            }
            setState(RunState.CLOSED, null);
        });
    }

    /** One step, plus the evaluations due after it (scheduler thread). */
    void takeTurn() {
        if (state != RunState.RUNNING || run == null) {
            scheduler.deactivate(this);
            return;
        }
        StepMetrics metrics = run.step();
        listener.onStep(metrics);
        if (metrics.diverged()) {
            fail(divergenceMessage(metrics));
            return;
        }
        if (run.epochComplete()) {
            int epoch = run.epoch();
            float trainLoss = run.finishEpoch();
            EvalMetrics validation = run.evaluate(epoch);
            listener.onEvaluation(validation);
            listener.onEpoch(new EpochMetrics(epoch, run.stepsTaken(), trainLoss, validation));
            if (run.finished()) {
                scheduler.deactivate(this);
                setState(RunState.FINISHED, null);
            }
        } else if (spec.evalEverySteps() > 0 && run.stepsTaken() % spec.evalEverySteps() == 0) {
            listener.onEvaluation(run.evaluate(run.epoch()));
        }
    }

    private String divergenceMessage(StepMetrics metrics) {
        String what = Float.isNaN(metrics.loss()) ? "not a number (NaN)" : "infinite";
        return "Training diverged: the loss became " + what + " at step " + metrics.step()
                + " (epoch " + metrics.epoch() + "). The learning rate "
                + spec.optimizer().learningRate() + " is probably too high: press Reset and try"
                + " a smaller one, for example a tenth of it.";
    }

    /** Stops the run with a sentence for the user (scheduler thread). */
    void fail(String sentence) {
        scheduler.deactivate(this);
        setState(RunState.FAILED, sentence);
    }

    private void setState(RunState newState, String sentence) {
        state = newState;
        message = sentence;
        listener.onStateChanged(newState, sentence);
    }

    /** Lets a test start several runs inside one scheduler command (scheduler thread). */
    void setStateForTest(RunState newState) {
        setState(newState, null);
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
