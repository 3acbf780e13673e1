-- 003: the mother's rating of each session (corrections add versions), milk production
-- status with its indicators, and the family's reminder times.

CREATE TABLE session_rating (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES massage_session (id) ON DELETE CASCADE,
    -- 1 for her first answer; a correction adds the next version, the old one stays.
    version INTEGER NOT NULL CHECK (version >= 1),
    answered_by TEXT NOT NULL CHECK (answered_by IN ('mother', 'father', 'cadre')),
    skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
    comfort INTEGER CHECK (comfort BETWEEN 1 AND 5),
    pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
    pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
    milk_flow TEXT CHECK (milk_flow IN ('none', 'drips', 'sprays')),
    note TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 500),
    UNIQUE (session_id, version),
    -- A skip records nothing; an answer has at least comfort and milk flow.
    CHECK (CASE skipped
        WHEN 1 THEN comfort IS NULL AND milk_flow IS NULL AND pain_before IS NULL AND pain_after IS NULL AND note IS NULL
        ELSE comfort IS NOT NULL AND milk_flow IS NOT NULL END)
) STRICT;

CREATE TABLE milk_status (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    recorded_on TEXT NOT NULL CHECK (recorded_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status TEXT NOT NULL CHECK (status IN ('lancar', 'tidak-lancar', 'tidak-ada')),
    -- Indicators that hold, comma-separated ids (see domain::rating::MILK_INDICATORS).
    indicators TEXT NOT NULL,
    recorded_by TEXT NOT NULL CHECK (recorded_by IN ('mother', 'cadre')),
    kind TEXT NOT NULL CHECK (kind IN ('enrolment', 'follow-up'))
) STRICT;

CREATE INDEX milk_status_by_family ON milk_status (family_id, recorded_on);

CREATE TABLE reminder_settings (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL UNIQUE REFERENCES family (id) ON DELETE CASCADE,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    morning TEXT NOT NULL CHECK (morning GLOB '[0-2][0-9]:[0-5][0-9]'),
    evening TEXT NOT NULL CHECK (evening GLOB '[0-2][0-9]:[0-5][0-9]')
) STRICT;
