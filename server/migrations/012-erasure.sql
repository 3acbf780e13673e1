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

-- An erasure finds each of its rows by an index, however many families there are.
CREATE INDEX conflict_by_family ON conflict (family_id);
CREATE INDEX pairing_code_by_family ON pairing_code (family_id) WHERE family_id IS NOT NULL;
CREATE INDEX family_transfer_by_family ON family_transfer (family_id);
CREATE INDEX record_history_by_family ON record_history ((body->>'family_id'));
