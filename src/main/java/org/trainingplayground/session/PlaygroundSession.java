package org.trainingplayground.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.trainingplayground.core.autograd.AutogradExample;
import org.trainingplayground.core.data.Dataset;
import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.spec.OptimizerSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.RunHandle;
import org.trainingplayground.core.train.TrainingEngine;

/**
 * One user's playground: the settings they chose, their current run and everything it measured.
 * Every tab of the same browser session shows this same object, so a reload finds the run as it
 * was. Thread-safe: UI threads call the actions, the scheduler thread reports metrics.
 */
public final class PlaygroundSession implements AutoCloseable {

    /** Evaluate on the test split this often, so accuracy moves within seconds of Start. */
    static final int EVAL_EVERY_STEPS = 25;

    private final TrainingEngine engine;
    private final AtomicLong version = new AtomicLong();
    private final List<Runnable> promptWatchers = new CopyOnWriteArrayList<>();
    private final Limits limits;
    private final BrowserBudget budget;
    private final SettingsAdmission admission;
    /** Keeps this learner's runs in the history; null keeps none (tests, benchmarks). */
    private final RunKeeper keeper;

    private RunSpec spec;
    // Volatile: the browser's other playgrounds read them, without this one's lock.
    private volatile RunHandle run;
    private double speed;
    private boolean zeroGrad = true;
    private volatile boolean startRequested;
    /** Start was pressed and the scheduler has not yet taken it: the run still shows PAUSED. */
    private volatile boolean startPending;
    /** A learning rate applied to the running run after it was built; NaN if none. */
    private double liveLearningRate = Double.NaN;

    private volatile RunRecorder recorder; // read by the scheduler thread: is it current?
    private boolean closed;

    public PlaygroundSession(TrainingEngine engine, Limits limits) {
        this(engine, limits, BrowserBudget.unlimited());
    }

    public PlaygroundSession(TrainingEngine engine, Limits limits, BrowserBudget budget) {
        this(engine, limits, budget, null);
    }

    /**
     * A playground sharing {@code budget} with the browser's other playgrounds, whose runs
     * {@code keeper} keeps in the learner's history (null: none are kept).
     */
    public PlaygroundSession(
            TrainingEngine engine, Limits limits, BrowserBudget budget, RunKeeper keeper) {
        this.engine = engine;
        this.limits = limits;
        this.budget = budget;
        this.keeper = keeper;
        this.admission = new SettingsAdmission(limits, budget, engine);
        this.spec = DatasetDefaults.firstRun(engine.lessonNetwork()); // the page opens on MNIST
        newRun();
        budget.join(this); // only now: the others read its run
    }

    private void newRun() {
        startRequested = false;
        startPending = false;
        recorder = new RunRecorder(spec, this, keeper, speed);
        run = engine.newRun(spec, recorder);
        run.setSpeed(speed);
        run.setZeroGrad(zeroGrad);
        version.incrementAndGet();
    }

    /** The lesson's autograd example for a new x, computed by the engine between two steps. */
    public CompletableFuture<AutogradExample> autogradExample(long seed) {
        return engine.autogradExample(seed);
    }

    /** The settings the form shows: the current run's, or newer ones waiting for a Reset. */
    public synchronized RunSpec spec() {
        return spec;
    }

