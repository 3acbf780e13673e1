-- 002: guided massage sessions with every transition and pass, and each family's plan.

-- How long a pass lasts and how many there are, per family (a cadre or midwife may change it).
CREATE TABLE massage_plan (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL UNIQUE REFERENCES family (id) ON DELETE CASCADE,
    pass_seconds INTEGER NOT NULL CHECK (pass_seconds BETWEEN 60 AND 300),
    passes INTEGER NOT NULL CHECK (passes BETWEEN 1 AND 5)
) STRICT;

-- One session: made when the mother's consent for today is asked, kept whatever happens.
CREATE TABLE massage_session (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    protocol_version TEXT NOT NULL,
    pass_seconds INTEGER NOT NULL CHECK (pass_seconds BETWEEN 60 AND 300),
    passes INTEGER NOT NULL CHECK (passes BETWEEN 1 AND 5),
    status TEXT NOT NULL CHECK (status IN ('preparing', 'running', 'finished', 'stopped', 'not-started')),
    stop_reason TEXT CHECK (stop_reason IN ('no-consent', 'safety', 'mother-asked', 'pain', 'interrupted', 'other')),
    -- Safety questions answered "yes", comma-separated ids (only when stopped for safety).
    safety_flags TEXT,
    started_at TEXT,
    ended_at TEXT,
    -- Monotonic schedule position of the last transition, to resume after a kill.
    last_active_ms INTEGER NOT NULL DEFAULT 0 CHECK (last_active_ms >= 0),
    CHECK ((status IN ('stopped', 'not-started')) = (stop_reason IS NOT NULL))
) STRICT;

CREATE INDEX massage_session_by_family ON massage_session (family_id, created_at);
CREATE INDEX massage_session_by_status ON massage_session (status);

-- Every transition, written as it happens.
CREATE TABLE session_event (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES massage_session (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('started', 'countdown-started', 'pass-started', 'pass-halfway',
        'pass-ended', 'paused', 'resumed', 'closing-started', 'finished', 'stopped')),
    pass INTEGER CHECK (pass BETWEEN 1 AND 5),
    at TEXT NOT NULL,
    active_ms INTEGER NOT NULL CHECK (active_ms >= 0)
) STRICT;

CREATE INDEX session_event_by_session ON session_event (session_id, at);

-- Each pass's start, end and paused time (an interrupted pass given again is restarted).
CREATE TABLE session_pass (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES massage_session (id) ON DELETE CASCADE,
    pass INTEGER NOT NULL CHECK (pass BETWEEN 1 AND 5),
    started_at TEXT NOT NULL,
    ended_at TEXT,
    paused_ms INTEGER NOT NULL DEFAULT 0 CHECK (paused_ms >= 0),
    UNIQUE (session_id, pass)
) STRICT;
