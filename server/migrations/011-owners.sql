-- 011: who may change what. A deletion belongs to its family: a tombstone stops only
-- its own family's record of that id, never another family's (an attacker's deletion
-- of an id he does not hold blocks nothing). A family code remembers the phone that
-- asked for it, so revoking that phone voids its unspent codes and the phones they paired. And a time that a page
-- cannot read is NULL there, never an error that takes the page down.

ALTER TABLE tombstone DROP CONSTRAINT tombstone_pkey;
UPDATE tombstone SET family_id = '' WHERE family_id IS NULL;
ALTER TABLE tombstone ALTER COLUMN family_id SET NOT NULL;
ALTER TABLE tombstone ADD PRIMARY KEY (table_name, id, family_id);

ALTER TABLE pairing_code ADD COLUMN made_by BIGINT REFERENCES device (id);
CREATE INDEX pairing_code_unspent_by_device ON pairing_code (made_by) WHERE used_at IS NULL;
-- A family's phone remembers the cadre's phone whose code paired it: revoking a stolen
-- cadre's phone revokes the family phones it paired too.
ALTER TABLE device ADD COLUMN paired_by BIGINT REFERENCES device (id);
CREATE INDEX device_paired_by ON device (paired_by) WHERE revoked_at IS NULL;

-- The time in a record's text, or NULL where PostgreSQL could not read it (an offset past
-- ±14:59, a year outside 1900-2100, a malformed text): the core refuses such times now,
-- but a page must not fail on a row written before or by hand. A pattern, not an
-- exception handler: this runs for every record an alert query reads, and an exception
-- block would cost a subtransaction each time.
CREATE FUNCTION readable_time(t text) RETURNS timestamptz
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN t ~ '^(19[0-9][0-9]|20[0-9][0-9]|2100)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,9})?(Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$'
        THEN t::timestamptz
    END
$$;
