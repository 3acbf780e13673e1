-- 012: a family's erasure along the chain (UU PDP No. 27/2022). An erased family keeps
-- only its assignment (its id and its cadre, so the erasure's tombstone reaches her
-- phone and the family's at their next pull) and that tombstone: no record, version,
-- deletion, clash or code of it stays. And the time its last record arrived, from which
-- the server's retention counts.

ALTER TABLE family_assignment
    ADD COLUMN last_record_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN erased_at TIMESTAMPTZ;
CREATE INDEX family_assignment_to_erase ON family_assignment (last_record_at)
    WHERE erased_at IS NULL;
