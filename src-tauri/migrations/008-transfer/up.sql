-- 008: records that travel between devices in bundle files (see docs/bundle-format.md).
-- Editable records (the family profile, the massage plan) get a version number; an edit
-- keeps the version it replaces in record_history. A deleted record leaves a tombstone
-- so an old bundle cannot bring it back. Two devices' edits of the same version are
-- both kept: the incoming one waits in sync_conflict until the cadre chooses. Each
-- export and applied import is logged.

ALTER TABLE family ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);
ALTER TABLE massage_plan ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 CHECK (row_version >= 1);

-- A cadre known from another device's bundle (her name on the visits she scored):
-- local = 0, and her pin_hash is a placeholder no PIN can match.
ALTER TABLE cadre ADD COLUMN local INTEGER NOT NULL DEFAULT 1 CHECK (local IN (0, 1));

CREATE TABLE record_history (
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL CHECK (length(record_id) = 36),
    row_version INTEGER NOT NULL CHECK (row_version >= 1),
    -- SHA-256 of the canonical JSON body (the same hash bundles carry).
    hash TEXT NOT NULL CHECK (length(hash) = 64),
    body TEXT NOT NULL,
    kept_at TEXT NOT NULL,
    PRIMARY KEY (table_name, record_id, hash)
) STRICT, WITHOUT ROWID;

CREATE TABLE tombstone (
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL CHECK (length(record_id) = 36),
    family_id TEXT,
    deleted_at TEXT NOT NULL,
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    PRIMARY KEY (table_name, record_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_conflict (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    table_name TEXT NOT NULL,
    -- The local record the incoming version competes with.
    record_id TEXT NOT NULL CHECK (length(record_id) = 36),
    family_id TEXT,
    incoming_hash TEXT NOT NULL CHECK (length(incoming_hash) = 64),
    incoming_body TEXT NOT NULL,
    incoming_device TEXT NOT NULL,
    found_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT CHECK (resolution IN ('kept-local', 'took-incoming')),
    CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
    UNIQUE (table_name, incoming_hash)
) STRICT;

CREATE INDEX sync_conflict_open ON sync_conflict (resolved_at);

CREATE TABLE transfer_log (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    at TEXT NOT NULL,
    -- The device that made the bundle (this one, for an export).
    bundle_device TEXT NOT NULL,
    bundle_hash TEXT NOT NULL CHECK (length(bundle_hash) = 64),
    -- Comma-separated family ids; empty for "every family".
    family_ids TEXT NOT NULL,
    records INTEGER NOT NULL CHECK (records >= 0)
) STRICT;

CREATE INDEX transfer_log_by_direction ON transfer_log (direction, at);
