-- 005: lessons read and knowledge test attempts (kept with the test version).

CREATE TABLE lesson_read (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    lesson_id TEXT NOT NULL,
    UNIQUE (family_id, lesson_id)
) STRICT;

CREATE TABLE quiz_attempt (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    quiz_version TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pre', 'post')),
    correct INTEGER NOT NULL CHECK (correct BETWEEN 0 AND 10),
    score INTEGER NOT NULL CHECK (score = correct * 10),
    -- Each answer as statement:1 or statement:0, comma-separated.
    answers TEXT NOT NULL
) STRICT;

CREATE INDEX quiz_attempt_by_family ON quiz_attempt (family_id, created_at);
