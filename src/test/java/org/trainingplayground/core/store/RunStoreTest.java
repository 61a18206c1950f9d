package org.trainingplayground.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainingplayground.core.metrics.EpochMetrics;
import org.trainingplayground.core.metrics.EvalMetrics;
import org.trainingplayground.core.metrics.RunState;
import org.trainingplayground.core.metrics.StepMetrics;

/** The run history on a real SQLite file and a real PostgreSQL server. */
class RunStoreTest {

    private static final List<String> TENSORS = List.of("fc1.weight", "fc1.bias");

    @TempDir
    Path tempDir;

    static List<String> databases() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunWrittenThroughTheWriterIsReadBackExactlyAfterTheStoreIsReopened(String kind)
            throws Exception {
        StoreSettings settings = TestDatabases.fresh(kind, tempDir);
        HistoryWriter writer = new HistoryWriter(RunStore.open(settings), HistoryPolicy.defaults());
        RunJournal journal = writer.journal(planned("run-a", "learner-1"), TENSORS);
        journal.onReady(2.3f, new EvalMetrics(0, 1, 2.30f, 0.1f));
        journal.onStateChanged(RunState.RUNNING, null);
        for (int step = 1; step <= 250; step++) {
            journal.onStep(step(step));
            if (step % 25 == 0) {
                journal.onEvaluation(new EvalMetrics(step, (step - 1) / 125 + 1, 1f / step, 0.5f));
            }
            if (step % 125 == 0) {
                journal.onEpoch(new EpochMetrics(
                        step / 125, step, 0.7f, new EvalMetrics(step, step / 125, 0.6f, 0.8f)));
            }
        }
        journal.onStateChanged(RunState.FINISHED, null);
        writer.close();

        try (RunStore store = RunStore.open(settings)) {
            StoredRun run = store.run("learner-1", "run-a").orElseThrow();
            RunSummary summary = run.summary();
            assertEquals(RunStatus.FINISHED, summary.status());
            assertEquals(250, summary.steps());
            assertEquals(2, summary.epochsDone());
            assertEquals(0.8f, summary.testAccuracy(), 1e-7);
            assertEquals("{\"lr\":0.05}", summary.start().settingsJson());
            assertEquals("784-128-10 ReLU", summary.start().network());
            assertTrue(summary.endedAt() != null);
            assertEquals(11, run.evaluations().size(), "the untrained one and every 25th step");
            assertEquals(2.30f, run.evaluations().get(0).loss(), 1e-7);
            assertEquals(
                    List.of(1, 2),
                    run.epochs().stream().map(StoredRun.Epoch::epoch).toList());
            List<Series.Point> loss = run.series().get(StoredRun.LOSS);
            assertEquals(250, loss.size());
            assertEquals(step(137).loss(), loss.get(136).mean(), 1e-7);
            List<Series.Point> gradient = run.series().get("grad:fc1.bias");
            assertEquals(50, gradient.size(), "buckets of five steps");
            assertEquals(250, gradient.stream().mapToInt(Series.Point::samples).sum());
            assertEquals(0.05, gradient.get(7).mean(), 1e-7);
            List<Series.Point> ratios = run.series().get("ratio:fc1.weight");
            assertEquals(
                    10,
                    ratios.stream().mapToInt(Series.Point::samples).sum(),
                    "measured every 25th step");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runsSavedInOneFlushKeepTheLastEvaluationOfAStepEvaluatedTwice(String kind)
            throws Exception {
        StoreSettings settings = TestDatabases.fresh(kind, tempDir);
        HistoryWriter writer = new HistoryWriter(RunStore.open(settings), HistoryPolicy.defaults());
        for (String id : List.of("run-x", "run-y")) {
            RunJournal journal = writer.journal(planned(id, "learner-1"), TENSORS);
            for (int step = 1; step <= 25; step++) {
                journal.onStep(step(step));
            }
            journal.onEvaluation(new EvalMetrics(25, 1, 0.9f, 0.4f));
            journal.onEvaluation(new EvalMetrics(25, 1, 0.8f, 0.5f));
        }
        writer.close();
        try (RunStore store = RunStore.open(settings)) {
            for (String id : List.of("run-x", "run-y")) {
                StoredRun run = store.run("learner-1", id).orElseThrow();
                assertEquals(25, run.summary().steps());
                assertEquals(1, run.evaluations().size(), id);
                assertEquals(0.5f, run.evaluations().get(0).accuracy(), 1e-7);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anotherLearnersRunIsNeitherFoundNorDeleted(String kind) throws Exception {
        StoreSettings settings = TestDatabases.fresh(kind, tempDir);
        try (RunStore store = RunStore.open(settings)) {
            store.save(List.of(new RunChanges(
                    summary("run-b", "owner"), List.of(), List.of(), java.util.Map.of())));
            assertTrue(store.run("stranger", "run-b").isEmpty());
            assertFalse(store.delete("stranger", "run-b"));
            assertEquals(List.of(), store.runsOf("stranger"));
            assertEquals(1, store.runsOf("owner").size());
            assertTrue(store.delete("owner", "run-b"));
            assertTrue(store.run("owner", "run-b").isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theWriterSurvivesADatabaseThatIsGoneAndCatchesUpWhenItIsBack(String kind)
            throws Exception {
        StoreSettings settings = TestDatabases.fresh(kind, tempDir);
        AtomicBoolean down = new AtomicBoolean();
        RunStore store = RunStore.open(settings, pool -> new Unreachable(pool, down));
        HistoryWriter writer = new HistoryWriter(store, HistoryPolicy.defaults());
        RunJournal journal = writer.journal(planned("run-c", "learner-1"), TENSORS);
        for (int step = 1; step <= 10; step++) {
            journal.onStep(step(step));
        }
        awaitSaved(store, "run-c", 10);
        down.set(true);
        for (int step = 11; step <= 500; step++) {
            journal.onStep(step(step));
        }
        awaitTrue(() -> !writer.saving(), "the writer notices the database is gone");
        down.set(false);
        awaitTrue(writer::saving, "the writer saves again once the database is back");
        awaitSaved(store, "run-c", 500);
        writer.close();
        try (RunStore reopened = RunStore.open(settings)) {
            assertEquals(
                    500,
                    reopened.run("learner-1", "run-c")
                            .orElseThrow()
                            .series()
                            .get(StoredRun.LOSS)
                            .size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCleanShutdownLosesNothingAndMarksARunStillGoingAsInterrupted(String kind)
            throws Exception {
        StoreSettings settings = TestDatabases.fresh(kind, tempDir);
        HistoryWriter writer = new HistoryWriter(RunStore.open(settings), HistoryPolicy.defaults());
        RunJournal journal = writer.journal(planned("run-d", "learner-1"), TENSORS);
        for (int step = 1; step <= 3_000; step++) {
            journal.onStep(step(step));
        }
        writer.serverStopping();
        journal.onStateChanged(RunState.CLOSED, null);
        writer.close(Duration.ofSeconds(30));
        try (RunStore store = RunStore.open(settings)) {
            StoredRun run = store.run("learner-1", "run-d").orElseThrow();
            assertEquals(RunStatus.INTERRUPTED, run.summary().status());
            assertEquals(3_000, run.summary().steps());
            List<Series.Point> loss = run.series().get(StoredRun.LOSS);
            assertEquals(3_000, loss.stream().mapToInt(Series.Point::samples).sum());
            assertTrue(loss.size() <= Series.MAX_POINTS, loss.size() + " points");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runsLeftGoingByACrashAreInterruptedAtTheNextStart(String kind) throws Exception {
        StoreSettings settings = TestDatabases.fresh(kind, tempDir);
        try (RunStore store = RunStore.open(settings)) {
            store.save(List.of(new RunChanges(
                    summary("run-e", "learner-1"), List.of(), List.of(), java.util.Map.of())));
            assertEquals(1, store.markInterrupted(Instant.now()));
            RunSummary run = store.runsOf("learner-1").get(0);
            assertEquals(RunStatus.INTERRUPTED, run.status());
            assertTrue(run.endedAt() != null);
            assertNull(run.message());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLearnersOldestRunsArePrunedBeyondTheLimitAndTheJournalSaysHowMany(String kind)
            throws Exception {
        StoreSettings settings = TestDatabases.fresh(kind, tempDir);
        HistoryWriter writer = new HistoryWriter(RunStore.open(settings), new HistoryPolicy(0, 3));
        RunJournal last = null;
        for (int i = 1; i <= 4; i++) {
            last = writer.journal(planned("run-" + i, "learner-1"), TENSORS);
            last.onStep(step(1));
            last.onStateChanged(RunState.FINISHED, null);
            RunJournal saved = last;
            awaitTrue(
                    () -> saved.prunedRuns() > 0
                            || writer.store().run("learner-1", saved.runId()).isPresent(),
                    "saved");
            Thread.sleep(5); // distinct start times
        }
        RunJournal fourth = last;
        awaitTrue(() -> fourth.prunedRuns() == 1, "the fourth run's save pruned the first");
        assertEquals(
                List.of("run-4", "run-3", "run-2"),
                writer.store().runsOf("learner-1").stream().map(RunSummary::id).toList());
        writer.close();
    }

    static RunStart planned(String id, String learner) {
        return new RunStart(
                id,
                learner,
                Instant.now(),
                "{\"lr\":0.05}",
                1,
                "MNIST",
                "784-128-10 ReLU",
                "SGD",
                0.05,
                101_770,
                2,
                125,
                null);
    }

    private static RunSummary summary(String id, String learner) {
        return new RunSummary(
                planned(id, learner), Instant.now(), null, RunStatus.RUNNING, null, 12, 0, 0.4);
    }

    private static StepMetrics step(long step) {
        float ratio = step % 25 == 0 ? 1e-3f : Float.NaN;
        return new StepMetrics(
                step,
                (int) ((step - 1) / 125 + 1),
                (int) ((step - 1) % 125 + 1),
                125,
                2.3f / (1 + step * 0.01f),
                new float[] {0.5f, 0.05f},
                new float[] {ratio, ratio},
                1_000_000);
    }

    private static void awaitSaved(RunStore store, String runId, long steps) throws Exception {
        awaitTrue(
                () -> store.run("learner-1", runId)
                        .map(run -> run.summary().steps() == steps)
                        .orElse(false),
                "run " + runId + " saved with " + steps + " steps");
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The pool as the app sees a database that is down: no connection to be had. */
    private record Unreachable(DataSource pool, AtomicBoolean down) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLException("Connection refused (the test took the database away)");
            }
            return pool.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return pool.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return pool.isWrapperFor(iface);
        }
    }
}
