-- 003: finding a record by its natural key (the core schema's `natural_key` columns: a
-- family's one plan, a rating's session and version, ...) through an index instead of
-- reading every record's body. Measured: a cadre's day pushed in 452 ms before, most
-- of it in these lookups. A test checks every natural key in the core has its index.

CREATE INDEX record_key_massage_plan ON record ((body->>'family_id'))
    WHERE table_name = 'massage_plan';
CREATE INDEX record_key_session_rating ON record ((body->>'session_id'), (body->>'version'))
    WHERE table_name = 'session_rating';
CREATE INDEX record_key_home_visit ON record ((body->>'original_id'), (body->>'version'))
    WHERE table_name = 'home_visit';
CREATE INDEX record_key_visit_score ON record ((body->>'visit_id'), (body->>'row_id'))
    WHERE table_name = 'visit_score';
CREATE INDEX record_key_lesson_read ON record ((body->>'family_id'), (body->>'lesson_id'))
    WHERE table_name = 'lesson_read';
