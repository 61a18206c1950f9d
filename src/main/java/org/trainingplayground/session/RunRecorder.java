package org.trainingplayground.session;

import org.trainingplayground.core.metrics.DecisionBoundary;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepDetail;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.metrics.TestPredictions;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.store.RunJournal;
import org.trainingplayground.core.train.RunHandle;

/**
 * What one run of a playground has measured, as the scheduler thread reports it: the history
 * behind the charts, the latest step, detail, predictions and boundary, and the pace of its
 * steps. Its values are volatile or guarded, so the UI reads them without the session's lock.
 */
final class RunRecorder implements RunListener {

    private final RunSpec runSpec;
    private final PlaygroundSession session;
    private final MetricsHistory history;
    /** Keeps the learner's runs; null when none are kept. */
    private final RunKeeper keeper;
    /** Keeps this run in the learner's history; null when none is kept. */
    private final RunJournal journal;

    private final long[] recentNanos = new long[64];
    private volatile long lastStepNanos;
    private volatile StepMetrics latestStep;
    private volatile StepDetail latestDetail;
    private volatile TestPredictions latestPredictions;
    private volatile DecisionBoundary latestBoundary;
    private volatile float initialLoss = Float.NaN;
    private volatile int epochsDone;
    private long recorded;
    /** Set when the run starts, cleared by its next step: that step is prompt. */
    private volatile boolean awaitingFirstStep;

    /**
     * @param keeper keeps the run in the learner's history (null: it is not kept)
     * @param session hears that something visible changed ({@link PlaygroundSession#changed}),
     *     and the state changes worth a prompt push ({@link PlaygroundSession#runStateChanged})
     */
    RunRecorder(RunSpec runSpec, PlaygroundSession session, RunKeeper keeper, double speed) {
        this.runSpec = runSpec;
        this.session = session;
        this.keeper = keeper;
        this.journal = keeper == null ? null : keeper.journalFor(runSpec, speed);
        this.history = new MetricsHistory(runSpec.network().parameterNames().size());
    }

    MetricsHistory history() {
        return history;
    }

    StepDetail latestDetail() {
        return latestDetail;
    }

    TestPredictions latestPredictions() {
        return latestPredictions;
    }

    DecisionBoundary latestBoundary() {
        return latestBoundary;
    }

    @Override
    public void onReady(float loss, EvalMetrics untrained) {
        initialLoss = loss;
        history.addEvaluation(untrained);
        if (journal != null) {
            journal.onReady(loss, untrained);
        }
        session.changed(true);
    }

    @Override
    public void onStep(StepMetrics step) {
        history.addStep(step);
        if (journal != null) {
            journal.onStep(step);
        }
        latestStep = step;
        long now = System.nanoTime();
        synchronized (recentNanos) {
            recentNanos[(int) (recorded++ % recentNanos.length)] = now;
        }
        lastStepNanos = now;
        boolean first = awaitingFirstStep;
        awaitingFirstStep = false;
        session.changed(first);
    }

    @Override
    public void onStepDetail(StepDetail detail) {
        latestDetail = detail;
        session.changed(false);
    }

    @Override
    public void onEvaluation(EvalMetrics eval) {
        history.addEvaluation(eval);
        if (journal != null) {
            journal.onEvaluation(eval);
        }
        session.changed(false);
    }

    /** A class run keeps a fifth of the test split hidden, for its teacher's challenge. */
    @Override
    public int hiddenTestSamples(int testSize) {
        return journal != null && journal.classCode() != null ? testSize / 5 : 0;
    }

    @Override
    public void onHiddenEvaluation(long step, int epoch, float accuracy) {
        if (step > 0) {
            keeper.classTie()
                    .scored(new ClassTie.HiddenScore(
                            journal.runId(), runSpec, step, epoch, accuracy));
        }
    }

    @Override
    public void onPredictions(TestPredictions predictions) {
        latestPredictions = predictions;
        session.changed(false);
    }

    @Override
    public void onBoundary(DecisionBoundary boundary) {
        latestBoundary = boundary;
        session.changed(false);
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        epochsDone = epoch.epoch();
        if (journal != null) {
            journal.onEpoch(epoch);
        }
        session.changed(false);
    }

    /** Also called while the run waits, whenever its place in the queue may have moved. */
    @Override
    public void onStateChanged(RunState state, String message) {
        awaitingFirstStep = state == RunState.RUNNING;
        if (journal != null) {
            journal.onStateChanged(state, message);
        }
        session.runStateChanged(this, state);
    }

    /** Steps per second over the most recent steps, 0 once steps stop arriving. */
    double stepsPerSecond() {
        long now = System.nanoTime();
        if (now - lastStepNanos > 1_000_000_000L) {
            return 0;
        }
        synchronized (recentNanos) {
            int n = (int) Math.min(recorded, recentNanos.length);
            if (n < 2) {
                return 0;
            }
            long newest = recentNanos[(int) ((recorded - 1) % recentNanos.length)];
            long oldest = recentNanos[(int) ((recorded - n) % recentNanos.length)];
            return newest == oldest ? 0 : (n - 1) * 1e9 / (newest - oldest);
        }
    }

    /** True once the run is in the history (it took a step). */
    boolean kept() {
        return journal != null && journal.kept();
    }

    /** What the page says of the history: not saving right now, or old runs removed. */
    private String historyNote() {
        if (!kept()) {
            return null;
        }
        if (!keeper.saving()) {
            return "Your run is not being saved right now. It goes on training, and is saved"
                    + " as soon as the history can be written again.";
        }
        int pruned = journal.prunedRuns();
        if (pruned > 0) {
            return (pruned == 1 ? "Your oldest run was" : "Your " + pruned + " oldest runs were")
                    + " removed from your history, which keeps your latest " + keeper.maxRuns()
                    + ".";
        }
        return null;
    }

    SessionStatus status(RunHandle handle, int activeRuns) {
        StepMetrics step = latestStep;
        EvalMetrics eval = history.latestEvaluation();
        RunState state = handle.state();
        int epoch = step == null ? 1 : Math.min(step.epoch(), runSpec.epochs());
        int stepInEpoch = step == null ? 0 : step.stepInEpoch();
        if (state == RunState.FINISHED) {
            epoch = runSpec.epochs();
            stepInEpoch = handle.stepsPerEpoch();
        }
        return new SessionStatus(
                state,
                epoch,
                runSpec.epochs(),
                step == null ? 0 : step.step(),
                stepInEpoch,
                handle.stepsPerEpoch(),
                step == null ? Float.NaN : step.loss(),
                eval == null ? Float.NaN : eval.accuracy(),
                runSpec.loss(),
                runSpec.network().outputs(),
                initialLoss,
                state == RunState.RUNNING ? stepsPerSecond() : 0,
                handle.message(),
                state == RunState.QUEUED ? handle.queuePosition() : 0,
                activeRuns,
                historyNote(),
                kept() ? journal.runId() : null);
    }
}
