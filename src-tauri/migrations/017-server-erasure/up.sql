-- 017: a family's erasure that must still reach the puskesmas server. "Hapus semua data
-- keluarga" on a paired family's phone, or a cadre's "also from the server", deletes the
-- family here at once (its tombstone stays, without names); the family's id waits here
-- until a push has carried that tombstone to the server, which then erases the family
-- there and on every other phone. No foreign key: the family is already gone.

CREATE TABLE server_erasure_due (
    family_id TEXT PRIMARY KEY CHECK (length(family_id) = 36),
    asked_at TEXT NOT NULL
) STRICT;
