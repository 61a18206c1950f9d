-- A run trained by a class member is kept under the class: its teacher's roster finds it
-- after a restart, and the class's results can be exported. NULL for runs outside a class.
ALTER TABLE runs ADD COLUMN class_code VARCHAR(6);

CREATE INDEX runs_by_class ON runs (class_code, learner_id, started_at);

-- What the teacher handed the class: the settings every new run starts from (the exported
-- file's JSON) and the parts of the page locked (the names lock= takes, comma-separated).
ALTER TABLE classes ADD COLUMN settings_json TEXT;

ALTER TABLE classes ADD COLUMN locks TEXT;

-- The teacher's challenge (JSON: dataset, least accuracy, most weights, most epochs), and each
-- student's best run on the test samples a class run keeps hidden.
ALTER TABLE classes ADD COLUMN challenge_json TEXT;

CREATE TABLE class_results (
    class_code      VARCHAR(6)       NOT NULL REFERENCES classes (code) ON DELETE CASCADE,
    learner_id      VARCHAR(64)      NOT NULL,
    run_id          VARCHAR(32)      NOT NULL,
    hidden_accuracy DOUBLE PRECISION NOT NULL,
    parameters      BIGINT           NOT NULL,
    epoch           INTEGER          NOT NULL,
    step            BIGINT           NOT NULL,
    met             BOOLEAN          NOT NULL,
    scored_at       BIGINT           NOT NULL,
    PRIMARY KEY (class_code, learner_id)
);
