-- 002: the records, as the bundle format carries them (the core crate's schema is the
-- one schema: bodies are kept whole, as JSON, with the hash the merge compares), their
-- replaced versions, deletions, versions set aside for the cadre, and pushes already
-- applied (a push sent again changes nothing and gets the same tally).

CREATE SEQUENCE change_seq;

CREATE TABLE record (
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    -- NULL only for a cadre's name record, which belongs to no family.
    family_id TEXT,
    body JSONB NOT NULL,
    hash TEXT NOT NULL,
    -- Advances at every change: what a pull asks for is "after my cursor".
    seq BIGINT NOT NULL DEFAULT nextval('change_seq'),
    pushed_by BIGINT REFERENCES device (id),
    PRIMARY KEY (table_name, id)
);
CREATE INDEX record_by_family_seq ON record (family_id, seq);

CREATE TABLE record_history (
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    hash TEXT NOT NULL,
    body JSONB NOT NULL,
    PRIMARY KEY (table_name, id, hash)
);

CREATE TABLE tombstone (
    table_name TEXT NOT NULL,
    id TEXT NOT NULL,
    family_id TEXT,
    deleted JSONB NOT NULL,
    seq BIGINT NOT NULL DEFAULT nextval('change_seq'),
    PRIMARY KEY (table_name, id)
);
CREATE INDEX tombstone_by_family_seq ON tombstone (family_id, seq);

CREATE TABLE conflict (
    id BIGSERIAL PRIMARY KEY,
    table_name TEXT NOT NULL,
    record_id TEXT NOT NULL,
    family_id TEXT,
    incoming_hash TEXT NOT NULL,
    body JSONB NOT NULL,
    set_aside_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (table_name, incoming_hash)
);

CREATE TABLE push (
    device_id BIGINT NOT NULL REFERENCES device (id),
    push_id TEXT NOT NULL,
    tally JSONB NOT NULL,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (device_id, push_id)
);
