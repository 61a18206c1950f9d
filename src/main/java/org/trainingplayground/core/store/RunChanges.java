package org.trainingplayground.core.store;

import java.util.List;
import java.util.Map;

/**
 * What one run gained since its last save: its summary as it is now, the evaluations and
 * epochs not yet written, and each series' unsaved buckets.
 */
record RunChanges(
        RunSummary run,
        List<StoredRun.Evaluation> evaluations,
        List<StoredRun.Epoch> epochs,
        Map<String, Series.Unsaved> series) {

    RunChanges {
        evaluations = List.copyOf(evaluations);
        epochs = List.copyOf(epochs);
        series = Map.copyOf(series);
    }

    String runId() {
        return run.id();
    }
}
