package org.trainingplayground.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.StepMetrics;

/**
 * What the history writer holds of one run until it is saved: the run's summary, the
 * evaluations and epochs not yet written and its bounded series. Writer thread only.
 */
final class RunDraft {

    /** Swallows what arrives for a run that is no longer drafted. */
    static final RunDraft IGNORED = new RunDraft(null, null, List.of(), null);

    private final RunJournal journal;
    private RunSummary summary;
    private final List<StoredRun.Evaluation> evaluations = new ArrayList<>();
    private final List<StoredRun.Epoch> epochs = new ArrayList<>();
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final List<String> tensorNames;
    private boolean changed = true;
    private boolean everSaved;

    RunDraft(RunJournal journal, RunStart start, List<String> tensorNames, EvalMetrics untrained) {
        this.journal = journal;
        this.tensorNames = List.copyOf(tensorNames);
        if (start != null) {
            summary = new RunSummary(
                    start, start.startedAt(), null, RunStatus.RUNNING, null, 0, 0, Double.NaN);
            series.put(StoredRun.LOSS, new Series(Series.MAX_POINTS));
            if (untrained != null) {
                evaluation(untrained, 0);
            }
        }
    }

    RunJournal journal() {
        return journal;
    }

    RunSummary summary() {
        return summary;
    }

    boolean everSaved() {
        return everSaved;
    }

    void step(StepMetrics step, long elapsedMs) {
        if (summary == null) {
            return;
        }
        series.get(StoredRun.LOSS).add(step.step(), elapsedMs, step.loss());
        float[] gradients = step.gradNorms();
        float[] ratios = step.updateRatios();
        for (int i = 0; i < gradients.length; i++) {
            String tensor = tensorName(i);
            series.computeIfAbsent(
                            StoredRun.GRADIENT_PREFIX + tensor,
                            k -> new Series(Series.TENSOR_POINTS, Series.TENSOR_FIRST_WIDTH))
                    .add(step.step(), elapsedMs, gradients[i]);
            if (ratios != null && i < ratios.length) {
                series.computeIfAbsent(
                                StoredRun.RATIO_PREFIX + tensor,
                                k -> new Series(Series.TENSOR_POINTS, Series.TENSOR_FIRST_WIDTH))
                        .add(step.step(), elapsedMs, ratios[i]);
            }
        }
        summary = summary.progressed(
                Instant.now(), step.step(), summary.epochsDone(), summary.testAccuracy());
        changed = true;
    }

    /** The tensor's name as the network names it, or its position if it has more. */
    private String tensorName(int index) {
        return index < tensorNames.size() ? tensorNames.get(index) : "tensor" + (index + 1);
    }

    void evaluation(EvalMetrics evaluation, long elapsedMs) {
        if (summary == null) {
            return;
        }
        // One row per step: a second evaluation of the same step replaces the first, which
        // PostgreSQL's multi-row upsert needs (it cannot update one row twice in a statement).
        evaluations.removeIf(e -> e.step() == evaluation.step());
        evaluations.add(new StoredRun.Evaluation(
                evaluation.step(),
                evaluation.epoch(),
                elapsedMs,
                evaluation.loss(),
                evaluation.accuracy()));
        summary = summary.progressed(
                Instant.now(), summary.steps(), summary.epochsDone(), evaluation.accuracy());
        changed = true;
    }

    void epoch(EpochMetrics epoch, long elapsedMs) {
        if (summary == null) {
            return;
        }
        EvalMetrics test = epoch.validation();
        epochs.add(new StoredRun.Epoch(
                epoch.epoch(),
                epoch.step(),
                elapsedMs,
                epoch.trainLoss(),
                test == null ? Double.NaN : test.loss(),
                test == null ? Double.NaN : test.accuracy()));
        double accuracy = test == null ? summary.testAccuracy() : test.accuracy();
        summary = summary.progressed(Instant.now(), summary.steps(), epoch.epoch(), accuracy);
        changed = true;
    }

    void status(RunStatus status, String message) {
        if (summary == null || summary.status().ended()) {
            return;
        }
        summary = summary.withStatus(Instant.now(), status, message);
        changed = true;
    }

    /** The server is stopping: a run still going is interrupted. */
    void interruptIfGoing() {
        if (summary != null && !summary.status().ended()) {
            status(RunStatus.INTERRUPTED, null);
        }
    }

    /** What changed since the last save, or null when nothing did. */
    RunChanges changes() {
        if (!changed || summary == null) {
            return null;
        }
        Map<String, Series.Unsaved> unsaved = new LinkedHashMap<>();
        series.forEach((name, s) -> unsaved.put(name, s.unsaved()));
        return new RunChanges(summary, evaluations, epochs, unsaved);
    }

    /** The changes taken last were written (nothing arrives in between: writer thread only). */
    void saved(RunChanges written) {
        evaluations.clear();
        epochs.clear();
        written.series().forEach((name, points) -> series.get(name).markSaved(points));
        changed = false;
        everSaved = true;
    }
}
