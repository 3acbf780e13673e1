-- 004: each cadre's posko Ayah ASI (place, day, hours, contact), as her phone sends it in
-- a push's header; her families' phones receive it with their pulls.

CREATE TABLE cadre_posko (
    cadre_id BIGINT PRIMARY KEY REFERENCES cadre (id),
    notice JSONB NOT NULL,
    -- The notice's own time (RFC 3339): an older notice never replaces a newer one.
    updated_at TIMESTAMPTZ NOT NULL
);
