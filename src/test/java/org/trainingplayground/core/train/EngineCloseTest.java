package org.trainingplayground.core.train;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunListener;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;
import org.trainingplayground.core.spec.RunSpec;

class EngineCloseTest {

    @Test
    void closingTheEngineWhileRunsTrainCloseThemFirstWithoutAFailure() {
        // The shared test engine must stay open: this test stops an engine of its own (as a
        // server stopping while students train), on the same JVM-wide scheduler.
        TestEngine.get();
        TrainingEngine engine = TrainingEngine.start(
                new EngineConfig(EngineConfig.defaultCacheDir(), 1, Path.of("datasets")));
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicLong steps = new AtomicLong();
        RunListener listener = new RunListener() {
            @Override
            public void onStep(StepMetrics step) {
                steps.incrementAndGet();
            }

            @Override
            public void onStateChanged(RunState state, String message) {
                if (state == RunState.FAILED) {
                    failures.add(message);
                }
            }
        };
        RunHandle first = engine.newRun(RunSpec.lesson(), listener);
        RunHandle second = engine.newRun(RunSpec.lesson().withSeed(2), listener);
        first.start();
        second.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> steps.get() >= 20);

        engine.close();

        assertEquals(RunState.CLOSED, first.state());
        assertEquals(RunState.CLOSED, second.state());
        assertTrue(failures.isEmpty(), "failures: " + failures);
        assertEquals(0, engine.scheduler().activeRuns());
    }
}
