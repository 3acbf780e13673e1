-- 013: the posko Ayah ASI (seed 004). One row: on a cadre's device the posko she set
-- (own = 1); on a family's phone the one received with her latest bundle (own = 0).
-- The father's questions for it are family records that travel to her.

CREATE TABLE posko (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    own INTEGER NOT NULL CHECK (own IN (0, 1)),
    cadre_name TEXT NOT NULL CHECK (length(cadre_name) BETWEEN 1 AND 60),
    place TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 120),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts_at TEXT NOT NULL CHECK (length(starts_at) = 5),
    ends_at TEXT NOT NULL CHECK (length(ends_at) = 5),
    contact TEXT CHECK (contact IS NULL OR length(contact) BETWEEN 1 AND 80),
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE posko_question (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    question TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 300)
) STRICT;

CREATE INDEX posko_question_by_family ON posko_question (family_id, created_at);
