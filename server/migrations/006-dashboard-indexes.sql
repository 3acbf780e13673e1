-- 006: indexes for the dashboard's pages, from the district benchmark's plans
-- (make bench-district; the figures before and after are in docs/scaling.md).
-- A family's records of one table in time order: sessions of the last week, ratings
-- and sessions of a report's period, milk statuses, tests, trainings. Before it every
-- such question read all of a family's records (about 1,200 a year) and their bodies.
CREATE INDEX record_family_table_time ON record (family_id, table_name, (body->>'created_at'));
-- A family's last visit by its day.
CREATE INDEX record_visit_day ON record (family_id, (body->>'visited_on'))
    WHERE table_name = 'home_visit';
-- The rare records alerts look for, each found without reading the rest.
CREATE INDEX record_stop_alert ON record (family_id)
    WHERE table_name = 'massage_session' AND body->>'stop_reason' IN ('pain', 'safety');
CREATE INDEX record_milk_none ON record (family_id)
    WHERE table_name = 'milk_status' AND body->>'status' = 'tidak-ada';
CREATE INDEX record_score_zero ON record (family_id)
    WHERE table_name = 'visit_score' AND body->>'score' = '0';
