package org.trainingplayground.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import org.trainingplayground.Services;
import org.trainingplayground.core.metrics.LossSmoothing;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.store.RunSummary;
import org.trainingplayground.core.store.Series;
import org.trainingplayground.core.store.StoredRun;

/**
 * The learner's previous run on the same dataset, drawn faintly under the loss of the run
 * being trained: did this change of settings help? One per page.
 */
final class PreviousRunLine {

    /** Read again once the new run has taken its first step (its own id is then known). */
    private boolean settled;

    /**
     * Draws the line for a new run, and once more at its first step: a run that has just
     * finished reaches the history about a second later, so a Reset right after it would
     * otherwise show its line cut short.
     */
    void follow(
            ChartsPanel charts,
            boolean newRun,
            String learnerId,
            String dataset,
            String keptRunId) {
        if (!newRun && (settled || keptRunId == null)) {
            return;
        }
        settled = keptRunId != null;
        charts.showPreviousRun(of(Services.get().history().store(), learnerId, dataset, keptRunId));
    }

    /**
     * The newest kept run of the learner on this dataset other than the current one, as its
     * smoothed loss {@code [[step, loss], …]}; empty when there is none, or the history cannot
     * be read right now (the chart then simply has no such line).
     */
    static Optional<String> of(
            RunStore store, String learnerId, String dataset, String currentRunId) {
        try {
            Optional<RunSummary> previous = store.runsOf(learnerId).stream()
                    .filter(run -> run.start().dataset().equals(dataset))
                    .filter(run -> !run.id().equals(currentRunId))
                    .filter(run -> run.steps() > 0)
                    .findFirst();
            return previous.flatMap(run -> store.run(learnerId, run.id()))
                    .map(run -> json(run.series().getOrDefault(StoredRun.LOSS, List.of())));
        } catch (RuntimeException unreachable) {
            return Optional.empty();
        }
    }

    private static String json(List<Series.Point> points) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        LossSmoothing smoothing = new LossSmoothing();
        for (Series.Point point : points) {
            double smoothed = smoothing.next(point.mean());
            if (Double.isFinite(smoothed)) {
                data.addArray().add(point.firstStep()).add(smoothed);
            }
        }
        return data.toString();
    }
}
