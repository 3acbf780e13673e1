-- 004: cadre mode: the cadre with her PIN hash, who registered each family, home visits
-- scored on the daftar tilik (an amendment adds a version with its reason; the original
-- stays), and each row's score.

ALTER TABLE family ADD COLUMN registered_by TEXT NOT NULL DEFAULT 'family'
    CHECK (registered_by IN ('family', 'cadre'));

CREATE TABLE cadre (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    -- An argon2id PHC string; the PIN itself is never stored.
    pin_hash TEXT NOT NULL CHECK (pin_hash LIKE '$argon2id$%'),
    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    last_failure_at TEXT,
    competent_percent INTEGER NOT NULL DEFAULT 80 CHECK (competent_percent BETWEEN 50 AND 100)
) STRICT;

CREATE TABLE home_visit (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- The first version's id; equal to id for the first version itself.
    original_id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    amend_reason TEXT CHECK ((version = 1) = (amend_reason IS NULL)),
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    cadre_id TEXT NOT NULL REFERENCES cadre (id),
    visited_on TEXT NOT NULL CHECK (visited_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    checklist_version TEXT NOT NULL,
    total INTEGER NOT NULL CHECK (total >= 0),
    maximum INTEGER NOT NULL CHECK (maximum > 0 AND total <= maximum),
    percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    band TEXT NOT NULL CHECK (band IN ('baik', 'cukup', 'kurang')),
    competent INTEGER NOT NULL CHECK (competent IN (0, 1)),
    coaching_notes TEXT CHECK (coaching_notes IS NULL OR length(coaching_notes) <= 1000),
    motivation TEXT NOT NULL CHECK (motivation IN ('cooperative', 'hesitant', 'refuses')),
    milk_status TEXT CHECK (milk_status IN ('lancar', 'tidak-lancar', 'tidak-ada')),
    UNIQUE (original_id, version)
) STRICT;

CREATE INDEX home_visit_by_family ON home_visit (family_id, visited_on);

CREATE TABLE visit_score (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    visit_id TEXT NOT NULL REFERENCES home_visit (id) ON DELETE CASCADE,
    row_id TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 2),
    note TEXT CHECK (note IS NULL OR length(note) <= 300),
    UNIQUE (visit_id, row_id)
) STRICT;
