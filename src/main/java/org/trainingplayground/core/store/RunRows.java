package org.trainingplayground.core.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The SQL of one run's rows. Upserts are {@code INSERT … ON CONFLICT … DO UPDATE}, which
 * SQLite (3.24 on) and PostgreSQL (9.5 on) both understand. A NaN is written as NULL.
 */
final class RunRows {

    private RunRows() {}

    /**
     * Writes every run's changes: one batch per table for all the runs (one round trip each,
     * and on PostgreSQL one multi-row statement per batch with {@code reWriteBatchedInserts}).
     */
    static void write(Handle handle, List<RunChanges> changes) {
        upsertRuns(handle, changes);
        insertEvaluations(handle, changes);
        insertEpochs(handle, changes);
        writeSeries(handle, changes);
    }

    private static void upsertRuns(Handle handle, List<RunChanges> changes) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO runs (id, learner_id, started_at,"
                + " updated_at, ended_at, status, message, settings_json, seed, dataset, network,"
                + " optimizer, learning_rate, parameters, epochs, steps_per_epoch, steps,"
                + " epochs_done, test_accuracy, class_code)"
                + " VALUES (:id, :learner, :started, :updated, :ended, :status, :message,"
                + " :settings, :seed, :dataset, :network, :optimizer, :rate, :parameters,"
                + " :epochs, :stepsPerEpoch, :steps, :epochsDone, :accuracy, :classCode)"
                + " ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at,"
                + " ended_at = excluded.ended_at, status = excluded.status,"
                + " message = excluded.message, learning_rate = excluded.learning_rate,"
                + " steps = excluded.steps, epochs_done = excluded.epochs_done,"
                + " test_accuracy = excluded.test_accuracy");
        for (RunChanges change : changes) {
            RunSummary run = change.run();
            RunStart start = run.start();
            batch.bind("id", start.id())
                    .bind("learner", start.learnerId())
                    .bind("started", start.startedAt().toEpochMilli())
                    .bind("updated", run.updatedAt().toEpochMilli())
                    .bind("ended", run.endedAt() == null ? null : run.endedAt().toEpochMilli())
                    .bind("status", run.status().word())
                    .bind("message", run.message())
                    .bind("settings", start.settingsJson())
                    .bind("seed", start.seed())
                    .bind("dataset", start.dataset())
                    .bind("network", start.network())
                    .bind("optimizer", start.optimizer())
                    .bind("rate", start.learningRate())
                    .bind("parameters", start.parameters())
                    .bind("epochs", start.epochs())
                    .bind("stepsPerEpoch", start.stepsPerEpoch())
                    .bind("steps", run.steps())
                    .bind("epochsDone", run.epochsDone())
                    .bind("accuracy", orNull(run.testAccuracy()))
                    .bind("classCode", start.classCode())
                    .add();
        }
        executeIfAny(batch);
    }

    private static void insertEvaluations(Handle handle, List<RunChanges> changes) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO run_evaluations"
                + " (run_id, step, epoch, elapsed_ms, loss, accuracy)"
                + " VALUES (:run, :step, :epoch, :elapsed, :loss, :accuracy)"
                + " ON CONFLICT (run_id, step) DO UPDATE SET loss = excluded.loss,"
                + " accuracy = excluded.accuracy, epoch = excluded.epoch");
        for (RunChanges change : changes) {
            for (StoredRun.Evaluation e : change.evaluations()) {
                batch.bind("run", change.runId())
                        .bind("step", e.step())
                        .bind("epoch", e.epoch())
                        .bind("elapsed", e.elapsedMs())
                        .bind("loss", orNull(e.loss()))
                        .bind("accuracy", orNull(e.accuracy()))
                        .add();
            }
        }
        executeIfAny(batch);
    }

    private static void insertEpochs(Handle handle, List<RunChanges> changes) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO run_epochs"
                + " (run_id, epoch, step, elapsed_ms, train_loss, test_loss, test_accuracy)"
                + " VALUES (:run, :epoch, :step, :elapsed, :train, :test, :accuracy)"
                + " ON CONFLICT (run_id, epoch) DO NOTHING");
        for (RunChanges change : changes) {
            for (StoredRun.Epoch e : change.epochs()) {
                batch.bind("run", change.runId())
                        .bind("epoch", e.epoch())
                        .bind("step", e.step())
                        .bind("elapsed", e.elapsedMs())
                        .bind("train", orNull(e.trainLoss()))
                        .bind("test", orNull(e.testLoss()))
                        .bind("accuracy", orNull(e.testAccuracy()))
                        .add();
            }
        }
        executeIfAny(batch);
    }

    /** Every series' unsaved buckets; a series whose buckets were merged is rewritten whole. */
    private static void writeSeries(Handle handle, List<RunChanges> changes) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO run_points (run_id, series, bucket,"
                + " first_step, last_step, elapsed_ms, samples, mean_value, min_value, max_value)"
                + " VALUES (:run, :series, :bucket, :first, :last, :elapsed, :samples, :mean,"
                + " :min, :max) ON CONFLICT (run_id, series, bucket) DO UPDATE SET"
                + " last_step = excluded.last_step, samples = excluded.samples,"
                + " mean_value = excluded.mean_value, min_value = excluded.min_value,"
                + " max_value = excluded.max_value");
        for (RunChanges change : changes) {
            change.series().forEach((name, unsaved) -> {
                if (unsaved.replaceAll()) {
                    handle.createUpdate(
                                    "DELETE FROM run_points WHERE run_id = :run AND series = :series")
                            .bind("run", change.runId())
                            .bind("series", name)
                            .execute();
                }
                int bucket = unsaved.fromBucket();
                for (Series.Point p : unsaved.points()) {
                    batch.bind("run", change.runId())
                            .bind("series", name)
                            .bind("bucket", bucket++)
                            .bind("first", p.firstStep())
                            .bind("last", p.lastStep())
                            .bind("elapsed", p.elapsedMs())
                            .bind("samples", p.samples())
                            .bind("mean", orNull(p.mean()))
                            .bind("min", orNull(p.min()))
                            .bind("max", orNull(p.max()))
                            .add();
                }
            });
        }
        executeIfAny(batch);
    }

    private static void executeIfAny(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    static void deleteRuns(Handle handle, List<String> runIds) {
        for (String table : List.of("run_points", "run_epochs", "run_evaluations", "runs")) {
            String column = table.equals("runs") ? "id" : "run_id";
            for (String id : runIds) {
                handle.createUpdate("DELETE FROM " + table + " WHERE " + column + " = :id")
                        .bind("id", id)
                        .execute();
            }
        }
    }

    static List<StoredRun.Evaluation> evaluations(Handle handle, String runId) {
        return handle.createQuery("SELECT * FROM run_evaluations WHERE run_id = :id ORDER BY step")
                .bind("id", runId)
                .map((rs, ctx) -> new StoredRun.Evaluation(
                        rs.getLong("step"),
                        rs.getInt("epoch"),
                        rs.getLong("elapsed_ms"),
                        RunStore.number(rs, "loss"),
                        RunStore.number(rs, "accuracy")))
                .list();
    }

    static List<StoredRun.Epoch> epochs(Handle handle, String runId) {
        return handle.createQuery("SELECT * FROM run_epochs WHERE run_id = :id ORDER BY epoch")
                .bind("id", runId)
                .map((rs, ctx) -> new StoredRun.Epoch(
                        rs.getInt("epoch"),
                        rs.getLong("step"),
                        rs.getLong("elapsed_ms"),
                        RunStore.number(rs, "train_loss"),
                        RunStore.number(rs, "test_loss"),
                        RunStore.number(rs, "test_accuracy")))
                .list();
    }

    static Series.Point point(ResultSet rs) throws SQLException {
        return new Series.Point(
                rs.getLong("first_step"),
                rs.getLong("last_step"),
                rs.getLong("elapsed_ms"),
                rs.getInt("samples"),
                RunStore.number(rs, "mean_value"),
                RunStore.number(rs, "min_value"),
                RunStore.number(rs, "max_value"));
    }

    static RunSummary summary(ResultSet rs) throws SQLException {
        long ended = rs.getLong("ended_at");
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        RunStart start = new RunStart(
                rs.getString("id"),
                rs.getString("learner_id"),
                Instant.ofEpochMilli(rs.getLong("started_at")),
                rs.getString("settings_json"),
                rs.getLong("seed"),
                rs.getString("dataset"),
                rs.getString("network"),
                rs.getString("optimizer"),
                rs.getDouble("learning_rate"),
                rs.getLong("parameters"),
                rs.getInt("epochs"),
                rs.getInt("steps_per_epoch"),
                rs.getString("class_code"));
        return new RunSummary(
                start,
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                endedAt,
                RunStatus.ofWord(rs.getString("status")),
                rs.getString("message"),
                rs.getLong("steps"),
                rs.getInt("epochs_done"),
                RunStore.number(rs, "test_accuracy"));
    }

    private static Double orNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
