-- A run trained by a class member is kept under the class: its teacher's roster finds it
-- after a restart, and the class's results can be exported. NULL for runs outside a class.
ALTER TABLE runs ADD COLUMN class_code VARCHAR(6);

CREATE INDEX runs_by_class ON runs (class_code, learner_id, started_at);

-- What the teacher handed the class: the settings every new run starts from (the exported
-- file's JSON) and the parts of the page locked (the names lock= takes, comma-separated).
ALTER TABLE classes ADD COLUMN settings_json TEXT;

ALTER TABLE classes ADD COLUMN locks TEXT;