    /** The settings the current run was built with. */
    public synchronized RunSpec runSpec() {
        return run.spec();
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Takes new settings. Before the first step they rebuild the run at once; afterwards a new
     * learning rate applies live and anything else waits for {@link #reset()}.
     *
     * @param problems receives each setting outside the operator's limits, with a sentence
     */
    public synchronized SettingsApplied apply(RunSpec newSpec, List<Limits.Problem> problems) {
        List<Limits.Problem> found = admission.problems(this, newSpec);
        if (!found.isEmpty()) {
            problems.addAll(found);
            return SettingsApplied.REFUSED;
        }
        RunSpec current = run.spec();
        spec = newSpec;
        version.incrementAndGet();
        // Untouched runs are rebuilt; a Start already on its way to the scheduler counts as
        // touched, or the rebuild would swallow it.
        if (!startRequested && recorder.history().stepCount() == 0) {
            reset();
            return SettingsApplied.REBUILT;
        }
        // The learning rate always applies at once (the optimizer reads it at every update),
        // even when other changes wait for a Reset.
        double rate = newSpec.optimizer().learningRate();
        if (newSpec.optimizer().kind() == current.optimizer().kind()
                && rate != liveLearningRate()) {
            run.setLearningRate(rate);
            liveLearningRate = rate;
        }
        return current.differsOnlyInLearningRate(newSpec)
                ? SettingsApplied.LIVE
                : SettingsApplied.PENDING;
    }

    /** Takes exactly one batch (the run must be paused). */
    public synchronized void step() {
        startRequested = true;
        run.step();
    }

    /** Trains to the end of the current epoch, then pauses. */
    public synchronized void stepEpoch() {
        startRequested = true;
        run.stepEpoch();
    }

    /**
     * Full speed (0) or at most this many steps per second, so a class can follow. Applies
     * live and to later runs of this session.
     */
    public synchronized void setSpeed(double stepsPerSecond) {
        run.setSpeed(stepsPerSecond);
        speed = stepsPerSecond;
        version.incrementAndGet();
    }

    public synchronized double speed() {
        return speed;
    }

    /** False forgets {@code zero_grad}: gradients then accumulate across steps. Live. */
    public synchronized void setZeroGrad(boolean clear) {
        run.setZeroGrad(clear);
        zeroGrad = clear;
        version.incrementAndGet();
    }

    public synchronized boolean zeroGrad() {
        return zeroGrad;
    }

    /**
     * The current run's recorder. Its values are volatile, so readers take them without holding
     * this session's lock while the training thread writes.
     */
    private synchronized RunRecorder currentRecorder() {
        return recorder;
    }

    /** The data the current run trains on, as plain values. */
    public synchronized Dataset dataset() {
        return run.dataset();
    }

    /** The current run's newest answers for the test split (null until the run is built). */
    public TestPredictions latestPredictions() {
        return currentRecorder().latestPredictions();
    }

    /** The current run's newest decision boundary; null for image sets and until built. */
    public DecisionBoundary latestBoundary() {
        return currentRecorder().latestBoundary();
    }

    /**
     * Asks the current network what it makes of some inputs (a drawing), between two steps.
     *
     * @return softmax probabilities, completed on the training thread
     */
    public synchronized CompletableFuture<float[]> classify(float[] inputs) {
        return run.classify(inputs);
    }

    /** The newest step taken apart for the step-through view, or null before the first. */
    public StepDetail latestDetail() {
        return currentRecorder().latestDetail();
    }

    public synchronized OptimizerSpec optimizer() {
        return spec.optimizer();
    }

    /**
     * Starts or resumes training; a finished or failed run needs {@link #reset()} first.
     *
     * @return null, or why this browser may not start another run now (nothing changed)
     */
    public synchronized String start() {
        if (!isTrainingOrWaiting()) {
            String refusal = budget.startRefusal(this);
            if (refusal != null) {
                return refusal;
            }
        }
        startRequested = true;
        startPending = true;
        run.start();
        return null;
    }

    /** Training, waiting for a place, or about to (started, not yet taken by the scheduler). */
    boolean isTrainingOrWaiting() {
        RunState state = run.state();
        return state == RunState.RUNNING
                || state == RunState.QUEUED
                || (startPending && (state == RunState.PAUSED || state == RunState.CREATING));
    }

    /** The weights and biases the current run holds (or is building). */
    long weightsBuilt() {
        return run.spec().network().parameterCount();
    }

    /** Pauses training, or takes a run waiting for a free place out of the queue. */
    public synchronized void pause() {
        startPending = false;
        run.pause();
    }

    /** The run's place in the queue for a free place, 1 for the next; 0 when not waiting. */
    public synchronized int queuePosition() {
        return run.queuePosition();
    }

    /** Throws the run away and builds a new one with fresh weights from the seed. */
    public synchronized void reset() {
        run.close();
        liveLearningRate = Double.NaN;
        newRun();
    }

    /** True when the form's settings wait for a Reset to take effect. */
    public synchronized boolean settingsPending() {
        RunSpec built = run.spec()
                .withOptimizer(run.spec().optimizer().withLearningRate(liveLearningRate()));
        return !spec.equals(built) && !spec.equals(run.spec());
    }

    private double liveLearningRate() {
        return Double.isNaN(liveLearningRate)
                ? run.spec().optimizer().learningRate()
                : liveLearningRate;
    }

    /** The current run's measurements. Replaced by {@link #reset()}. */
    public synchronized MetricsHistory history() {
        return recorder.history();
    }

    public synchronized List<String> parameterNames() {
        return run.parameterNames();
    }

    /**
     * Calls {@code watcher}, on the training thread, when something changes that a student is
     * waiting to see: the run built, started, paused, finished or failed, its place in the
     * queue, and its first step after Start. A page pushes these at once instead of at its
     * next periodic push (up to 250 ms later, most of a click's answer time under load).
     * The watcher must return at once, handing any work to another thread.
     *
     * @return removes the watcher
     */
    public Runnable watchPromptChanges(Runnable watcher) {
        promptWatchers.add(watcher);
        return () -> promptWatchers.remove(watcher);
    }

    /** The recorder saw something visible change; {@code prompt}: worth a push at once. */
    void changed(boolean prompt) {
        version.incrementAndGet();
        if (prompt) {
            promptWatchers.forEach(Runnable::run);
        }
    }

    /** {@code from}'s run changed state: leaving PAUSED, it has taken a pending Start. */
    void runStateChanged(RunRecorder from, RunState state) {
        if (state != RunState.PAUSED && state != RunState.CREATING && from == recorder) {
            startPending = false;
        }
        changed(true);
    }

    /** Bumped whenever something visible changes; the UI skips a push when it has not moved. */
    public long version() {
        return version.get();
    }

    public synchronized SessionStatus status() {
        return recorder.status(run, engine.scheduler().activeRuns());
    }

    public synchronized RunState state() {
        return run.state();
    }

    /** Ends the run and frees its native memory; the session cannot be used afterwards. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            budget.leave(this);
            run.close();
        }
    }
}
