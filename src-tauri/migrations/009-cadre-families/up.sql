-- 009: the families a cadre is assigned to: those she registered or imported in cadre
-- mode. Cadre mode shows only these (and the device's own family, if it has one).
-- Device-local: assignments do not travel in bundles.

CREATE TABLE cadre_family (
    cadre_id TEXT NOT NULL REFERENCES cadre (id) ON DELETE CASCADE,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (cadre_id, family_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX cadre_family_by_family ON cadre_family (family_id);

-- Until now every family a cadre saw got onto the device through her.
INSERT INTO cadre_family (cadre_id, family_id, assigned_at)
    SELECT c.id, f.id, f.created_at FROM cadre c, family f
    WHERE c.local = 1 AND f.registered_by = 'cadre';
