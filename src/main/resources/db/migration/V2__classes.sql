-- Classes (classroom mode): a class, its teacher's key as a hash, and its members. Portable SQL,
-- as V1. A class is found by its join code; the teacher's key itself is never stored.

CREATE TABLE classes (
    code       VARCHAR(6)   NOT NULL PRIMARY KEY,
    name       VARCHAR(80)  NOT NULL,
    -- SHA-256 of the teacher's key, hex: the key is shown once and kept only by the teacher.
    key_hash   VARCHAR(64)  NOT NULL,
    created_at BIGINT       NOT NULL,
    ended_at   BIGINT,
    message    TEXT
);

CREATE TABLE class_members (
    class_code   VARCHAR(6)  NOT NULL REFERENCES classes (code) ON DELETE CASCADE,
    learner_id   VARCHAR(64) NOT NULL,
    nickname     VARCHAR(32) NOT NULL,
    -- The nickname folded to lower case: "Ada" and "ada" are the same name in a class.
    nickname_key VARCHAR(32) NOT NULL,
    joined_at    BIGINT      NOT NULL,
    removed_at   BIGINT,
    PRIMARY KEY (class_code, learner_id),
    UNIQUE (class_code, nickname_key)
);

CREATE INDEX class_members_by_learner ON class_members (learner_id, joined_at);
