-- 007: make the posyandu report fast at 10,000 families: each rating carries its family
-- and whether it is the current version, so comfort is read from one covering index
-- range per family instead of joining every session; sessions get a covering index
-- for "given since".

ALTER TABLE session_rating ADD COLUMN family_id TEXT REFERENCES family (id) ON DELETE CASCADE;
ALTER TABLE session_rating ADD COLUMN current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1));

UPDATE session_rating SET family_id = (SELECT s.family_id FROM massage_session s WHERE s.id = session_rating.session_id);
UPDATE session_rating SET current = 0
    WHERE version < (SELECT max(q.version) FROM session_rating q WHERE q.session_id = session_rating.session_id);

CREATE INDEX session_rating_report ON session_rating (family_id, current, created_at, skipped, comfort);
CREATE INDEX massage_session_given ON massage_session (family_id, created_at, status);
