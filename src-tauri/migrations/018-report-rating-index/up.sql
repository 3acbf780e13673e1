-- 018: the report now reads each current rating's session and version beside its
-- comfort (the core decides which version counts, for the app and the server alike);
-- the covering index holds them too, so the report still reads one index range per
-- family and never the table.

DROP INDEX session_rating_report;
CREATE INDEX session_rating_report
    ON session_rating (family_id, current, created_at, skipped, comfort, session_id, version);
