-- 001: the device's identity, its settings, and the family profile with the mother's consent.
-- Every record a user creates carries a UUID v7 id, the id of the device that wrote it,
-- and created/updated times as RFC 3339 with the local UTC offset, so that records can
-- later move between devices without colliding or losing their time zone.

CREATE TABLE device (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id TEXT NOT NULL CHECK (length(id) = 36),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE family (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    father_name TEXT NOT NULL CHECK (length(father_name) BETWEEN 1 AND 60),
    mother_name TEXT NOT NULL CHECK (length(mother_name) BETWEEN 1 AND 60),
    baby_birth_date TEXT NOT NULL CHECK (baby_birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    posyandu TEXT CHECK (posyandu IS NULL OR length(posyandu) BETWEEN 1 AND 80),
    rw TEXT CHECK (rw IS NULL OR length(rw) BETWEEN 1 AND 3),
    rt TEXT CHECK (rt IS NULL OR length(rt) BETWEEN 1 AND 3)
) STRICT;

-- Consent is its own record: when it was given, to which version of the text.
CREATE TABLE consent (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('health-data')),
    text_version TEXT NOT NULL,
    given_at TEXT NOT NULL
) STRICT;

CREATE INDEX consent_by_family ON consent (family_id);
