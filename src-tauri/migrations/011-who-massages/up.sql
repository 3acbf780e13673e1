-- 011: who gave a session, and whom the cadre watched at a visit (seed 002: the
-- mother "bisa dibantu pijat oleh ayah atau nenek"). NULL on rows recorded before
-- this, which read and hash exactly as before; every new session names its giver.

ALTER TABLE massage_session ADD COLUMN given_by TEXT
    CHECK (given_by IS NULL OR given_by IN ('father', 'grandmother', 'other-family'));
ALTER TABLE home_visit ADD COLUMN observed TEXT
    CHECK (observed IS NULL OR observed IN ('father', 'grandmother', 'other-family'));

-- The report counts sessions by giver per family and period: with given_by in the
-- index it still reads the index alone, as before (a prefix serves the old queries).
DROP INDEX massage_session_given;
CREATE INDEX massage_session_given ON massage_session (family_id, created_at, status, given_by);
