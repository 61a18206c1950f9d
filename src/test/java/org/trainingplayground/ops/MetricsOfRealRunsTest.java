package org.trainingplayground.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.spec.DatasetKind;
import org.trainingplayground.core.spec.DatasetSpec;
import org.trainingplayground.core.spec.RunSpec;
import org.trainingplayground.core.train.EngineEvents;
import org.trainingplayground.core.train.RunHandle;
import org.trainingplayground.core.train.TestEngine;
import org.trainingplayground.core.train.TrainingEngine;

class MetricsOfRealRunsTest {

    @Test
    void aRealRunsStepsAndEventsShowUpInTheMetricsAndTheEventLog() throws Exception {
        TrainingEngine engine = TestEngine.get();
        List<EngineEvents.RunEvent> events = new CopyOnWriteArrayList<>();
        RunSpec spec =
                RunSpec.lesson().withDataset(DatasetSpec.of(DatasetKind.XOR)).withEpochs(1);
        try (PlaygroundMetrics metrics = PlaygroundMetrics.forEngine(engine, () -> 0, () -> 200);
                AutoCloseable watching = EngineEvents.observe(new EngineEvents.Observer() {
                    @Override
                    public void runChanged(EngineEvents.RunEvent event) {
                        events.add(event);
                    }
                });
                RunHandle run = engine.newRun(spec, new RunListener() {})) {
            run.start();
            Awaitility.await()
                    .atMost(Duration.ofMinutes(1))
                    .until(() ->
                            events.stream().anyMatch(e -> e.kind() == EngineEvents.Kind.FINISHED));

            String text = metrics.scrape();
            assertTrue(
                    text.contains("playground_run_events_total{event=\"run_started\"} 1.0"), text);
            assertTrue(
                    text.contains("playground_run_events_total{event=\"run_finished\"} 1.0"), text);
            assertTrue(!text.contains("playground_step_seconds_count 0\n"), text);
            assertTrue(text.contains("playground_step_seconds_bucket{le="), text);
            EngineEvents.RunEvent finished = events.get(events.size() - 1);
            assertTrue(
                    RunEventLog.line(finished).startsWith("event=run_finished run="),
                    RunEventLog.line(finished));
            assertTrue(finished.steps() > 0, "steps " + finished.steps());
        }
    }
}
