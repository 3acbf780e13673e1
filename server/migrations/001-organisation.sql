-- 001: the organisation (puskesmas -> posyandu -> cadres), families' assignment to a
-- cadre, pairing codes and paired devices. Codes and tokens are kept only as hashes.

CREATE TABLE puskesmas (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120)
);

CREATE TABLE posyandu (
    id BIGSERIAL PRIMARY KEY,
    puskesmas_id BIGINT NOT NULL REFERENCES puskesmas (id),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    UNIQUE (puskesmas_id, name)
);

CREATE TABLE cadre (
    id BIGSERIAL PRIMARY KEY,
    posyandu_id BIGINT NOT NULL REFERENCES posyandu (id),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60)
);

-- Every family belongs to a posyandu and is assigned to one cadre.
CREATE TABLE family_assignment (
    family_id TEXT PRIMARY KEY CHECK (length(family_id) = 36),
    cadre_id BIGINT NOT NULL REFERENCES cadre (id),
    assigned_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX family_assignment_by_cadre ON family_assignment (cadre_id);

-- Moving a family to another cadre is an explicit act, recorded.
CREATE TABLE family_transfer (
    id BIGSERIAL PRIMARY KEY,
    family_id TEXT NOT NULL,
    from_cadre BIGINT REFERENCES cadre (id),
    to_cadre BIGINT NOT NULL REFERENCES cadre (id),
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    by_whom TEXT NOT NULL
);

-- A one-time code pairs a cadre's phone, or a family's phone (made by its cadre).
CREATE TABLE pairing_code (
    code_hash TEXT PRIMARY KEY,
    cadre_id BIGINT NOT NULL REFERENCES cadre (id),
    family_id TEXT,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at TIMESTAMPTZ
);

CREATE TABLE device (
    id BIGSERIAL PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    cadre_id BIGINT NOT NULL REFERENCES cadre (id),
    -- A family's phone: only this family; NULL for the cadre's own phone.
    family_id TEXT,
    paired_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at TIMESTAMPTZ,
    last_sync_at TIMESTAMPTZ,
    app_version TEXT
);
