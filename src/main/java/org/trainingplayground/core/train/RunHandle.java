package org.trainingplayground.core.train;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.schedule.TrainingScheduler;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;

/**
 * A thread-safe handle on one training run: start, pause and close it from any thread. The work
 * itself happens on the scheduler thread, which reports back through the {@link RunListener}.
 */
public final class RunHandle implements AutoCloseable {

    /** Cells per side of the decision-boundary grid: 2,500 predictions, well under 1 ms. */
    static final int BOUNDARY_RESOLUTION = 50;

    private final RunSpec spec;
    private final Dataset dataset;
    private final TrainingScheduler scheduler;
    private final RunLoop loop;

    RunHandle(
            RunSpec spec,
            Dataset dataset,
            TrainingEngine.TensorSource tensorSource,
            NDManager parentManager,
            TrainingScheduler scheduler,
            RunListener listener) {
        this.spec = spec;
        this.dataset = dataset;
        this.scheduler = scheduler;
        this.loop = new RunLoop(spec, dataset, tensorSource, parentManager, scheduler, listener);
        scheduler.execute(loop::build);
    }

    public RunSpec spec() {
        return spec;
    }

    /** The data this run trains on, as plain values (for previews, galleries and drawings). */
    public Dataset dataset() {
        return dataset;
    }

    public RunState state() {
        return loop.state();
    }

    /** The sentence explaining why the run failed, or null. */
    public String message() {
        return loop.message();
    }

    /** Steps in one epoch (0 until the run is built). */
    public int stepsPerEpoch() {
        return loop.stepsPerEpoch();
    }

    public List<String> parameterNames() {
        return spec.network().parameterNames();
    }

    /**
     * Resumes or begins training; ignored unless the run is paused. When every place is taken
     * the run waits in the queue ({@link RunState#QUEUED}) and starts by itself later.
     */
    public void start() {
        scheduler.execute(loop::start);
    }

    /** Puts a paused run into the rotation, or into the queue when it is full (scheduler thread). */
    void startNow() {
        loop.start();
    }

    /**
     * This run's place in the queue, 1 for the next to start; 0 when it is not waiting (it
     * may have just been given a place, before its state says RUNNING).
     */
    public int queuePosition() {
        return scheduler.queuePosition(loop);
    }

    /**
     * Stops taking steps after the current one, or leaves the queue; {@link #start()} resumes
     * (at the back of the queue if it is full).
     */
    public void pause() {
        scheduler.execute(loop::pause);
    }

    /** Takes exactly one batch and stays paused; ignored unless the run is paused. */
    public void step() {
        scheduler.execute(loop::step);
    }

    /**
     * Trains to the end of the current epoch, then pauses; ignored unless paused. Like
     * {@link #start()} it waits in the queue when every place is taken.
     */
    public void stepEpoch() {
        scheduler.execute(loop::stepEpoch);
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
        loop.setNanosBetweenSteps(stepsPerSecond == 0 ? 0 : (long) (1e9 / stepsPerSecond));
    }

    /** Changes the learning rate from the next step on, keeping the optimizer's state. */
    public void setLearningRate(double rate) {
        String problem = OptimizerSpec.learningRateProblem(rate);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        scheduler.execute(() -> loop.setLearningRate(rate));
    }

    /** With false, gradients accumulate across steps (the lesson's forgotten zero_grad). */
    public void setZeroGrad(boolean clear) {
        scheduler.execute(() -> loop.setZeroGrad(clear));
    }

    /** Frees the run's native memory (weights, gradients, optimizer state). Idempotent. */
    @Override
    public void close() {
        if (loop.state() == RunState.CLOSED) {
            return;
        }
        scheduler.execute(loop::close);
    }

    /**
     * Classifies samples with the network as it is now (a drawn digit, say), between two
     * training steps.
     *
     * @param inputs one row of the network's input size per sample
     * @return the softmax probabilities, one row per sample; completes on the scheduler thread,
     *     exceptionally with a sentence if the run is closed or the input has the wrong size
     */
    public CompletableFuture<float[]> classify(float[] inputs) {
        var result = new CompletableFuture<float[]>();
        int features = spec.network().inputs();
        if (inputs.length == 0 || inputs.length % features != 0) {
            result.completeExceptionally(new IllegalArgumentException("The network takes "
                    + features + " values per sample, not " + inputs.length + "."));
            return result;
        }
        scheduler.execute(() -> loop.classify(inputs, inputs.length / features, result));
        return result;
    }

    /** Current weights of one parameter tensor; blocks until the scheduler answers. For tests. */
    float[] parameterValues(int index) throws InterruptedException {
        var result = new CompletableFuture<float[]>();
        scheduler.execute(() -> result.complete(loop.parameterValues(index)));
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
