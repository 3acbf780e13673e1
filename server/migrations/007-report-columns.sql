-- 007: what the report counts, kept beside each session and rating as plain columns
-- (computed by PostgreSQL from the body, never written by hand), so the report reads
-- them from an index alone instead of fetching and parsing every body. Measured at
-- district size (make bench-district): a puskesmas's 3-month report read 540,000
-- bodies for its sessions and ratings.
ALTER TABLE record
    ADD COLUMN made_at TEXT GENERATED ALWAYS AS (body->>'created_at') STORED,
    ADD COLUMN session_status TEXT GENERATED ALWAYS AS (
        CASE WHEN table_name = 'massage_session' THEN body->>'status' END) STORED,
    ADD COLUMN given_by TEXT GENERATED ALWAYS AS (
        CASE WHEN table_name = 'massage_session' THEN body->>'given_by' END) STORED,
    ADD COLUMN rating_session TEXT GENERATED ALWAYS AS (
        CASE WHEN table_name = 'session_rating' THEN body->>'session_id' END) STORED,
    ADD COLUMN rating_version INT GENERATED ALWAYS AS (
        CASE WHEN table_name = 'session_rating' THEN (body->>'version')::int END) STORED,
    -- The comfort a mother gave; NULL when she skipped or did not answer.
    ADD COLUMN rating_comfort INT GENERATED ALWAYS AS (
        CASE WHEN table_name = 'session_rating' AND body->>'skipped' = '0'
             THEN (body->>'comfort')::int END) STORED;

CREATE INDEX record_session_given ON record (family_id, made_at)
    INCLUDE (session_status, given_by) WHERE table_name = 'massage_session';
CREATE INDEX record_rating_made ON record (family_id, made_at)
    INCLUDE (rating_session, rating_version, rating_comfort) WHERE table_name = 'session_rating';
CREATE INDEX record_rating_versions ON record (rating_session, rating_version)
    WHERE table_name = 'session_rating';
