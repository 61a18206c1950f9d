package org.trainingplayground.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.train.TestEngine;

class PromptChangesTest {

    @Test
    void aWatcherHearsStartTheFirstStepAndPauseButNotEveryStep() {
        try (PlaygroundSession session =
                new PlaygroundSession(TestEngine.get(), Limits.defaults())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> session.state() == RunState.PAUSED);
            AtomicInteger prompts = new AtomicInteger();
            Runnable stop = session.watchPromptChanges(prompts::incrementAndGet);

            session.start();
            // RUNNING, then the first step.
            await().atMost(Duration.ofSeconds(30)).until(() -> prompts.get() >= 2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> session.history().stepCount() >= 200);
            int whileTraining = prompts.get();
            assertTrue(
                    whileTraining <= 3,
                    "a prompt per step would flood the pushes: " + whileTraining);

            session.pause();
            await().atMost(Duration.ofSeconds(30)).until(() -> prompts.get() > whileTraining);

            stop.run();
            int afterStop = prompts.get();
            session.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> session.history().stepCount() >= 250);
            assertEquals(afterStop, prompts.get(), "a removed watcher hears nothing");
        }
    }
}
