-- 008: a push writes fewer index entries (measured in `make bench-server`: the record
-- insert was most of a push's database time; figures in docs/scaling.md).
--
-- Sessions and ratings, nine records in ten, have their own indexes by family and time
-- (007), so the index by family, table and time keeps only the other tables.
DROP INDEX record_family_table_time;
CREATE INDEX record_family_table_time ON record (family_id, table_name, (body->>'created_at'))
    WHERE table_name NOT IN ('massage_session', 'session_rating');
-- The pushing device was checked against `device` row by row. The server gives the
-- value itself (the device of the request's token) and never deletes a device (a
-- revoked one keeps its row), so the check could never fail.
ALTER TABLE record DROP CONSTRAINT record_pushed_by_fkey;
