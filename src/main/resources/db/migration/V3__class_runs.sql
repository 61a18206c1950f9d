-- A run trained by a class member is kept under the class: its teacher's roster finds it
-- after a restart, and the class's results can be exported. NULL for runs outside a class.
ALTER TABLE runs ADD COLUMN class_code VARCHAR(6);

CREATE INDEX runs_by_class ON runs (class_code, learner_id, started_at);
