package org.trainingplayground.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import org.trainingplayground.core.metrics.LossSmoothing;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.store.RunSummary;
import org.trainingplayground.core.store.Series;
import org.trainingplayground.core.store.StoredRun;

/**
 * The learner's previous run on the same dataset, drawn faintly under the loss of the run
 * being trained: did this change of settings help?
 */
final class PreviousRunLine {

    private PreviousRunLine() {}

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
