-- 005: the dashboard's people (admin, puskesmas staff, midwives), their browser
-- sessions, alerts marked handled, and the audit trail of who saw or changed what.

CREATE TABLE account (
    id BIGSERIAL PRIMARY KEY,
    puskesmas_id BIGINT NOT NULL REFERENCES puskesmas (id),
    login TEXT NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9._-]{3,40}$'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    role TEXT NOT NULL CHECK (role IN ('admin', 'puskesmas', 'midwife')),
    -- argon2id, in the PHC string format (salt and parameters inside).
    password_hash TEXT NOT NULL,
    failed_logins INT NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    disabled_at TIMESTAMPTZ
);

-- The posyandu a midwife is responsible for (her whole scope).
CREATE TABLE account_posyandu (
    account_id BIGINT NOT NULL REFERENCES account (id),
    posyandu_id BIGINT NOT NULL REFERENCES posyandu (id),
    PRIMARY KEY (account_id, posyandu_id)
);

-- A browser session: the cookie holds a random token, kept here only as a hash, with
-- the session's own CSRF token for its forms.
CREATE TABLE web_session (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id),
    csrf TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at TIMESTAMPTZ
);
CREATE INDEX web_session_by_account ON web_session (account_id);

-- An alert someone marked as handled, by its key (kind and what it is about).
CREATE TABLE alert_handled (
    alert_key TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES account (id),
    at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE audit (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- NULL for the command line and failed logins of unknown accounts.
    account_id BIGINT REFERENCES account (id),
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_time ON audit (at DESC);
