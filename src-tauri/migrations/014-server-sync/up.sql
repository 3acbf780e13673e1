-- 014: syncing with the puskesmas server. One row of this device's sync state (the
-- token itself is not here: it lives in a file of the data folder, never in the database,
-- its backups or a bundle). Families whose every record must be pushed again (they
-- changed by a file, with their own older times) wait in server_push_due.

CREATE TABLE server_sync (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    -- The server this state belongs to: a new pairing elsewhere starts afresh.
    server_address TEXT NOT NULL,
    -- Change number of the last pull applied here.
    pull_cursor INTEGER NOT NULL DEFAULT 0 CHECK (pull_cursor >= 0),
    -- Records changed at or after this time have not been acknowledged (NULL: none was).
    pushed_since TEXT,
    -- A push sent (or about to be) whose answer has not come back: sent again as is.
    pending_push_id TEXT CHECK (pending_push_id IS NULL OR length(pending_push_id) = 36),
    pending_push_at TEXT,
    last_success_at TEXT,
    last_attempt_at TEXT,
    last_failure TEXT,
    last_failure_code TEXT,
    last_sent INTEGER NOT NULL DEFAULT 0,
    last_received INTEGER NOT NULL DEFAULT 0,
    last_to_choose INTEGER NOT NULL DEFAULT 0,
    CHECK ((pending_push_id IS NULL) = (pending_push_at IS NULL))
) STRICT;

CREATE TABLE server_push_due (
    family_id TEXT PRIMARY KEY REFERENCES family (id) ON DELETE CASCADE,
    since TEXT NOT NULL
) STRICT;

-- Families the server says are now another cadre's (moved by the puskesmas): this
-- phone stops sending them, until one comes back to her with a pull.
CREATE TABLE server_family_elsewhere (
    family_id TEXT PRIMARY KEY REFERENCES family (id) ON DELETE CASCADE,
    noticed_at TEXT NOT NULL
) STRICT;
