-- 018: what the baby had yesterday (issue 35), asked of the mother weekly and by the
-- cadre at a visit; the exclusive breastfeeding indicators and the cadre's alert are
-- counted from it by the core (`feeding.rs`). One row per answer, never edited.

CREATE TABLE feeding_recall (
    id TEXT PRIMARY KEY CHECK (length(id) = 36),
    device_id TEXT NOT NULL CHECK (length(device_id) = 36),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES family (id) ON DELETE CASCADE,
    -- The day asked; the answer is about the day before.
    recalled_on TEXT NOT NULL CHECK (recalled_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    -- What the baby had, comma-separated ids (domain::feeding::FoodItem::IDS).
    items TEXT NOT NULL CHECK (length(items) BETWEEN 1 AND 200),
    -- Since birth: was anything but breast milk ever given ('yes'/'no'), and when first.
    ever_other TEXT CHECK (ever_other IN ('yes', 'no')),
    first_other_on TEXT CHECK (first_other_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded_by TEXT NOT NULL CHECK (recorded_by IN ('mother', 'cadre'))
) STRICT;

CREATE INDEX feeding_recall_by_family ON feeding_recall (family_id, recalled_on);
