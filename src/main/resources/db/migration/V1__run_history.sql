-- Run history. Portable SQL only: the same file migrates SQLite and PostgreSQL. Times are
-- milliseconds since 1970 (BIGINT), so neither database's date types are needed; a value that
-- was not measured is NULL (SQLite would turn a NaN into NULL anyway).

CREATE TABLE runs (
    id              VARCHAR(32)      NOT NULL PRIMARY KEY,
    learner_id      VARCHAR(64)      NOT NULL,
    started_at      BIGINT           NOT NULL,
    updated_at      BIGINT           NOT NULL,
    ended_at        BIGINT,
    status          VARCHAR(16)      NOT NULL,
    message         TEXT,
    settings_json   TEXT             NOT NULL,
    seed            BIGINT           NOT NULL,
    dataset         VARCHAR(64)      NOT NULL,
    network         VARCHAR(256)     NOT NULL,
    optimizer       VARCHAR(32)      NOT NULL,
    learning_rate   DOUBLE PRECISION NOT NULL,
    parameters      BIGINT           NOT NULL,
    epochs          INTEGER          NOT NULL,
    steps_per_epoch INTEGER          NOT NULL,
    steps           BIGINT           NOT NULL,
    epochs_done     INTEGER          NOT NULL,
    test_accuracy   DOUBLE PRECISION
);

CREATE INDEX runs_by_learner ON runs (learner_id, started_at);
CREATE INDEX runs_by_status ON runs (status);

-- Every evaluation on the test split, the untrained one (step 0) included.
CREATE TABLE run_evaluations (
    run_id     VARCHAR(32)      NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step       BIGINT           NOT NULL,
    epoch      INTEGER          NOT NULL,
    elapsed_ms BIGINT           NOT NULL,
    loss       DOUBLE PRECISION,
    accuracy   DOUBLE PRECISION,
    PRIMARY KEY (run_id, step)
);

CREATE TABLE run_epochs (
    run_id        VARCHAR(32)      NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    epoch         INTEGER          NOT NULL,
    step          BIGINT           NOT NULL,
    elapsed_ms    BIGINT           NOT NULL,
    train_loss    DOUBLE PRECISION,
    test_loss     DOUBLE PRECISION,
    test_accuracy DOUBLE PRECISION,
    PRIMARY KEY (run_id, epoch)
);

-- The per-step series (loss, each tensor's gradient norm and update ratio), one row per
-- bucket: one step each at first, then merged so that a series keeps at most ~2,000 rows.
CREATE TABLE run_points (
    run_id     VARCHAR(32)      NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    series     VARCHAR(128)     NOT NULL,
    bucket     INTEGER          NOT NULL,
    first_step BIGINT           NOT NULL,
    last_step  BIGINT           NOT NULL,
    elapsed_ms BIGINT           NOT NULL,
    samples    INTEGER          NOT NULL,
    mean_value DOUBLE PRECISION,
    min_value  DOUBLE PRECISION,
    max_value  DOUBLE PRECISION,
    PRIMARY KEY (run_id, series, bucket)
);
