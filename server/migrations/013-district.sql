-- 013: the district above the puskesmas (Dinas Kesehatan Kabupaten/Kota). A puskesmas
-- may belong to one; a district account, made at a puskesmas of it, reads every
-- puskesmas of that district in counts and rates only (web/access.rs).

CREATE TABLE district (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120)
);

ALTER TABLE puskesmas ADD COLUMN district_id BIGINT REFERENCES district (id);
CREATE INDEX puskesmas_by_district ON puskesmas (district_id);

ALTER TABLE account DROP CONSTRAINT account_role_check;
ALTER TABLE account ADD CONSTRAINT account_role_check
    CHECK (role IN ('admin', 'puskesmas', 'midwife', 'district'));
