-- 010: whether a rating is its session's current version is asked of a rating's later
-- versions only (a mother changed her answer: rare), kept in a small partial index. The
-- index of every rating's version it replaces was scanned whole (3.6 million entries,
-- 600 ms of a puskesmas's report) once the planner knew how many families a report has;
-- it also cost every pushed rating an index entry (make bench-district, bench-server).
DROP INDEX record_rating_versions;
CREATE INDEX record_rating_later ON record (rating_session, rating_version)
    WHERE table_name = 'session_rating' AND rating_version > 1;
