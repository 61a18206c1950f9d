package org.trainingplayground.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The run history in a real database: SQLite (one file, WAL mode) or PostgreSQL, with one
 * schema (Flyway's migrations in {@code db/migration}) and the same portable SQL for both.
 * Thread-safe: the pool hands each call its own connection. Every read takes the learner, so
 * one learner never sees another's run.
 */
public final class RunStore implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final StoreSettings settings;

    private RunStore(HikariDataSource pool, DataSource source, StoreSettings settings) {
        this.pool = pool;
        this.jdbi = Jdbi.create(source);
        this.settings = settings;
    }

    /**
     * Opens the database, creating the SQLite file's folder if needed, and migrates it to the
     * current schema.
     *
     * @throws StoreException with a sentence when the database cannot be reached or migrated
     */
    public static RunStore open(StoreSettings settings) {
        return open(settings, UnaryOperator.identity());
    }

    /** For tests: the store reaches its pool through {@code access} (to take the database away). */
    static RunStore open(StoreSettings settings, UnaryOperator<DataSource> access) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("run-history");
        // A database that is down must fail the writer's flush quickly, not hang it.
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        if (settings.isSqlite()) {
            config.setDataSource(sqlite(settings));
            config.setMaximumPoolSize(4);
        } else {
            config.setJdbcUrl(settings.jdbcUrl());
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.setMaximumPoolSize(6);
            // The driver sends a batch as multi-row INSERTs rather than one per row: the
            // writer's flush costs the database a few statements, not thousands.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("The run history could not open " + settings.describe() + ": "
                    + StoreException.reason(e));
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException("The run history could not prepare " + settings.describe()
                    + ": " + StoreException.reason(e));
        }
        return new RunStore(pool, access.apply(pool), settings);
    }

    private static SQLiteDataSource sqlite(StoreSettings settings) {
        try {
            Files.createDirectories(settings.sqliteFile().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreException("The run history could not create the folder of "
                    + settings.sqliteFile() + ": " + StoreException.reason(e));
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        // WAL: the pages read while the writer writes. NORMAL loses at most the last
        // transactions on a power cut, never the file's consistency.
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(10_000);
        sqlite.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl(settings.jdbcUrl());
        return source;
    }

    /** The database, for the class store beside the run history. */
    Jdbi jdbi() {
        return jdbi;
    }

    public StoreSettings settings() {
        return settings;
    }

    /** Writes what the writer gathered of every changed run since its last flush, in one transaction. */
    void save(List<RunChanges> changes) {
        if (!changes.isEmpty()) {
            jdbi.useTransaction(handle -> RunRows.write(handle, changes));
        }
    }

    /**
     * Marks every run still running or paused as interrupted: called at start-up, it finds the
     * runs a crash or a stop left behind.
     *
     * @return how many were marked
     */
    public int markInterrupted(Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "UPDATE runs SET status = :interrupted, ended_at = :now, updated_at = :now"
                                + " WHERE status IN (:running, :paused)")
                .bind("interrupted", RunStatus.INTERRUPTED.word())
                .bind("running", RunStatus.RUNNING.word())
                .bind("paused", RunStatus.PAUSED.word())
                .bind("now", now.toEpochMilli())
                .execute());
    }

    /** The learner's runs, newest first. */
    public List<RunSummary> runsOf(String learnerId) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT * FROM runs WHERE learner_id = :learner"
                                + " ORDER BY started_at DESC, id DESC")
                        .bind("learner", learnerId)
                        .map((rs, ctx) -> RunRows.summary(rs))
                        .list());
    }

    /** Every learner's runs, newest first, at most {@code limit}: for the operator's command. */
    public List<RunSummary> allRuns(int limit) {
        return jdbi.withHandle(
                handle -> handle.createQuery("SELECT * FROM runs ORDER BY started_at DESC, id DESC")
                        .setMaxRows(limit)
                        .map((rs, ctx) -> RunRows.summary(rs))
                        .list());
    }

    /** Any learner's run, for the operator's command; empty when there is none. */
    public Optional<StoredRun> anyRun(String runId) {
        return jdbi.withHandle(
                        handle -> handle.createQuery("SELECT learner_id FROM runs WHERE id = :id")
                                .bind("id", runId)
                                .mapTo(String.class)
                                .findOne())
                .flatMap(learner -> run(learner, runId));
    }

    /** The run with everything it measured; empty when it is not this learner's (or gone). */
    public Optional<StoredRun> run(String learnerId, String runId) {
        return jdbi.withHandle(handle -> {
            Optional<RunSummary> summary = handle.createQuery(
                            "SELECT * FROM runs WHERE id = :id AND learner_id = :learner")
                    .bind("id", runId)
                    .bind("learner", learnerId)
                    .map((rs, ctx) -> RunRows.summary(rs))
                    .findOne();
            return summary.map(found -> new StoredRun(
                    found,
                    RunRows.evaluations(handle, runId),
                    RunRows.epochs(handle, runId),
                    series(handle, runId)));
        });
    }

    private static Map<String, List<Series.Point>> series(Handle handle, String runId) {
        Map<String, List<Series.Point>> series = new LinkedHashMap<>();
        handle.createQuery("SELECT * FROM run_points WHERE run_id = :id ORDER BY series, bucket")
                .bind("id", runId)
                .map((rs, ctx) -> Map.entry(rs.getString("series"), RunRows.point(rs)))
                .forEach(row -> series.computeIfAbsent(row.getKey(), k -> new ArrayList<>())
                        .add(row.getValue()));
        return series;
    }

    /** Deletes the run if it is this learner's; true when it was deleted. */
    public boolean delete(String learnerId, String runId) {
        return jdbi.inTransaction(handle -> {
            boolean owned = handle.createQuery(
                                    "SELECT COUNT(*) FROM runs WHERE id = :id AND learner_id = :learner")
                            .bind("id", runId)
                            .bind("learner", learnerId)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (owned) {
                RunRows.deleteRuns(handle, List.of(runId));
            }
            return owned;
        });
    }

    /**
     * Deletes the learner's oldest ended runs beyond {@code maxRuns}.
     *
     * @return how many were deleted
     */
    public int pruneLearner(String learnerId, int maxRuns) {
        return jdbi.inTransaction(handle -> {
            // Skipped here rather than with OFFSET: SQLite needs a LIMIT before it, and
            // PostgreSQL spells "no limit" differently.
            List<String> newestFirst = handle.createQuery(
                            "SELECT id FROM runs WHERE learner_id = :learner"
                                    + " ORDER BY started_at DESC, id DESC")
                    .bind("learner", learnerId)
                    .mapTo(String.class)
                    .list();
            List<String> beyond =
                    newestFirst.subList(Math.min(maxRuns, newestFirst.size()), newestFirst.size());
            RunRows.deleteRuns(handle, beyond);
            return beyond.size();
        });
    }

    /**
     * Deletes the runs that ended before {@code cutoff}.
     *
     * @return how many were deleted
     */
    public int pruneEndedBefore(Instant cutoff) {
        return jdbi.inTransaction(handle -> {
            List<String> old = handle.createQuery(
                            "SELECT id FROM runs WHERE ended_at IS NOT NULL AND ended_at < :cutoff")
                    .bind("cutoff", cutoff.toEpochMilli())
                    .mapTo(String.class)
                    .list();
            RunRows.deleteRuns(handle, old);
            return old.size();
        });
    }

    /**
     * The bytes the history takes in the database: the SQLite file's pages (the WAL's
     * committed pages included), or PostgreSQL's tables with their indexes. The one query
     * that differs between the two, for benchmarks and operators only.
     */
    public long sizeBytes() {
        return jdbi.withHandle(handle -> settings.isSqlite()
                ? handle.createQuery("PRAGMA page_count").mapTo(Long.class).one()
                        * handle.createQuery("PRAGMA page_size")
                                .mapTo(Long.class)
                                .one()
                : handle.createQuery("SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c"
                                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = current_schema() AND c.relkind = 'r'")
                        .mapTo(Long.class)
                        .one());
    }

    /** Checks that the database answers. */
    public boolean reachable() {
        try {
            return jdbi.withHandle(handle ->
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    static double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
