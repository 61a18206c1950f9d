package org.trainingplayground.session;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.spec.Limits;
import org.trainingplayground.core.store.HistoryPolicy;
import org.trainingplayground.core.store.HistoryWriter;
import org.trainingplayground.core.store.RunStore;
import org.trainingplayground.core.store.StoreSettings;
import org.trainingplayground.core.train.TestEngine;

/** A playground's runs in a real history: kept from the first step, and trained when it fails. */
class RunKeeperTest {

    @TempDir
    Path data;

    @Test
    void aRunIsKeptFromItsFirstStepAndTrainsOnSayingSoWhenTheDatabaseIsGone() {
        HistoryWriter writer = new HistoryWriter(
                RunStore.open(StoreSettings.sqlite(data)), HistoryPolicy.defaults());
        try (PlaygroundSession session = new PlaygroundSession(
                TestEngine.get(),
                Limits.defaults(),
                BrowserBudget.unlimited(),
                new RunKeeper(writer, "learner"))) {
            session.apply(session.spec().withEpochs(100), new java.util.ArrayList<>());
            await().atMost(Duration.ofSeconds(30)).until(() -> session.state() == RunState.PAUSED);
            assertNull(session.status().keptRunId(), "nothing is kept before the first step");
            session.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> session.status().keptRunId() != null);
            String id = session.status().keptRunId();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> writer.store().run("learner", id).isPresent());
            assertNull(session.status().historyNote());

            writer.store().close(); // the database goes away under the running class
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> session.status().historyNote() != null);
            assertTrue(
                    session.status()
                            .historyNote()
                            .startsWith("Your run is not being saved right now."),
                    session.status().historyNote());
            long steps = session.history().stepCount();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> session.history().stepCount() > steps + 100);
            assertEquals(RunState.RUNNING, session.state(), "training goes on");
        } finally {
            writer.close();
        }
    }
}
