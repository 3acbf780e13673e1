-- 012: trained in the programme's sense (seed 004). A father's hands-on training with a
-- midwife or a trained massage therapist is a fact the cadre records (it travels with
-- the family); the cadre's own counselling test is kept per cadre on her device.

CREATE TABLE hands_on_training (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    trained_on TEXT NOT NULL CHECK (length(trained_on) = 10),
    trainer TEXT NOT NULL CHECK (trainer IN ('midwife', 'therapist')),
    trainer_name TEXT CHECK (trainer_name IS NULL OR length(trainer_name) BETWEEN 1 AND 80)
) STRICT;

CREATE INDEX hands_on_training_by_family ON hands_on_training (family_id, trained_on);

CREATE TABLE cadre_quiz_attempt (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    cadre_id TEXT NOT NULL REFERENCES cadre (id) ON DELETE CASCADE,
    quiz_version TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('pre', 'post')),
    correct INTEGER NOT NULL CHECK (correct BETWEEN 0 AND 10),
    score INTEGER NOT NULL CHECK (score = correct * 10),
    -- Each answer as statement:1 or statement:0, comma-separated.
    answers TEXT NOT NULL
) STRICT;

CREATE INDEX cadre_quiz_attempt_by_cadre ON cadre_quiz_attempt (cadre_id, created_at);
