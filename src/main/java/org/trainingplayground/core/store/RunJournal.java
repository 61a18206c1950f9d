package org.trainingplayground.core.store;

import java.time.Instant;
import java.util.List;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;

/**
 * Hands what one run measures to the {@link HistoryWriter}: a listener of the run, called on
 * the scheduler thread. Every
 * call only puts a small record in the writer's queue and returns: the database is never on
 * the training path. A run is kept from its first step on; one reset before any step leaves
 * nothing behind.
 */
public final class RunJournal implements RunListener {

    private final HistoryWriter writer;
    private final RunStart planned;
    private final List<String> tensorNames;
    private EvalMetrics untrained;
    private boolean started;
    private boolean ended;
    private long startNanos;
    private volatile int pruned;

    /** The class the run counts for, or null. */
    public String classCode() {
        return planned.classCode();
    }

    RunJournal(HistoryWriter writer, RunStart planned, List<String> tensorNames) {
        this.writer = writer;
        this.planned = planned;
        this.tensorNames = List.copyOf(tensorNames);
    }

    public String runId() {
        return planned.id();
    }

    /** Keeps the untrained network's evaluation for the run, should it take a step. */
    @Override
    public synchronized void onReady(float initialLoss, EvalMetrics evaluation) {
        untrained = evaluation;
    }

    @Override
    public synchronized void onStep(StepMetrics step) {
        if (!started) {
            started = true;
            startNanos = System.nanoTime();
            RunStart start = planned.startedAt(Instant.now(), step.stepsPerEpoch());
            writer.offer(new HistoryWriter.Started(this, start, tensorNames, untrained));
        }
        writer.offer(new HistoryWriter.Stepped(runId(), step, elapsedMs()));
    }

    @Override
    public synchronized void onEvaluation(EvalMetrics evaluation) {
        if (started && !ended) {
            writer.offer(new HistoryWriter.Evaluated(runId(), evaluation, elapsedMs()));
        }
    }

    @Override
    public synchronized void onEpoch(EpochMetrics epoch) {
        if (started && !ended) {
            writer.offer(new HistoryWriter.EpochEnded(runId(), epoch, elapsedMs()));
        }
    }

    /**
     * The run's new state. A run closed before it finished (a Reset, the session's end) is
     * kept as {@link RunStatus#STOPPED}, or {@link RunStatus#INTERRUPTED} when the server is
     * stopping under it.
     */
    @Override
    public synchronized void onStateChanged(RunState state, String message) {
        if (!started || ended) {
            return;
        }
        RunStatus status = switch (state) {
            case CREATING, QUEUED, RUNNING -> RunStatus.RUNNING;
            case PAUSED -> RunStatus.PAUSED;
            case FINISHED -> RunStatus.FINISHED;
            case FAILED -> RunStatus.FAILED;
            case CLOSED -> writer.stopping() ? RunStatus.INTERRUPTED : RunStatus.STOPPED;
        };
        ended = status.ended();
        writer.offer(new HistoryWriter.StatusChanged(runId(), status, message));
    }

    /** True once the run took a step, so it is in the history. */
    public synchronized boolean kept() {
        return started;
    }

    /**
     * How many of the learner's oldest runs were deleted when this one was first saved, to
     * keep within the operator's limit.
     */
    public int prunedRuns() {
        return pruned;
    }

    void setPruned(int count) {
        pruned = count;
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
